using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Attempts;

[Authorize]
public sealed class AttemptsController(CourseCatalog catalog, AttemptService attempts, QuizVersions versions, ClassroomDbContext db, TimeProvider clock, RenderedContent rendered) : Controller
{
    /// <summary>Generous for a 10,000-character essay and a full quiz; anything larger is refused with 413 before it is read.</summary>
    private const int MaxBody = 256 * 1024;

    [HttpGet("/lessons/{slug}/quiz")]
    public async Task<IActionResult> Practice(string slug)
    {
        var (lesson, quiz) = Find(slug);
        if (lesson is null || quiz is null) return NotFound();
        var pause = await KeyGates.PracticePauseAsync(db, User.Id()!, quiz.Slug);
        var mine = await attempts.PracticeAttemptsAsync(User.Id()!, quiz.Slug);
        var staff = User.IsInRole(Roles.Instructor) || User.IsInRole(Roles.Admin);
        return View(new PracticePage(lesson, quiz, mine.Select(a => new AttemptSummary(a.Id, a.Status, a.StartedAt, a.SubmittedAt, a.Score, a.MaxScore)).ToList(), pause)
        {
            TeacherNotes = staff && quiz.TeacherNotes is { } notes ? new Microsoft.AspNetCore.Html.HtmlString(ContentLoader.ToHtml(notes)) : null,
            Zone = await ClassTime.ZoneOfAsync(db, User.Id()!),
        });
    }

    [HttpPost("/lessons/{slug}/quiz/attempts")]
    public async Task<IActionResult> Start(string slug)
    {
        var (lesson, quiz) = Find(slug);
        if (lesson is null || quiz is null) return NotFound();
        if (await KeyGates.PracticePauseAsync(db, User.Id()!, quiz.Slug) is { } pause) return Paused(pause, $"/lessons/{slug}/quiz");
        try
        {
            var attempt = await attempts.StartPracticeAsync(User.Id()!, quiz);
            return Redirect($"/attempts/{attempt.Id}");
        }
        catch (AttemptRefusedException e)
        {
            return this.ProblemView(StatusCodes.Status409Conflict, "No attempts left", e.Message, $"/lessons/{slug}/quiz");
        }
    }

    [HttpGet("/attempts/{id:int}")]
    public async Task<IActionResult> Take(int id)
    {
        if (await attempts.FindOwnWithZoneAsync(id, User.Id()!) is not var (attempt, zone)) return NotFound();
        if (await PauseOfAsync(attempt) is { } pause) return Paused(pause, "/assignments");
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        if (!attempt.IsSubmitted && attempts.IsOutOfTime(attempt))
            await attempts.SubmitAsync(attempt, quiz, new Dictionary<string, Answer>());
        if (attempt.IsSubmitted) return Redirect($"/attempts/{id}/review");
        return View(await TakePageAsync(attempt, quiz, message: null, zone));
    }

