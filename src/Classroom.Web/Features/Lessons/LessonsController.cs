using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Lessons;

public sealed class LessonsController(CourseCatalog catalog, ClassroomDbContext db, TimeProvider clock, ReadMarks reads, RenderedContent rendered, TryFirstIndex tryFirstIndex) : Controller
{
    [HttpGet("/lessons/{slug}")]
    public async Task<IActionResult> Show(string slug)
    {
        var lesson = catalog.FindLesson(slug);
        if (lesson is null) return NotFound();
        TryFirstNotice? tryFirst = null;
        if (User.IsInRole(Roles.Student) && User.Id() is { } userId)
        {
            reads.Mark(userId, slug);
            // Only a lesson some class takes "try first" needs the student's own check.
            if (await tryFirstIndex.MayApplyAsync(slug))
                tryFirst = await KeyGates.TryFirstAsync(db, userId, slug, clock.GetUtcNow().UtcDateTime);
        }
        if (tryFirst is not null)
        {
            // Try first: the article plain, with why and when the markup opens; nothing that marks the answers.
            var plain = lesson.Article is null ? null : rendered.Plain(lesson.Article);
            return View(new LessonPage(lesson, HtmlString.Empty, plain, [], HasQuiz: false) { TryFirst = tryFirst });
        }

        var categories = Taxonomy.All
            .Select(c => new LegendEntry(c, lesson.Annotations.Count(a => a.Category == c)))
            .Where(e => e.Count > 0)
            .ToList();
        var text = lesson.Article is null ? null : rendered.Annotated(lesson);
        return View(new LessonPage(lesson, new HtmlString(lesson.TeachingHtml), text, categories, catalog.QuizForLesson(slug) is not null));
    }
}

public sealed record LessonPage(Lesson Lesson, IHtmlContent TeachingText, IHtmlContent? ArticleText, IReadOnlyList<LegendEntry> Legend, bool HasQuiz)
{
    /// <summary>Set when this student's class takes the lesson's quiz "try first": the page shows the article plain.</summary>
    public TryFirstNotice? TryFirst { get; init; }
}

public sealed record LegendEntry(Category Category, int Count);
