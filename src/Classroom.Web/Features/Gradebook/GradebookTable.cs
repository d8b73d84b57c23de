using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;

namespace Classroom.Web.Features.Gradebook;

public sealed record GradebookStudent(string Id, string Name, string Email);

/// <summary>An assignment's column: its rules, so each student's own terms (extensions, excused) can be worked out.</summary>
public sealed record GradebookAssignment(int Id, int ClassId, string Title, decimal MaxScore, DateTime OpensAt, DateTime DueAt, int AttemptsAllowed,
    LatePolicy LatePolicy, bool Released)
{
    public Assignment AsAssignment() => new() { Id = Id, ClassId = ClassId, OpensAt = OpensAt, DueAt = DueAt, AttemptsAllowed = AttemptsAllowed, LatePolicy = LatePolicy };
}

public sealed record GradebookAttempt(int Id, string StudentId, int AssignmentId, AttemptStatus Status, DateTime? SubmittedAt, decimal? Score, bool Returned);

/// <summary>Where a grade stands: only a final grade is a grade; everything else says what it is.</summary>
public enum CellStatus
{
    /// <summary>Submitted and every answer graded.</summary>
    Final,
    /// <summary>Submitted; some answer waits for the teacher, so the points are the automatic part only.</summary>
    NeedsGrading,
    /// <summary>An attempt is open and nothing is submitted yet.</summary>
    InProgress,
    /// <summary>Past the student's due time with nothing submitted: counts 0.</summary>
    Missing,
    /// <summary>The student is excused: counts neither for nor against them.</summary>
    Excused,
    /// <summary>Not submitted, and not due yet.</summary>
    NotDue,
}

public sealed record GradebookCell(int? AttemptId, decimal? Points, decimal Max, CellStatus Status, bool Late, string Exceptions)
{
    public decimal? Percent => Points is decimal p && Max > 0 ? Math.Round(p / Max * 100, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>The status in words, as the page, the CSV and the PDF say it: "final", "final, late", "needs grading"…</summary>
    public string StatusText => Status switch
    {
        CellStatus.Final => "final",
        CellStatus.NeedsGrading => "needs grading",
        CellStatus.InProgress => "in progress",
        CellStatus.Missing => "missing",
        CellStatus.Excused => "excused",
        CellStatus.NotDue => "not due",
        _ => throw new ArgumentOutOfRangeException(nameof(Status), Status, "unknown cell status"),
    } + (Late ? ", late" : "");
}

public sealed record GradebookRow(GradebookStudent Student, IReadOnlyList<GradebookCell> Cells, decimal Total, decimal Possible)
{
    public decimal? Percent => Possible > 0 ? Math.Round(Total / Possible * 100, 1, MidpointRounding.AwayFromZero) : null;
}

public sealed record ColumnSummary(int Submitted, decimal? Average, decimal? Median);

/// <summary>
/// Students × assignments. A cell holds the attempt that counts (the highest score, never a returned one) and
/// says where it stands. Totals count final grades and missing work (0 of the maximum) by default; grades still
/// being marked count only when the teacher asks (<paramref name="countUnfinished"/>), and then as their
/// automatic part. Excused work and work not yet due add nothing to what is possible.
/// </summary>
public sealed record GradebookTable(IReadOnlyList<GradebookAssignment> Assignments, IReadOnlyList<GradebookRow> Rows, IReadOnlyList<ColumnSummary> Columns,
    bool CountUnfinished)
{
    public static GradebookTable Build(IReadOnlyList<GradebookStudent> students, IReadOnlyList<GradebookAssignment> assignments,
        IReadOnlyList<GradebookAttempt> attempts, ExceptionBook book, DateTime now, bool countUnfinished = false)
    {
        var byKey = attempts.ToLookup(a => (a.StudentId, a.AssignmentId));
        var rows = students.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(student =>
        {
            decimal total = 0, possible = 0;
            var cells = assignments.Select(assignment =>
            {
                var terms = StudentTerms.Of(assignment.AsAssignment(), null, book.For(assignment.ClassId, assignment.Id, student.Id));
                var mine = byKey[(student.Id, assignment.Id)].ToList();
                var counting = AssignmentRules.Counting(mine.Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score, a.Returned)));
                var status = terms.Exceptions.Excused ? CellStatus.Excused
                    : counting is not null ? (counting.Status == AttemptStatus.NeedsGrading ? CellStatus.NeedsGrading : CellStatus.Final)
                    : mine.Any(a => a.Status == AttemptStatus.InProgress) ? CellStatus.InProgress
                    : now > terms.DueAt ? CellStatus.Missing
                    : CellStatus.NotDue;
                var points = status switch
                {
                    CellStatus.Final or CellStatus.NeedsGrading => counting!.Score ?? 0,
                    CellStatus.Missing => 0,
                    _ => (decimal?)null,
                };
                if (status is CellStatus.Final or CellStatus.Missing || (status == CellStatus.NeedsGrading && countUnfinished))
                {
                    total += points ?? 0;
                    possible += assignment.MaxScore;
                }
                return new GradebookCell(counting?.Id, points, assignment.MaxScore, status,
                    counting is not null && AssignmentRules.IsLate(terms, counting.SubmittedAt), (terms.Exceptions with { Excused = false }).Marks); // the status already says "excused"
            }).ToList();
            return new GradebookRow(student, cells, total, possible);
        }).ToList();

        var columns = assignments.Select((_, i) =>
        {
            // Averages are of final grades: an unfinished grade would pull the average down.
            var points = rows.Select(r => r.Cells[i]).Where(c => c.Status == CellStatus.Final).Select(c => c.Points ?? 0).Order().ToList();
            var submitted = rows.Count(r => r.Cells[i].AttemptId is not null);
            return new ColumnSummary(submitted,
                points.Count == 0 ? null : Math.Round(points.Average(), 2, MidpointRounding.AwayFromZero),
                points.Count == 0 ? null : Median(points));
        }).ToList();
        return new GradebookTable(assignments, rows, columns, countUnfinished);
    }

    private static decimal Median(IReadOnlyList<decimal> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