    /// <summary>Autosave from the page's script: one question at a time, with its sequence, answered in JSON.</summary>
    [HttpPost("/attempts/{id:int}/autosave")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Autosave(int id)
    {
        var attempt = await attempts.FindOwnAsync(id, User.Id()!);
        if (attempt is null) return NotFound(new { error = "There is no such attempt of yours." });
        if (await PauseOfAsync(attempt) is { } pause) return StatusCode(StatusCodes.Status403Forbidden, new { error = pause.Message });
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        try
        {
            var answers = AnswerForm.Read(await Request.ReadFormAsync(), quiz, attempts.ServerSeq);
            var result = await attempts.SaveAsync(attempt, answers);
            return Ok(new
            {
                saved = result.Saved,
                stale = result.Stale,
                savedAt = result.SavedAt,
                savedAtText = ClassTime.Clock(result.SavedAt, await ZoneAsync(attempt)),
                seqs = answers.ToDictionary(a => a.Key, a => a.Value.Seq),
            });
        }
        catch (BadAnswerException e)
        {
            return BadRequest(new { error = e.Message });
        }
        catch (AttemptClosedException e)
        {
            return Conflict(new { error = e.Message });
        }
    }

    /// <summary>
    /// The form itself: "Save answers", or "Submit", which first saves and asks for confirmation (naming what
    /// is unanswered) unless the post says it is confirmed. A page without script works the same way.
    /// </summary>
    [HttpPost("/attempts/{id:int}")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Post(int id)
    {
        var attempt = await attempts.FindOwnAsync(id, User.Id()!);
        if (attempt is null) return NotFound();
        if (await PauseOfAsync(attempt) is { } pause) return Paused(pause, "/assignments");
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        var form = await Request.ReadFormAsync();
        Dictionary<string, SentAnswer> answers;
        try
        {
            answers = AnswerForm.Read(form, quiz, attempts.ServerSeq);
        }
        catch (BadAnswerException e)
        {
            return this.ProblemView(StatusCodes.Status400BadRequest, "That answer could not be saved", e.Message, $"/attempts/{id}");
        }

        var submit = form["action"] == "submit";
        if (submit && form["confirm"] == "yes")
        {
            await attempts.SubmitAsync(attempt, quiz, answers);
            return Redirect($"/attempts/{id}/review");
        }
        try
        {
            var result = answers.Count > 0 && !attempts.IsOutOfTime(attempt) ? await attempts.SaveAsync(attempt, answers) : null;
            if (submit) return View("Confirm", await ConfirmPageAsync(attempt, quiz));
            return View("Take", await TakePageAsync(attempt, quiz, $"Your answers were saved at {ClassTime.Clock(result?.SavedAt ?? clock.GetUtcNow().UtcDateTime, await ZoneAsync(attempt))}."));
        }
        catch (AttemptClosedException e)
        {
            return this.ProblemView(StatusCodes.Status409Conflict, "This attempt is closed", e.Message, $"/attempts/{id}/review");
        }
    }

    [HttpGet("/attempts/{id:int}/review")]
    public async Task<IActionResult> Review(int id)
    {
        var attempt = await attempts.FindOwnAsync(id, User.Id()!);
        if (attempt is null) return NotFound();
        if (!attempt.IsSubmitted) return Redirect($"/attempts/{id}");
        if (await PauseOfAsync(attempt) is { } pause) return Paused(pause, "/assignments");
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        var responses = await attempts.ResponsesAsync(id);
        var lesson = catalog.FindLesson(quiz.LessonSlug);
        var assignment = attempt.AssignmentId is int assignmentId ? await db.Assignments.AsNoTracking().Include(a => a.Class).SingleAsync(a => a.Id == assignmentId) : null;
        var terms = assignment is null ? null
            : StudentTerms.Of(assignment, quiz.TimeLimitMinutes, (await ExceptionBook.ForStudentAsync(db, assignment.ClassId, attempt.StudentId)).For(assignment, attempt.StudentId));
        var zone = assignment?.Class!.TimeZone ?? await ClassTime.ZoneOfAsync(db, attempt.StudentId);
        return View(ReviewPage.Build(attempt, quiz, responses, lesson?.Title ?? quiz.Title, assignment, terms, zone)
            with { ArticleLabels = catalog.Articles.ToDictionary(a => a.Slug, a => a.Label) });
    }

    /// <summary>A practice attempt is paused while the student's assignment of the same quiz keeps its keys hidden.</summary>
    private async Task<PracticePause?> PauseOfAsync(Attempt attempt) =>
        attempt.AssignmentId is null ? await KeyGates.PracticePauseAsync(db, attempt.StudentId, (await versions.DefinitionAsync(attempt.QuizVersionId)).Slug) : null;

    private ViewResult Paused(PracticePause pause, string backUrl) =>
        this.ProblemView(StatusCodes.Status403Forbidden, "Practice is paused", pause.Message, backUrl);

    private (Lesson? Lesson, QuizDefinition? Quiz) Find(string slug) =>
        (catalog.FindLesson(slug), catalog.QuizForLesson(slug));

    private async Task<TakePage> TakePageAsync(Attempt attempt, QuizDefinition quiz, string? message, string? zone = null) =>
        new(attempt.Id, quiz, catalog.FindLesson(quiz.LessonSlug)?.Title ?? quiz.Title, await attempts.AnswersAsync(attempt.Id),
            attempt.DeadlineAt, attempt.LastSavedAt, message)
        {
            Zone = zone ?? await ZoneAsync(attempt),
            Now = clock.GetUtcNow().UtcDateTime,
            Articles = quiz.Questions.Select(q => q.ArticleSlug).Where(slug => slug.Length > 0).Distinct()
                .Select(catalog.FindArticle).OfType<Article>()
                .Select(a => new TakeArticle(a.Slug, a.Label, rendered.Plain(a, $"a-{a.Slug}-"))).ToList(),
        };

    /// <summary>The zone an attempt's times show in: its assignment's class, or for practice the student's own class.</summary>
    private async Task<string> ZoneAsync(Attempt attempt) =>
        attempt.AssignmentId is int assignmentId
            ? await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Class!.TimeZone).SingleAsync()
            : await ClassTime.ZoneOfAsync(db, attempt.StudentId);

    private async Task<ConfirmPage> ConfirmPageAsync(Attempt attempt, QuizDefinition quiz)
    {
        var answers = await attempts.AnswersAsync(attempt.Id);
        var unanswered = quiz.Questions.Select((q, i) => (q, i)).Where(x => (answers.GetValueOrDefault(x.q.Id) ?? Answer.Empty).IsEmpty)
            .Select(x => new UnansweredQuestion(x.i + 1, x.q.Prompt)).ToList();
        return new ConfirmPage(attempt.Id, quiz.Title, quiz.Questions.Count, unanswered);
    }
}

public sealed record AttemptSummary(int Id, AttemptStatus Status, DateTime StartedAt, DateTime? SubmittedAt, decimal? Score, decimal MaxScore);

public sealed record PracticePage(Lesson Lesson, QuizDefinition Quiz, IReadOnlyList<AttemptSummary> Attempts, PracticePause? Pause)
{
    /// <summary>Shown to instructors and admins only.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent? TeacherNotes { get; init; }
    public string Zone { get; init; } = "UTC";

