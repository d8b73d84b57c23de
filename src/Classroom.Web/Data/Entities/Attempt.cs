namespace Classroom.Web.Data.Entities;

/// <summary>An immutable snapshot of a quiz file: attempts render and score against it forever.</summary>
public class QuizVersion
{
    public int Id { get; set; }
    public string QuizSlug { get; set; } = "";
    /// <summary>SHA-256 of <see cref="DefinitionJson"/>, hex.</summary>
    public string ContentHash { get; set; } = "";
    public string DefinitionJson { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public enum AttemptStatus
{
    InProgress,
    /// <summary>Submitted; some response waits for an instructor.</summary>
    NeedsGrading,
    /// <summary>Submitted and every response has its points.</summary>
    Graded,
}

public class Attempt
{
    public int Id { get; set; }
    public int QuizVersionId { get; set; }
    public QuizVersion? QuizVersion { get; set; }
    public string StudentId { get; set; } = "";
    public ApplicationUser? Student { get; set; }
    /// <summary>Null for practice; set when the attempt is taken for an assignment.</summary>
    public int? AssignmentId { get; set; }
    /// <summary>What the attempt counts against: "assignment:12" or "practice:tal-afar-offensive".</summary>
    public string Scope { get; set; } = "";
    /// <summary>1 for the student's first attempt in its scope, 2 for the second…; unique per student and scope, so two starts at once cannot both take the same place.</summary>
    public int Number { get; set; }
    /// <summary>The scope while the attempt is open, null once submitted: unique per student, so a student has at most one open attempt per scope.</summary>
    public string? OpenScope { get; set; }
    public AttemptStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>When time runs out, if the attempt has a time limit.</summary>
    public DateTime? DeadlineAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? LastSavedAt { get; set; }
    /// <summary>When a teacher returned this submitted attempt for resubmission; it stays in the history but no longer counts.</summary>
    public DateTime? ReturnedAt { get; set; }
    /// <summary>Sum of the responses' points at submission (closed parts only while grading is pending).</summary>
    public decimal? Score { get; set; }
    public decimal MaxScore { get; set; }
    public List<Response> Responses { get; set; } = [];

    public bool IsSubmitted => Status != AttemptStatus.InProgress;

    public static string AssignmentScope(int assignmentId) => $"assignment:{assignmentId}";
    public static string PracticeScope(string quizSlug) => $"practice:{quizSlug}";
}

/// <summary>A student's answer to one question of an attempt, with its points.</summary>
public class Response
{
    public int Id { get; set; }
    public int AttemptId { get; set; }
    public Attempt? Attempt { get; set; }
    public string QuestionId { get; set; } = "";
    public string AnswerJson { get; set; } = "{}";
    public DateTime SavedAt { get; set; }
    /// <summary>The client's sequence for this answer (its edit time, in ms): a save older than the stored one is ignored.</summary>
    public long Seq { get; set; }
    /// <summary>What the machine awarded at submission; for partly open questions, the closed part.</summary>
    public decimal? AutoPoints { get; set; }
    /// <summary>Which parts the machine found right and wrong at submission (JSON); review shows this verdict, it never re-scores.</summary>
    public string? AutoMarksJson { get; set; }
    /// <summary>The points that count. Null until scored; an instructor may set or override them later.</summary>
    public decimal? Points { get; set; }
    public bool NeedsGrading { get; set; }
    /// <summary>The instructor's written feedback, shown to the student once grades are released.</summary>
    public string? Feedback { get; set; }
    /// <summary>The rubric level chosen for each criterion, as JSON (criterion index → level index).</summary>
    public string? RubricJson { get; set; }
    /// <summary>Changes whenever points or feedback change, so a second grader cannot silently overwrite the first.</summary>
    public string? Stamp { get; set; }
}
