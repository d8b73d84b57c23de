using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Assignments;

using Classroom.Web.Features.Shared;

namespace Classroom.Web.Features.Gradebook;

public sealed record GradebookStudent(string Id, string Name, string Email);

public sealed record GradebookAssignment(int Id, string Title, decimal MaxScore, DateTime DueAt, bool Released);

public sealed record GradebookAttempt(int Id, string StudentId, int AssignmentId, AttemptStatus Status, DateTime? SubmittedAt, decimal? Score);

public sealed record GradebookCell(int? AttemptId, decimal? Points, decimal Max, bool Late, bool NeedsGrading, bool InProgress, bool Missing)
{
    public decimal? Percent => Points is decimal p && Max > 0 ? Math.Round(p / Max * 100, 1, MidpointRounding.AwayFromZero) : null;
}

public sealed record GradebookRow(GradebookStudent Student, IReadOnlyList<GradebookCell> Cells, decimal Total, decimal Possible)
{
    public decimal? Percent => Possible > 0 ? Math.Round(Total / Possible * 100, 1, MidpointRounding.AwayFromZero) : null;
}

public sealed record ColumnSummary(int Submitted, decimal? Average, decimal? Median);

/// <summary>
/// Students × assignments. A cell holds the attempt that counts (the highest score); a missing attempt
/// after the due time counts 0 of the maximum; an assignment not yet due adds nothing to what is possible.
/// </summary>
public sealed record GradebookTable(IReadOnlyList<GradebookAssignment> Assignments, IReadOnlyList<GradebookRow> Rows, IReadOnlyList<ColumnSummary> Columns)
{
    public static GradebookTable Build(IReadOnlyList<GradebookStudent> students, IReadOnlyList<GradebookAssignment> assignments,
        IReadOnlyList<GradebookAttempt> attempts, DateTime now)
    {
        var byKey = attempts.ToLookup(a => (a.StudentId, a.AssignmentId));
        var rows = students.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(student =>
        {
            decimal total = 0, possible = 0;
            var cells = assignments.Select(assignment =>
            {
                var mine = byKey[(student.Id, assignment.Id)].ToList();
                var counting = AssignmentRules.Counting(mine.Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score)));
                var inProgress = mine.Any(a => a.Status == AttemptStatus.InProgress);
                var missing = counting is null && now > assignment.DueAt;
                if (counting is not null)
                {
                    total += counting.Score ?? 0;
                    possible += assignment.MaxScore;
                }
                else if (missing) possible += assignment.MaxScore;
                return new GradebookCell(counting?.Id, counting is null ? (missing ? 0 : null) : counting.Score ?? 0, assignment.MaxScore,
                    counting?.SubmittedAt > assignment.DueAt,
                    counting?.Status == AttemptStatus.NeedsGrading, inProgress && counting is null, missing);
            }).ToList();
            return new GradebookRow(student, cells, total, possible);
        }).ToList();

        var columns = assignments.Select((_, i) =>
        {
            var points = rows.Select(r => r.Cells[i]).Where(c => c.AttemptId is not null).Select(c => c.Points ?? 0).Order().ToList();
            return new ColumnSummary(points.Count,
                points.Count == 0 ? null : Math.Round(points.Average(), 2, MidpointRounding.AwayFromZero),
                points.Count == 0 ? null : Median(points));
        }).ToList();
        return new GradebookTable(assignments, rows, columns);
    }

    private static decimal Median(IReadOnlyList<decimal> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
