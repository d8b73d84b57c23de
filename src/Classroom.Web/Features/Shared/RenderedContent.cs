using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Classroom.Web.Content;
using Microsoft.AspNetCore.Html;

namespace Classroom.Web.Features.Shared;

/// <summary>
/// An article's markup is the same for everyone, so it is rendered once per content version and reused: the
/// cache hangs off the loaded article and lesson objects, so new content (a new catalog) renders afresh.
/// Only the per-person parts of a page render per request.
/// </summary>
public sealed class RenderedContent(HtmlEncoder encoder)
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, IHtmlContent>> cache = new();

    /// <summary>The article with paragraph and sentence numbers, no annotations.</summary>
    public IHtmlContent Plain(Article article, string idPrefix = "") =>
        Get(article, "plain:" + idPrefix, () => ArticleMarkup.Render(article, [], idPrefix));

    /// <summary>The lesson's article with its highlights, note buttons and notes.</summary>
    public IHtmlContent Annotated(Lesson lesson) =>
        Get(lesson, "annotated", () => ArticleMarkup.Render(lesson.Article!, lesson.Annotations));

    private IHtmlContent Get(object owner, string key, Func<IHtmlContent> render) =>
        cache.GetOrCreateValue(owner).GetOrAdd(key, _ =>
        {
            using var writer = new StringWriter();
            render().WriteTo(writer, encoder);
            return new HtmlString(writer.ToString());
        });
}
