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
    Excused,
}

public sealed record AttemptFacts(int Id, AttemptStatus Status, DateTime? SubmittedAt, decimal? Score, bool Returned = false);

/// <summary>
/// The dates and limits that hold for one student on one assignment: the assignment's, changed by what their
/// teacher granted them (a later due time, more attempts, more time, a returned attempt).
/// </summary>
public sealed record StudentTerms(DateTime OpensAt, DateTime DueAt, int AttemptsAllowed, int? TimeLimitMinutes, LatePolicy LatePolicy, StudentExceptions Exceptions)
{
    public static StudentTerms Of(Assignment assignment, int? quizTimeLimit, StudentExceptions? exceptions = null)
    {
        var ex = exceptions ?? StudentExceptions.None;
        var limit = assignment.TimeLimitMinutes ?? quizTimeLimit;
        return new(assignment.OpensAt, ex.DueAt ?? assignment.DueAt, assignment.AttemptsAllowed + ex.ExtraAttempts + ex.Reopens,
            limit is int minutes ? (int)Math.Ceiling(minutes * ex.TimeMultiplier) : null, assignment.LatePolicy, ex);
    }

    public bool Extended(Assignment assignment) => DueAt != assignment.DueAt;
}

public static class AssignmentRules
{
    public static StudentStatus StatusFor(Assignment assignment, StudentTerms terms, IReadOnlyList<AttemptFacts> attempts, DateTime now)
    {
        if (terms.Exceptions.Excused) return StudentStatus.Excused;
        if (attempts.Any(a => a.Status == AttemptStatus.InProgress)) return StudentStatus.InProgress;
        var submitted = attempts.Where(a => a.Status != AttemptStatus.InProgress && !a.Returned).ToList();
        if (submitted.Count == 0)
        {
            if (now < terms.OpensAt) return StudentStatus.NotOpenYet;
            return now > terms.DueAt && terms.LatePolicy == LatePolicy.Refuse ? StudentStatus.Missed : StudentStatus.Open;
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
        StudentStatus.Excused => "Excused",
        _ => status.ToString(),
    };

    /// <summary>Late means after the student's own due time (an extension moves it).</summary>
    public static bool IsLate(StudentTerms terms, DateTime? submittedAt) => submittedAt > terms.DueAt;

    /// <summary>
    /// Why the student may not start a new attempt now, or null when they may (resuming an open one is always allowed).
    /// The one rule behind the assignment page's Start button and the server's refusal.
    /// </summary>
    public static string? StartRefusal(StudentTerms terms, IReadOnlyList<AttemptFacts> attempts, DateTime now, string zone)
    {
        if (attempts.Any(a => a.Status == AttemptStatus.InProgress)) return null;
        if (terms.Exceptions.Excused) return "You are excused from this assignment.";
        if (now < terms.OpensAt) return $"This assignment opens on {ClassTime.Format(terms.OpensAt, zone)}.";
        if (now > terms.DueAt && terms.LatePolicy == LatePolicy.Refuse)
            return $"This assignment was due on {ClassTime.Format(terms.DueAt, zone)}, and late work is not accepted.";
        if (attempts.Count >= terms.AttemptsAllowed)
            return terms.AttemptsAllowed == 1
                ? "You have already submitted this assignment, and it allows one attempt."
                : $"You have used all {terms.AttemptsAllowed} attempts at this assignment.";
        return null;
    }

    /// <summary>When an attempt started now must end: its time limit, and never after the due time if late work is refused.</summary>
    public static DateTime? Deadline(StudentTerms terms, DateTime now)
    {
        DateTime? deadline = terms.TimeLimitMinutes is int minutes ? now.AddMinutes(minutes) : null;
        if (terms.LatePolicy == LatePolicy.Refuse && (deadline is null || deadline > terms.DueAt))
            deadline = terms.DueAt; // work is refused after the due time, so the attempt ends there too
        return deadline;
    }

    /// <summary>The attempt that counts when several were allowed: the highest score, then the latest; never one returned for resubmission.</summary>
    public static AttemptFacts? Counting(IEnumerable<AttemptFacts> attempts) =>
        attempts.Where(a => a.Status != AttemptStatus.InProgress && !a.Returned)
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

    /// <summary>
    /// Whether a student may see the keys of an assignment's quiz anywhere (its review, or practice): with
    /// "score and keys" once they have submitted, otherwise once grades are released.
    /// </summary>
    public static bool KeysOpenTo(ReviewPolicy policy, bool released, bool submitted) =>
        released || (policy == ReviewPolicy.ScoreAndKeys && submitted);

    public static string Describe(LessonMarkup markup) => markup switch
    {
        LessonMarkup.TryFirst => "Try first: the lesson's highlights, notes and ledger open to each student when they submit, or when the assignment closes",
        _ => "Open book: students can read the lesson's highlights, notes and ledger before the quiz",
    };

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
