using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Assignments;
using Classroom.Web.Features.Classes;
using Classroom.Web.Features.Grading;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Classroom.Web.Features.Pdf;

/// <summary>Builds each document's model with a query and returns the PDF. The documents themselves do no I/O.</summary>
public sealed class PdfController(CourseCatalog catalog, ReportingDb reporting, ClassAccess access, QuizVersions versions, TimeProvider clock,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : Controller
{
    // Reads go to the read replica when one is configured; access is checked on the primary.
    private readonly ClassroomDbContext db = reporting.Db;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today's date where the class is: the date printed on a page.</summary>
    private DateTime TodayIn(string zone) => ClassTime.ToLocal(Now, zone);

    [HttpGet("/lessons/{slug}/worksheet.pdf")]
    public async Task<IActionResult> Worksheet(string slug, string? paper)
    {
        var lesson = catalog.FindLesson(slug);
        if (lesson is null) return NotFound();
        var zone = User.Id() is { } me ? await ClassTime.ZoneOfAsync(db, me) : "UTC";
        var today = TodayIn(zone);
        var size = PaperFor(paper, null);
        // The same for everyone on a day: made once per lesson, paper and date, and made again when the content
        // changes (the lesson object is the content version: new content is a new catalog).
        var bytes = (await cache.GetOrCreateAsync(("worksheet", lesson, size, today.Date), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1);
            var model = new WorksheetModel(lesson, lesson.Article, catalog.QuizForLesson(slug), null, today, size) { Glossary = catalog.Glossary };
            return Task.FromResult(new WorksheetDocument(model).Render());
        }))!;
        return Pdf(bytes, $"{slug}-worksheet.pdf");
    }

    [HttpGet("/assignments/{id:int}/answer-key.pdf")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> AnswerKey(int id, string? paper)
    {
        var assignment = await TaughtAssignmentAsync(id);
        if (assignment is null) return NotFound();
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var lesson = catalog.FindLesson(quiz.LessonSlug);
        if (lesson is null) return NotFound();
        var bytes = new AnswerKeyDocument(new AnswerKeyModel(assignment.Title, lesson, quiz, assignment.Class!.Name, TodayIn(assignment.Class.TimeZone), PaperFor(paper, assignment.Class))).Render();
        return Pdf(bytes, $"{FileNames.Slug(assignment.Class.Name)}-{quiz.LessonSlug}-answer-key.pdf");
    }

    [HttpGet("/assignments/{id:int}/class-set.pdf")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> ClassSet(int id, string? paper)
    {
        var assignment = await TaughtAssignmentAsync(id);
        if (assignment is null) return NotFound();
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var reports = await ReportQuery.ClassSetAsync(db, assignment, quiz);
        var bytes = new ClassSetDocument(new ClassSetModel(assignment.Title, assignment.Class!.Name, TodayIn(assignment.Class.TimeZone), PaperFor(paper, assignment.Class), reports)).Render();
        return Pdf(bytes, $"{FileNames.Slug(assignment.Class.Name)}-{quiz.LessonSlug}-class-set.pdf");
    }

    [HttpGet("/attempts/{id:int}/report.pdf")]
    [Authorize]
    public async Task<IActionResult> Report(int id, string? paper)
    {
        var attempt = await db.Attempts.Include(a => a.Student).SingleOrDefaultAsync(a => a.Id == id);
        if (attempt is null || !attempt.IsSubmitted) return NotFound();
        var assignment = attempt.AssignmentId is int assignmentId
            ? await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == assignmentId) : null;
        var own = attempt.StudentId == User.Id();
        var teaches = assignment is not null && await access.TeachesAsync(assignment.ClassId, User);
        // A student gets their own report once grades are released (or of a practice attempt); a teacher, any of their class's.
        if (!(teaches || (own && (assignment is null || (assignment.ReleasedAt is not null && await access.IsEnrolledAsync(assignment.ClassId, attempt.StudentId)))))) return NotFound();
        if (own && assignment is null && await KeyGates.PracticePauseAsync(db, attempt.StudentId, attempt.QuizVersion?.QuizSlug
                ?? await db.QuizVersions.Where(v => v.Id == attempt.QuizVersionId).Select(v => v.QuizSlug).SingleAsync()) is { } pause)
            return this.ProblemView(StatusCodes.Status403Forbidden, "Practice is paused", pause.Message, "/assignments");
        var quiz = await versions.DefinitionAsync(attempt.QuizVersionId);
        var responses = await db.Responses.Where(r => r.AttemptId == id).ToListAsync();
        var terms = assignment is null ? null
            : StudentTerms.Of(assignment, quiz.TimeLimitMinutes, (await ExceptionBook.ForStudentAsync(db, assignment.ClassId, attempt.StudentId)).For(assignment, attempt.StudentId));
        var zone = assignment?.Class!.TimeZone ?? await ClassTime.ZoneOfAsync(db, attempt.StudentId);
        var model = ReportQuery.Report(attempt, quiz, responses, attempt.Student!.DisplayName, assignment, terms, zone);
        var bytes = new GradedReportDocument(model, PaperFor(paper, assignment?.Class), TodayIn(zone)).Render();
        return Pdf(bytes, $"{FileNames.Slug(attempt.Student.DisplayName)}-{quiz.LessonSlug}-report.pdf");
    }

    [HttpGet("/classes/{id:int}/gradebook.pdf")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Gradebook(int id, string? paper, string? count)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is null) return NotFound();
        var table = await Features.Gradebook.GradebookQuery.BuildAsync(db, versions, taught, Now, count == "all");
        var bytes = new GradebookDocument(new GradebookPdfModel(taught.Name, TodayIn(taught.TimeZone), PaperFor(paper, taught), table)).Render();
        return Pdf(bytes, $"{FileNames.Slug(taught.Name)}-gradebook.pdf");
    }

    private async Task<Assignment?> TaughtAssignmentAsync(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        return assignment is not null && await access.TeachesAsync(assignment.ClassId, User) ? assignment : null;
    }

    /// <summary>?paper=a4 or ?paper=letter; otherwise US Letter for classes in the Americas, A4 elsewhere.</summary>
    public static Paper PaperFor(string? requested, Class? c) => requested?.ToLowerInvariant() switch
    {
        "letter" => Paper.Letter,
        "a4" => Paper.A4,
        _ => c?.TimeZone.StartsWith("America/", StringComparison.Ordinal) == true ? Paper.Letter : Paper.A4,
    };

    private FileContentResult Pdf(byte[] bytes, string name) => File(bytes, "application/pdf", name);
}
