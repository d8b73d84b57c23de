using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Attempts;

[Authorize]
public sealed class AttemptsController(CourseCatalog catalog, AttemptService attempts, QuizVersions versions, ClassroomDbContext db) : Controller
{
    /// <summary>Generous for a 10,000-character essay and a full quiz; anything larger is refused with 413 before it is read.</summary>
    private const int MaxBody = 256 * 1024;

    [HttpGet("/lessons/{slug}/quiz")]
    public async Task<IActionResult> Practice(string slug)
    {
        var (lesson, quiz) = Find(slug);
        if (lesson is null || quiz is null) return NotFound();
        var mine = await attempts.PracticeAttemptsAsync(User.Id()!, quiz.Slug);
        return View(new PracticePage(lesson, quiz, mine.Select(a => new AttemptSummary(a.Id, a.Status, a.StartedAt, a.SubmittedAt, a.Score, a.MaxScore)).ToList()));
    }

    [HttpPost("/lessons/{slug}/quiz/attempts")]
    public async Task<IActionResult> Start(string slug)
    {
        var (lesson, quiz) = Find(slug);
        if (lesson is null || quiz is null) return NotFound();
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
        var attempt = await attempts.FindOwnAsync(id, User.Id()!);
        if (attempt is null) return NotFound();
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        if (!attempt.IsSubmitted && attempts.IsOutOfTime(attempt))
            await attempts.SubmitAsync(attempt, quiz, new Dictionary<string, Answer>());
        if (attempt.IsSubmitted) return Redirect($"/attempts/{id}/review");
        return View(await TakePageAsync(attempt, quiz, message: null));
    }

    /// <summary>Autosave from the page's script: one question (or a few) at a time, answered in JSON.</summary>
    [HttpPost("/attempts/{id:int}/autosave")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Autosave(int id)
    {
        var attempt = await attempts.FindOwnAsync(id, User.Id()!);
        if (attempt is null) return NotFound(new { error = "There is no such attempt of yours." });
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        try
        {
            var answers = AnswerForm.Read(await Request.ReadFormAsync(), quiz);
            var savedAt = await attempts.SaveAsync(attempt, answers);
            return Ok(new { saved = answers.Keys, savedAt });
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

    /// <summary>The form itself: "Save answers" or "Submit", and what a page without script uses.</summary>
    [HttpPost("/attempts/{id:int}")]
    [RequestSizeLimit(MaxBody)]
    public async Task<IActionResult> Post(int id)
    {
        var attempt = await attempts.FindOwnAsync(id, User.Id()!);
        if (attempt is null) return NotFound();
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        var form = await Request.ReadFormAsync();
        Dictionary<string, Answer> answers;
        try
        {
            answers = AnswerForm.Read(form, quiz);
        }
        catch (BadAnswerException e)
        {
            return this.ProblemView(StatusCodes.Status400BadRequest, "That answer could not be saved", e.Message, $"/attempts/{id}");
        }

        if (form["action"] == "submit")
        {
            await attempts.SubmitAsync(attempt, quiz, answers);
            return Redirect($"/attempts/{id}/review");
        }
        try
        {
            var savedAt = await attempts.SaveAsync(attempt, answers);
            return View("Take", await TakePageAsync(attempt, quiz, $"Your answers were saved at {savedAt:HH:mm:ss} UTC."));
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
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        var responses = await attempts.ResponsesAsync(id);
        var lesson = catalog.FindLesson(quiz.LessonSlug);
        var assignment = attempt.AssignmentId is int assignmentId ? await db.Assignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId) : null;
        return View(ReviewPage.Build(attempt, quiz, responses, lesson?.Title ?? quiz.Title, assignment)
            with { ArticleLabels = catalog.Articles.ToDictionary(a => a.Slug, a => a.Label) });
    }

    private (Lesson? Lesson, QuizDefinition? Quiz) Find(string slug) =>
        (catalog.FindLesson(slug), catalog.QuizForLesson(slug));

    private async Task<TakePage> TakePageAsync(Attempt attempt, QuizDefinition quiz, string? message) =>
        new(attempt.Id, quiz, catalog.FindLesson(quiz.LessonSlug)?.Title ?? quiz.Title, await attempts.AnswersAsync(attempt.Id),
            attempt.DeadlineAt, attempt.LastSavedAt, message);

}

public sealed record AttemptSummary(int Id, AttemptStatus Status, DateTime StartedAt, DateTime? SubmittedAt, decimal? Score, decimal MaxScore);

public sealed record PracticePage(Lesson Lesson, QuizDefinition Quiz, IReadOnlyList<AttemptSummary> Attempts)
{
    public bool HasOpenAttempt => Attempts.Any(a => a.Status == AttemptStatus.InProgress);
    public bool AttemptsLeft => Quiz.AttemptsAllowed is not int allowed || HasOpenAttempt || Attempts.Count < allowed;
}

public sealed record TakePage(int AttemptId, QuizDefinition Quiz, string LessonTitle, IReadOnlyDictionary<string, Answer> Answers,
    DateTime? DeadlineAt, DateTime? LastSavedAt, string? Message)
{
    public Answer AnswerTo(string questionId) => Answers.GetValueOrDefault(questionId) ?? Answer.Empty;
}

