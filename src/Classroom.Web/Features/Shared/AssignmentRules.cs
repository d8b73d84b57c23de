using Classroom.Web.Data.Entities;

namespace Classroom.Web.Features.Shared;

/// <summary>Where a student stands with one assignment, in the words the student sees.</summary>
public enum StudentStatus
{
    NotOpenYet,
    Open,
    InProgress,
    Submitted,
    NeedsGrading,
    Graded,
    Released,
    Missed,
}

public sealed record AttemptFacts(int Id, AttemptStatus Status, DateTime? SubmittedAt, decimal? Score);

public static class AssignmentRules
{
    public static StudentStatus StatusFor(Assignment assignment, IReadOnlyList<AttemptFacts> attempts, DateTime now)
    {
        if (attempts.Any(a => a.Status == AttemptStatus.InProgress)) return StudentStatus.InProgress;
        var submitted = attempts.Where(a => a.Status != AttemptStatus.InProgress).ToList();
        if (submitted.Count == 0)
        {
            if (now < assignment.OpensAt) return StudentStatus.NotOpenYet;
            return now > assignment.DueAt && assignment.LatePolicy == LatePolicy.Refuse ? StudentStatus.Missed : StudentStatus.Open;
        }
        if (assignment.ReleasedAt is not null) return StudentStatus.Released;
        // Until release, a "nothing until release" assignment shows only that the work is in.
        if (assignment.ReviewPolicy == ReviewPolicy.NothingUntilRelease) return StudentStatus.Submitted;
        return submitted.Any(a => a.Status == AttemptStatus.NeedsGrading) ? StudentStatus.NeedsGrading : StudentStatus.Graded;
    }

    public static string Label(StudentStatus status) => status switch
    {
        StudentStatus.NotOpenYet => "Not open yet",
        StudentStatus.Open => "Open",
        StudentStatus.InProgress => "In progress",
        StudentStatus.Submitted => "Submitted",
        StudentStatus.NeedsGrading => "Needs grading",
        StudentStatus.Graded => "Graded",
        StudentStatus.Released => "Grades released",
        StudentStatus.Missed => "Closed: not submitted",
        _ => status.ToString(),
    };

    public static bool IsLate(Assignment assignment, DateTime? submittedAt) => submittedAt > assignment.DueAt;

    /// <summary>The attempt that counts when several were allowed: the highest score, then the latest.</summary>
    public static AttemptFacts? Counting(IEnumerable<AttemptFacts> attempts) =>
        attempts.Where(a => a.Status != AttemptStatus.InProgress)
            .OrderByDescending(a => a.Score ?? -1).ThenByDescending(a => a.SubmittedAt).FirstOrDefault();

    /// <summary>What a student may see of their results, given the assignment's review policy and release.</summary>
    public static (bool Score, bool Keys, bool Grading) Visible(Assignment? assignment)
    {
        if (assignment is null) return (true, true, true); // practice: everything
        var released = assignment.ReleasedAt is not null;
        return assignment.ReviewPolicy switch
        {
            ReviewPolicy.NothingUntilRelease => (released, released, released),
            ReviewPolicy.ScoreOnly => (true, false, released),
            _ => (true, true, released),
        };
    }

    public static string Describe(ReviewPolicy policy) => policy switch
    {
        ReviewPolicy.NothingUntilRelease => "Nothing until grades are released; then scores, feedback, keys and explanations",
        ReviewPolicy.ScoreOnly => "The automatic score on submitting; teacher grades and feedback once released; never the keys",
        _ => "Score, keys and explanations on submitting; teacher grades and feedback once released",
    };

    public static string Describe(LatePolicy policy) => policy switch
    {
        LatePolicy.Refuse => "Refused after the due time",
        _ => "Accepted after the due time and marked late",
    };
}
