using System.ComponentModel.DataAnnotations;
using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Classes;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Assignments;

[Authorize]
public sealed class AssignmentsController(ClassroomDbContext db, ClassAccess access, CourseCatalog catalog, QuizVersions versions,
    AttemptService attempts, TimeProvider clock, TryFirstIndex tryFirst) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>When a new assignment is due by default, a week ahead.</summary>
    public static readonly TimeSpan EndOfSchoolDay = new(16, 0, 0);

    [HttpGet("/assignments")]
    public async Task<IActionResult> Mine()
    {
        if (User.IsInRole(Roles.Instructor) || User.IsInRole(Roles.Admin)) return Redirect("/classes");
        return View("Mine", await MyAssignments.ForStudentAsync(db, User.Id()!, Now));
    }

    [HttpGet("/classes/{classId:int}/assignments/new")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> New(int classId, string? lesson)
    {
        var taught = await access.TaughtClassAsync(classId, User);
        if (taught is null) return NotFound();
        // Opens now and is due a week from today at the end of the school day, both in the class's zone.
        var local = ClassTime.ToLocal(Now, taught.TimeZone);
        var form = new AssignmentForm
        {
            Lesson = lesson is not null && catalog.QuizForLesson(lesson) is not null ? lesson : catalog.Lessons.First(l => catalog.QuizForLesson(l.Slug) is not null).Slug,
            OpensAt = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0),
            DueAt = local.Date.AddDays(7) + EndOfSchoolDay,
        };
        return View("Edit", EditPage(taught, form, assignmentId: null, hasAttempts: false));
    }

    [HttpPost("/classes/{classId:int}/assignments")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Create(int classId, AssignmentForm form)
    {
        var taught = await access.TaughtClassAsync(classId, User);
        if (taught is null) return NotFound();
        var quiz = Validate(form, taught);
        if (quiz is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", EditPage(taught, form, null, false));
        }
        var version = await versions.CurrentAsync(quiz);
        var assignment = new Assignment
        {
            ClassId = classId,
            QuizVersionId = version.Id,
            LessonSlug = form.Lesson,
            CreatedAt = Now,
            CreatedById = User.Id()!,
        };
        Apply(assignment, form, taught);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        tryFirst.Invalidate();
        TempData["Flash"] = $"Assigned to {taught.Name}.";
        return Redirect($"/assignments/{assignment.Id}");
    }

    [HttpGet("/assignments/{id:int}")]
    public async Task<IActionResult> Show(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null) return NotFound();
        if (await access.TeachesAsync(assignment.ClassId, User)) return View("Show", await AssignmentPageQuery.ForInstructorAsync(db, versions, assignment));
        var studentId = User.Id()!;
        if (!await access.IsEnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        return View("StudentShow", await AssignmentPageQuery.ForStudentAsync(db, versions, assignment, studentId, Now));
    }

    [HttpPost("/assignments/{id:int}/start")]
    public async Task<IActionResult> Start(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        var studentId = User.Id()!;
        if (assignment is null || !await access.IsEnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        try
        {
            var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
            var attempt = await attempts.StartForAssignmentAsync(studentId, assignment, quiz, assignment.Class!.TimeZone);
            return Redirect($"/attempts/{attempt.Id}");
        }
        catch (AttemptRefusedException e)
        {
            return this.ProblemView(StatusCodes.Status409Conflict, "This assignment cannot be started", e.Message, $"/assignments/{id}");
        }
    }

    [HttpPost("/assignments/{id:int}")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Update(int id, AssignmentForm form)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null || !await access.TeachesAsync(assignment.ClassId, User)) return NotFound();
        var hasAttempts = await db.Attempts.AnyAsync(a => a.AssignmentId == id);
        var quizChanged = !string.IsNullOrEmpty(form.Lesson) && form.Lesson != assignment.LessonSlug;
        if (hasAttempts && quizChanged)
            ModelState.AddModelError(nameof(form.Lesson), "Students have already started this assignment, so its quiz cannot change. Make a new assignment instead.");
        var quiz = Validate(form, assignment.Class!);
        if (quiz is null || !ModelState.IsValid)
        {
            Response.StatusCode = hasAttempts && quizChanged ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return View("Edit", EditPage(assignment.Class!, form, id, hasAttempts));
        }
        if (form.Lesson != assignment.LessonSlug)
        {
            assignment.QuizVersionId = (await versions.CurrentAsync(quiz)).Id;
            assignment.LessonSlug = form.Lesson;
        }
        Apply(assignment, form, assignment.Class!);
        await db.SaveChangesAsync();
        tryFirst.Invalidate();
        // Attempts already running get any extra time the new dates or limit give (never less than they had).
        var running = await db.Attempts.Where(a => a.AssignmentId == id && a.Status == AttemptStatus.InProgress).Select(a => a.StudentId).Distinct().ToListAsync();
        if (running.Count > 0)
        {
            var book = await ExceptionBook.ForClassAsync(db, assignment.ClassId);
            var quizNow = await versions.DefinitionAsync(assignment.QuizVersionId);
            foreach (var studentId in running)
                await attempts.RefreshDeadlinesAsync(assignment, studentId, StudentTerms.Of(assignment, quizNow.TimeLimitMinutes, book.For(assignment, studentId)));
        }
        TempData["Flash"] = "Assignment saved.";
        return Redirect($"/assignments/{id}");
    }

    [HttpGet("/assignments/{id:int}/edit")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Edit(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null || !await access.TeachesAsync(assignment.ClassId, User)) return NotFound();
        var zone = assignment.Class!.TimeZone;
        var form = new AssignmentForm
        {
            Lesson = assignment.LessonSlug,
            Title = assignment.Title,
            OpensAt = ClassTime.ToLocal(assignment.OpensAt, zone),
            DueAt = ClassTime.ToLocal(assignment.DueAt, zone),
            AttemptsAllowed = assignment.AttemptsAllowed,
            TimeLimitMinutes = assignment.TimeLimitMinutes,
            LatePolicy = assignment.LatePolicy,
            ReviewPolicy = assignment.ReviewPolicy,
            LessonMarkup = assignment.LessonMarkup,
        };
        return View("Edit", EditPage(assignment.Class, form, id, await db.Attempts.AnyAsync(a => a.AssignmentId == id)));
    }

    /// <summary>An assignment nobody has started can be deleted (after a confirmation); one with attempts cannot, so no work is lost.</summary>
    [HttpPost("/assignments/{id:int}/delete")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Delete(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null || !await access.TeachesAsync(assignment.ClassId, User)) return NotFound();
        const string started = "Students have started this assignment, so it cannot be deleted: their work would be lost. Change its dates, or excuse students, instead.";
        if (await db.Attempts.AnyAsync(a => a.AssignmentId == id))
            return this.ProblemView(StatusCodes.Status409Conflict, "This assignment has attempts", started, $"/assignments/{id}");
        if (!this.Confirmed())
            return this.ConfirmView(new ActionConfirmation($"Delete “{assignment.Title}”?", $"It disappears from {assignment.Class!.Name} and from every student's list.",
                ["No student has started it, so no work is lost.", "Exceptions given for it (extensions, extra attempts) are deleted with it."],
                $"/assignments/{id}/delete", "Delete the assignment", $"/assignments/{id}", Danger: true));
        db.Assignments.Remove(assignment);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A student started it in the moment between the check and the delete.
            return this.ProblemView(StatusCodes.Status409Conflict, "This assignment has attempts", started, $"/assignments/{id}");
        }
        TempData["Flash"] = $"Deleted “{assignment.Title}”.";
        return Redirect($"/classes/{assignment.ClassId}");
    }

    [HttpPost("/assignments/{id:int}/release")]
    [Authorize(Policy = Policies.Teaching)]
    public Task<IActionResult> Release(int id) => SetReleased(id, true);

    [HttpPost("/assignments/{id:int}/unrelease")]
    [Authorize(Policy = Policies.Teaching)]
    public Task<IActionResult> Unrelease(int id) => SetReleased(id, false);

    private async Task<IActionResult> SetReleased(int id, bool release)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null || !await access.TeachesAsync(assignment.ClassId, User)) return NotFound();
        assignment.ReleasedAt = release ? Now : null;
        await db.SaveChangesAsync();
        TempData["Flash"] = release ? "Grades and feedback released: students can now see them." : "Grades hidden from students again.";
        return Redirect($"/assignments/{id}");
    }

    private QuizDefinition? Validate(AssignmentForm form, Class taught)
    {
        var quiz = catalog.QuizForLesson(form.Lesson);
        if (quiz is null) ModelState.AddModelError(nameof(form.Lesson), "Choose a lesson that has a quiz.");
        if (form.DueAt <= form.OpensAt) ModelState.AddModelError(nameof(form.DueAt), "The due time must be after the opening time.");
        if (form.OpensAt.Kind != DateTimeKind.Unspecified || form.DueAt.Kind != DateTimeKind.Unspecified)
            ModelState.AddModelError(nameof(form.DueAt), "Type dates and times without a time zone: they are read in the class's zone.");
        var latest = ClassTime.ToLocal(Now, taught.TimeZone).Year + 100;
        if (form.OpensAt.Year > latest || form.DueAt.Year > latest || form.OpensAt.Year < 2000)
            ModelState.AddModelError(nameof(form.DueAt), $"Dates must be between the years 2000 and {latest}.");
        return ModelState.IsValid ? quiz : null;
    }

    private void Apply(Assignment assignment, AssignmentForm form, Class taught)
    {
        var quiz = catalog.QuizForLesson(form.Lesson)!;
        assignment.Title = string.IsNullOrWhiteSpace(form.Title) ? quiz.Title : form.Title.Trim();
        assignment.OpensAt = ClassTime.ToUtc(form.OpensAt, taught.TimeZone);
        assignment.DueAt = ClassTime.ToUtc(form.DueAt, taught.TimeZone);
        assignment.AttemptsAllowed = form.AttemptsAllowed;
        assignment.TimeLimitMinutes = form.TimeLimitMinutes;
        assignment.LatePolicy = form.LatePolicy;
        assignment.ReviewPolicy = form.ReviewPolicy;
        assignment.LessonMarkup = form.LessonMarkup;
    }

    private AssignmentEditPage EditPage(Class taught, AssignmentForm form, int? assignmentId, bool hasAttempts) =>
        new(taught.Id, taught.Name, taught.TimeZone, assignmentId, hasAttempts, form,
            catalog.Lessons.Select(l => (Lesson: l, Quiz: catalog.QuizForLesson(l.Slug))).Where(x => x.Quiz is not null)
                .Select(x => new QuizChoice(x.Lesson.Slug, x.Lesson.Article?.Label ?? $"All {catalog.Articles.Count} articles", x.Lesson.Title, x.Quiz!.Title,
                    x.Quiz.Questions.Count, x.Quiz.MaxPoints, x.Quiz.TimeLimitMinutes)).ToList());
}

