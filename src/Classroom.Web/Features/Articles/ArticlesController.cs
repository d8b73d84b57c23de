using Classroom.Web.Content;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Articles;

public sealed class ArticlesController(CourseCatalog catalog, RenderedContent rendered) : Controller
{
    [HttpGet("/articles/{slug}")]
    public IActionResult Show(string slug)
    {
        var article = catalog.FindArticle(slug);
        if (article is null) return NotFound();
        var lesson = catalog.Lessons.FirstOrDefault(l => l.Article?.Slug == slug);
        return View(new ArticlePage(article, rendered.Plain(article), lesson?.Slug, lesson?.Title));
    }
}

public sealed record ArticlePage(Article Article, IHtmlContent Text, string? LessonSlug, string? LessonTitle);
