using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Lessons;

public sealed class LessonsController(CourseCatalog catalog, ClassroomDbContext db) : Controller
{
    [HttpGet("/lessons/{slug}")]
    public async Task<IActionResult> Show(string slug)
    {
        var lesson = catalog.FindLesson(slug);
        if (lesson is null) return NotFound();
        if (User.IsInRole(Roles.Student) && User.Id() is { } userId)
            await MarkReadAsync(userId, slug);

        var categories = Taxonomy.All
            .Select(c => new LegendEntry(c, lesson.Annotations.Count(a => a.Category == c)))
            .Where(e => e.Count > 0)
            .ToList();
        var text = lesson.Article is null ? null : ArticleMarkup.Render(lesson.Article, lesson.Annotations);
        return View(new LessonPage(lesson, new HtmlString(lesson.TeachingHtml), text, categories, catalog.QuizForLesson(slug) is not null));
    }

    private async Task MarkReadAsync(string userId, string slug)
    {
        if (await db.LessonReads.AnyAsync(r => r.UserId == userId && r.LessonSlug == slug)) return;
        db.LessonReads.Add(new LessonRead { UserId = userId, LessonSlug = slug, FirstReadAt = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same student opened the lesson twice at once; the other request recorded it.
        }
    }
}

public sealed record LessonPage(Lesson Lesson, IHtmlContent TeachingText, IHtmlContent? ArticleText, IReadOnlyList<LegendEntry> Legend, bool HasQuiz);

public sealed record LegendEntry(Category Category, int Count);
