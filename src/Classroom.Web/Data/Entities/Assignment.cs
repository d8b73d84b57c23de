namespace Classroom.Web.Data.Entities;

/// <summary>Another instructor who teaches a class with its owner.</summary>
public class ClassInstructor
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public Class? Class { get; set; }
    public string InstructorId { get; set; } = "";
    public ApplicationUser? Instructor { get; set; }
    public DateTime AddedAt { get; set; }
}

public enum LatePolicy
{
    /// <summary>Submissions after the due time are accepted and marked late.</summary>
    AcceptAndMarkLate,
    /// <summary>No work is accepted after the due time.</summary>
    Refuse,
}

public enum LessonMarkup
{
    /// <summary>Students see the lesson's highlights, notes and ledger before the quiz: an open-book quiz.</summary>
    OpenBook,
    /// <summary>Students of the class see the article plain until they submit or the assignment closes: they try first.</summary>
    TryFirst,
}

public enum ReviewPolicy
{
    /// <summary>Students see nothing of their results until the instructor releases grades.</summary>
    NothingUntilRelease,
    /// <summary>Students see their score on submitting; never keys or explanations.</summary>
    ScoreOnly,
    /// <summary>Students see their score, the keys and the explanations on submitting.</summary>
    ScoreAndKeys,
}

/// <summary>One quiz version given to one class, with its dates and rules.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public Class? Class { get; set; }
    public int QuizVersionId { get; set; }
    public QuizVersion? QuizVersion { get; set; }
    public string LessonSlug { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTime OpensAt { get; set; }
    public DateTime DueAt { get; set; }
    public int AttemptsAllowed { get; set; } = 1;
    public int? TimeLimitMinutes { get; set; }
    public LatePolicy LatePolicy { get; set; }
    public ReviewPolicy ReviewPolicy { get; set; }
    public LessonMarkup LessonMarkup { get; set; }
    /// <summary>When grades and feedback became visible to students; null while unreleased.</summary>
    public DateTime? ReleasedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
}

/// <summary>The audit trail: every change to a response's points or feedback, who made it and why.</summary>
public class ScoreChange
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public Response? Response { get; set; }
    public string ChangedById { get; set; } = "";
    public ApplicationUser? ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
    public decimal? OldPoints { get; set; }
    public decimal? NewPoints { get; set; }
    public string? Reason { get; set; }
}

public enum ExceptionKind
{
    /// <summary>Class-wide: every timed assignment's limit is multiplied (an accommodation such as 1.5× time).</summary>
    TimeMultiplier,
    /// <summary>A later due time for one student.</summary>
    Extension,
    /// <summary>More attempts for one student.</summary>
    ExtraAttempts,
    /// <summary>The student is excused: the assignment counts neither for nor against them.</summary>
    Excused,
    /// <summary>A submitted attempt returned for resubmission: a new attempt starts from its answers.</summary>
    Reopened,
}

/// <summary>
/// One change to what holds for one student: an accommodation or an exception, with who, when and why.
/// Never edited: the latest change of each kind is what holds, and the rows are the history.
/// </summary>
public class StudentException
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    /// <summary>Null for class-wide accommodations (the time multiplier).</summary>
    public int? AssignmentId { get; set; }
    public string StudentId { get; set; } = "";
    public ExceptionKind Kind { get; set; }
    /// <summary>"1.5"; a UTC time in ISO 8601 (or empty: no extension); "2"; "true"/"false"; the new attempt's id.</summary>
    public string Value { get; set; } = "";
    public string Reason { get; set; } = "";
    public string ById { get; set; } = "";
    public DateTime At { get; set; }
}
