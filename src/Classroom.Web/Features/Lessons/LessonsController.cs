using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Lessons;

public sealed class LessonsController(CourseCatalog catalog, ClassroomDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/lessons/{slug}")]
    public async Task<IActionResult> Show(string slug)
    {
        var lesson = catalog.FindLesson(slug);
        if (lesson is null) return NotFound();
        TryFirstNotice? tryFirst = null;
        if (User.IsInRole(Roles.Student) && User.Id() is { } userId)
        {
            await MarkReadAsync(userId, slug);
            tryFirst = await KeyGates.TryFirstAsync(db, userId, slug, clock.GetUtcNow().UtcDateTime);
        }
        if (tryFirst is not null)
        {
            // Try first: the article plain, with why and when the markup opens; nothing that marks the answers.
            var plain = lesson.Article is null ? null : ArticleMarkup.Render(lesson.Article, []);
            return View(new LessonPage(lesson, HtmlString.Empty, plain, [], HasQuiz: false) { TryFirst = tryFirst });
        }

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

public sealed record LessonPage(Lesson Lesson, IHtmlContent TeachingText, IHtmlContent? ArticleText, IReadOnlyList<LegendEntry> Legend, bool HasQuiz)
{
    /// <summary>Set when this student's class takes the lesson's quiz "try first": the page shows the article plain.</summary>
    public TryFirstNotice? TryFirst { get; init; }
}

public sealed record LegendEntry(Category Category, int Count);
