using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Assignments;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Home;

/// <summary>
/// The first page. A teacher sees their week (what to grade, what is due, who has not started, what just
/// came in); a student sees their assignments by due date, or is asked for a join code; everyone sees the course.
/// </summary>
public sealed class HomeController(CourseCatalog catalog, ClassroomDbContext db, QuizVersions versions, TimeProvider clock, Lessons.ReadMarks reads) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        var userId = User.Id();
        var now = clock.GetUtcNow().UtcDateTime;
        var read = userId is null
            ? []
            : (await db.LessonReads.Where(r => r.UserId == userId).Select(r => r.LessonSlug).ToListAsync()).Concat(reads.PendingFor(userId)).ToList();
        var lessons = catalog.Lessons.Select((l, i) => new CourseHomeLesson(
            i + 1, l.Slug, l.Title, l.Summary, l.Article?.Slug, l.Article?.Label, read.Contains(l.Slug))).ToList();
        var page = new CourseHomePage(lessons, ShowReadStatus: User.IsInRole(Roles.Student));
        if (userId is null) return View(page);
        if (User.IsInRole(Roles.Instructor) || User.IsInRole(Roles.Admin))
            return View(page with { Week = await TeacherWeek.BuildAsync(db, versions, userId, now), Teaching = true });
        var inAClass = await db.Enrollments.AnyAsync(e => e.StudentId == userId && e.RemovedAt == null && e.Class!.ArchivedAt == null);
        return View(page with { Work = inAClass ? await MyAssignments.ForStudentAsync(db, userId, now) : null, NeedsClass = !inAClass });
    }
}

public sealed record CourseHomePage(IReadOnlyList<CourseHomeLesson> Lessons, bool ShowReadStatus)
{
    /// <summary>For a teacher: each class they teach (null for anyone else).</summary>
    public IReadOnlyList<ClassWeek>? Week { get; init; }
    public bool Teaching { get; init; }

    /// <summary>For a student in a class: their assignments, work to do first, by due date.</summary>
    public IReadOnlyList<MyAssignmentRow>? Work { get; init; }

    /// <summary>A student in no class yet is asked for the code their teacher gave them.</summary>
    public bool NeedsClass { get; init; }
}

public sealed record CourseHomeLesson(int Position, string Slug, string Title, string Summary, string? ArticleSlug, string? ArticleLabel, bool Read);