public sealed class AssignmentForm
{
    [Required, Display(Name = "Lesson quiz")]
    public string Lesson { get; set; } = "";

    [StringLength(200)]
    public string? Title { get; set; }

    [Required, Display(Name = "Opens")]
    public DateTime OpensAt { get; set; }

    [Required, Display(Name = "Due")]
    public DateTime DueAt { get; set; }

    [Range(1, 20, ErrorMessage = "Attempts allowed must be from 1 to 20."), Display(Name = "Attempts allowed")]
    public int AttemptsAllowed { get; set; } = 1;

    [Range(1, 600, ErrorMessage = "A time limit must be from 1 to 600 minutes, or empty for none."), Display(Name = "Time limit (minutes)")]
    public int? TimeLimitMinutes { get; set; }

    [Display(Name = "Late work")]
    public LatePolicy LatePolicy { get; set; } = LatePolicy.AcceptAndMarkLate;

    [Display(Name = "What students see after submitting")]
    public ReviewPolicy ReviewPolicy { get; set; } = ReviewPolicy.ScoreOnly;

    [Display(Name = "The lesson's highlights, notes and ledger")]
    public LessonMarkup LessonMarkup { get; set; } = LessonMarkup.OpenBook;
}

public sealed record AssignmentEditPage(int ClassId, string ClassName, string TimeZone, int? AssignmentId, bool HasAttempts, AssignmentForm Form,
    IReadOnlyList<QuizChoice> Quizzes);

/// <summary>A quiz to assign, named in full: its article, its lesson and its own title.</summary>
public sealed record QuizChoice(string Slug, string Article, string LessonTitle, string QuizTitle, int Questions, decimal Points, int? TimeLimitMinutes);