    public bool HasOpenAttempt => Attempts.Any(a => a.Status == AttemptStatus.InProgress);
    public bool AttemptsLeft => Quiz.AttemptsAllowed is not int allowed || HasOpenAttempt || Attempts.Count < allowed;
}

public sealed record TakeArticle(string Slug, string Label, Microsoft.AspNetCore.Html.IHtmlContent Text);

public sealed record TakePage(int AttemptId, QuizDefinition Quiz, string LessonTitle, IReadOnlyDictionary<string, Answer> Answers,
    DateTime? DeadlineAt, DateTime? LastSavedAt, string? Message)
{
    public string Zone { get; init; } = "UTC";
    public DateTime Now { get; init; }

    /// <summary>The articles the questions ask about, with paragraph and sentence numbers, shown beside the questions.</summary>
    public IReadOnlyList<TakeArticle> Articles { get; init; } = [];

    /// <summary>Whole seconds until time is up, by the server's clock (the countdown does not trust the device's).</summary>
    public long? SecondsLeft => DeadlineAt is DateTime d ? Math.Max(0, (long)(d - Now).TotalSeconds) : null;

    public Answer AnswerTo(string questionId) => Answers.GetValueOrDefault(questionId) ?? Answer.Empty;
    public int Answered => Quiz.Questions.Count(q => !AnswerTo(q.Id).IsEmpty);
}

public sealed record UnansweredQuestion(int Number, string Prompt);

public sealed record ConfirmPage(int AttemptId, string Title, int Questions, IReadOnlyList<UnansweredQuestion> Unanswered);
