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
    AttemptService attempts, TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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
        var today = ClassTime.ToLocal(Now, taught.TimeZone).Date;
        var form = new AssignmentForm
        {
            Lesson = lesson ?? catalog.Lessons.First(l => catalog.QuizForLesson(l.Slug) is not null).Slug,
            OpensAt = today.AddHours(8),
            DueAt = today.AddDays(7).AddHours(23).AddMinutes(59),
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
        TempData["Flash"] = $"Assigned to {taught.Name}.";
        return Redirect($"/assignments/{assignment.Id}");
    }

    [HttpGet("/assignments/{id:int}")]
    public async Task<IActionResult> Show(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        if (assignment is null) return NotFound();
        if (await access.TeachesAsync(assignment.ClassId, User)) return View("Show", await InstructorPageAsync(assignment));
        var studentId = User.Id()!;
        if (!await access.IsEnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        var mine = await attempts.AssignmentAttemptsAsync(studentId, id);
        var facts = mine.Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score)).ToList();
        var status = AssignmentRules.StatusFor(assignment, facts, Now);
        var zone = assignment.Class!.TimeZone;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var canStart = status is StudentStatus.Open or StudentStatus.InProgress
            || (mine.Count < assignment.AttemptsAllowed && Now >= assignment.OpensAt && !(Now > assignment.DueAt && assignment.LatePolicy == LatePolicy.Refuse));
        return View("StudentShow", new StudentAssignmentPage(assignment.Id, assignment.Title, assignment.Class.Name, assignment.Class.Id,
            ClassTime.Format(assignment.OpensAt, zone), ClassTime.Format(assignment.DueAt, zone), AssignmentRules.Label(status),
            quiz.Questions.Count, quiz.MaxPoints, assignment.AttemptsAllowed, mine.Count, assignment.TimeLimitMinutes ?? quiz.TimeLimitMinutes,
            AssignmentRules.Describe(assignment.LatePolicy), AssignmentRules.Describe(assignment.ReviewPolicy),
            canStart, status == StudentStatus.InProgress, assignment.LessonSlug,
            mine.Where(a => a.IsSubmitted).Select(a => new SubmittedAttempt(a.Id, a.SubmittedAt!.Value, AssignmentRules.IsLate(assignment, a.SubmittedAt))).ToList()));
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
        };
        return View("Edit", EditPage(assignment.Class, form, id, await db.Attempts.AnyAsync(a => a.AssignmentId == id)));
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
    }

    private AssignmentEditPage EditPage(Class taught, AssignmentForm form, int? assignmentId, bool hasAttempts) =>
        new(taught.Id, taught.Name, taught.TimeZone, assignmentId, hasAttempts, form,
            catalog.Lessons.Where(l => catalog.QuizForLesson(l.Slug) is not null).Select(l => (l.Slug, l.Title)).ToList());

    private async Task<InstructorAssignmentPage> InstructorPageAsync(Assignment assignment)
    {
        var zone = assignment.Class!.TimeZone;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var students = await db.Enrollments.Where(e => e.ClassId == assignment.ClassId && e.RemovedAt == null)
            .Select(e => new { e.StudentId, e.Student!.DisplayName }).ToListAsync();
        var all = await db.Attempts.Where(a => a.AssignmentId == assignment.Id)
            .Select(a => new { a.Id, a.StudentId, a.Status, a.SubmittedAt, a.Score, a.MaxScore }).ToListAsync();
        var rows = students.OrderBy(s => s.DisplayName).Select(s =>
        {
            var mine = all.Where(a => a.StudentId == s.StudentId).ToList();
            var counting = AssignmentRules.Counting(mine.Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score)));
            var state = mine.Count == 0 ? "Not started"
                : counting is null ? "In progress"
                : counting.Status == AttemptStatus.NeedsGrading ? "Needs grading" : "Graded";
            return new SubmissionRow(s.StudentId, s.DisplayName, state, counting?.Id, counting?.Score, quiz.MaxPoints,
                counting is not null && AssignmentRules.IsLate(assignment, counting.SubmittedAt), mine.Count);
        }).ToList();
        var submittedIds = all.Where(a => a.Status != AttemptStatus.InProgress).Select(a => a.Id).ToList();
        var openQuestions = quiz.Questions.Where(q => q.NeedsInstructor).Select(q => q.Id).ToList();
        var toGrade = await db.Responses.Where(r => submittedIds.Contains(r.AttemptId) && openQuestions.Contains(r.QuestionId))
            .Select(r => r.NeedsGrading).ToListAsync();
        return new InstructorAssignmentPage(assignment.Id, assignment.Title, assignment.Class.Id, assignment.Class.Name, assignment.LessonSlug,
            ClassTime.Format(assignment.OpensAt, zone), ClassTime.Format(assignment.DueAt, zone), assignment.AttemptsAllowed,
            assignment.TimeLimitMinutes ?? quiz.TimeLimitMinutes, AssignmentRules.Describe(assignment.LatePolicy), AssignmentRules.Describe(assignment.ReviewPolicy),
            assignment.ReleasedAt is DateTime released ? ClassTime.Format(released, zone) : null,
            quiz.Questions.Count, quiz.MaxPoints, rows, toGrade.Count(g => !g), toGrade.Count);
    }
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
}

public sealed record AssignmentEditPage(int ClassId, string ClassName, string TimeZone, int? AssignmentId, bool HasAttempts, AssignmentForm Form,
    IReadOnlyList<(string Slug, string Title)> Lessons);

public sealed record SubmittedAttempt(int Id, DateTime SubmittedAt, bool Late);

public sealed record StudentAssignmentPage(int Id, string Title, string ClassName, int ClassId, string Opens, string Due, string Status,
    int Questions, decimal MaxPoints, int AttemptsAllowed, int AttemptsUsed, int? TimeLimitMinutes, string LatePolicy, string ReviewPolicy,
    bool CanStart, bool InProgress, string LessonSlug, IReadOnlyList<SubmittedAttempt> Submitted);

public sealed record SubmissionRow(string StudentId, string Name, string State, int? AttemptId, decimal? Score, decimal Max, bool Late, int Attempts);

public sealed record InstructorAssignmentPage(int Id, string Title, int ClassId, string ClassName, string LessonSlug, string Opens, string Due,
    int AttemptsAllowed, int? TimeLimitMinutes, string LatePolicy, string ReviewPolicy, string? ReleasedAt, int Questions, decimal MaxPoints,
    IReadOnlyList<SubmissionRow> Submissions, int Graded, int ToGrade);
