using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Home;

public sealed class HomeController(CourseCatalog catalog, ClassroomDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        var userId = User.Id();
        var read = userId is null
            ? []
            : await db.LessonReads.Where(r => r.UserId == userId).Select(r => r.LessonSlug).ToListAsync();
        var lessons = catalog.Lessons.Select((l, i) => new CourseHomeLesson(
            i + 1, l.Slug, l.Title, l.Summary, l.Article?.Slug, l.Article?.Label, read.Contains(l.Slug))).ToList();
        return View(new CourseHomePage(lessons, ShowReadStatus: User.IsInRole(Data.Entities.Roles.Student)));
    }
}

public sealed record CourseHomePage(IReadOnlyList<CourseHomeLesson> Lessons, bool ShowReadStatus);

public sealed record CourseHomeLesson(int Position, string Slug, string Title, string Summary, string? ArticleSlug, string? ArticleLabel, bool Read);
