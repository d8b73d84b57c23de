using Classroom.Web.Content;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Classroom.Web.Features.Shared;

/// <summary>
/// Renders an article with its paragraph and sentence numbers, and optionally its annotations:
/// each quote highlighted in place (nested where quotes overlap), a numbered note button after it,
/// and the notes themselves under their paragraph. All text goes through TagBuilder, so it is encoded.
/// </summary>
public static class ArticleMarkup
{
    /// <param name="idPrefix">Put before every id, when one page shows the same article twice or beside other numbered text.</param>
    public static IHtmlContent Render(Article article, IReadOnlyList<Annotation> annotations, string idPrefix = "")
    {
        var html = new HtmlContentBuilder();
        foreach (var paragraph in article.Paragraphs)
            html.AppendHtml(RenderParagraph(paragraph, annotations.Where(a => a.Span.Paragraph == paragraph.Number).ToList(), idPrefix));
        return html;
    }

    private static IHtmlContent RenderParagraph(Paragraph paragraph, IReadOnlyList<Annotation> annotations, string idPrefix)
    {
        var block = new TagBuilder("div");
        block.AddCssClass("para-block");
        block.Attributes["id"] = $"{idPrefix}p{paragraph.Number}";

        var p = new TagBuilder("p");
        p.AddCssClass("para");
        var number = new TagBuilder("span");
        number.AddCssClass("para-num");
        number.InnerHtml.AppendHtml(VisuallyHidden("Paragraph ")).Append(paragraph.Number.ToString());
        p.InnerHtml.AppendHtml(number);

        var cuts = new SortedSet<int>();
        foreach (var a in annotations) { cuts.Add(a.Span.Start); cuts.Add(a.Span.End); }
        var pending = annotations.ToList();

        foreach (var sentence in paragraph.Sentences)
        {
            var span = new TagBuilder("span");
            span.AddCssClass("sent");
            span.Attributes["id"] = $"{idPrefix}s{sentence.Paragraph}-{sentence.Number}";
            span.Attributes["data-ref"] = sentence.Ref;
            var sup = new TagBuilder("sup");
            sup.AddCssClass("sent-num");
            sup.InnerHtml.AppendHtml(VisuallyHidden("sentence ")).Append(sentence.Number.ToString());
            span.InnerHtml.AppendHtml(sup);

            var points = cuts.Where(c => c > sentence.Start && c < sentence.End).Prepend(sentence.Start).Append(sentence.End).ToList();
            for (int i = 0; i + 1 < points.Count; i++)
            {
                int from = points[i], to = points[i + 1];
                IHtmlContent content = new HtmlContentBuilder().Append(paragraph.Text[from..to]);
                // Outer marks first: the widest quote wraps the narrower ones.
                foreach (var a in annotations.Where(a => a.Span.Start <= from && a.Span.End >= to)
                             .OrderBy(a => a.Span.End - a.Span.Start))
                    content = Mark(a, content);
                span.InnerHtml.AppendHtml(content);
                foreach (var a in annotations.Where(a => a.Span.End == to && pending.Contains(a)).OrderBy(a => a.Number))
                {
                    span.InnerHtml.AppendHtml(NoteButton(a));
                    pending.Remove(a);
                }
            }
            p.InnerHtml.Append(" ").AppendHtml(span);
        }
        foreach (var a in pending) p.InnerHtml.AppendHtml(NoteButton(a));
        block.InnerHtml.AppendHtml(p);

        if (annotations.Count > 0)
        {
            var notes = new TagBuilder("div");
            notes.AddCssClass("notes");
            foreach (var a in annotations.OrderBy(a => a.Number)) notes.InnerHtml.AppendHtml(Note(a));
            block.InnerHtml.AppendHtml(notes);
        }
        return block;
    }

    private static TagBuilder Mark(Annotation a, IHtmlContent inner)
    {
        var mark = new TagBuilder("mark");
        mark.AddCssClass("ann");
        mark.AddCssClass($"cat-{a.Category.Slug}");
        mark.Attributes["data-ann"] = a.Id;
        mark.InnerHtml.AppendHtml(inner);
        return mark;
    }

    private static TagBuilder NoteButton(Annotation a)
    {
        var button = new TagBuilder("button");
        button.Attributes["type"] = "button";
        button.AddCssClass("ann-ref");
        button.AddCssClass($"cat-{a.Category.Slug}");
        button.Attributes["aria-expanded"] = "true";
        button.Attributes["aria-controls"] = $"note-{a.Id}";
        button.InnerHtml.AppendHtml(Symbol(a.Category)).AppendHtml(VisuallyHidden("Note ")).Append(a.Number.ToString())
            .AppendHtml(VisuallyHidden($": {a.Category.Label}"));
        return button;
    }

    private static TagBuilder Note(Annotation a)
    {
        var note = new TagBuilder("div");
        note.AddCssClass("note");
        note.AddCssClass($"cat-{a.Category.Slug}");
        note.Attributes["id"] = $"note-{a.Id}";
        note.Attributes["role"] = "note";
        note.Attributes["aria-label"] = $"Note {a.Number}: {a.Category.Label}";
        note.Attributes["tabindex"] = "-1";
        var head = new TagBuilder("p");
        head.AddCssClass("note-head");
        head.InnerHtml.AppendHtml(Symbol(a.Category)).Append($"{a.Number} · ");
        var term = new TagBuilder("a");
        term.Attributes["href"] = $"/words#{Glossary.Anchor("category:" + a.Category.Slug)}";
        term.InnerHtml.Append(a.Category.Label);
        head.InnerHtml.AppendHtml(term);
        var body = new TagBuilder("p");
        body.InnerHtml.Append(a.Note);
        note.InnerHtml.AppendHtml(head).AppendHtml(body);
        if (a.Better is not null) note.InnerHtml.AppendHtml(Labelled("note-better", "Better sourced: ", a.Better));
        if (a.Background is not null) note.InnerHtml.AppendHtml(Labelled("note-background", "Background (not from the article): ", a.Background));
        return note;
    }

    private static TagBuilder Labelled(string css, string label, string text)
    {
        var p = new TagBuilder("p");
        p.AddCssClass(css);
        var strong = new TagBuilder("strong");
        strong.InnerHtml.Append(label);
        p.InnerHtml.AppendHtml(strong).Append(text);
        return p;
    }

    /// <summary>The kind's symbol, for eyes only: the label beside it already says the kind in words.</summary>
    public static TagBuilder Symbol(Category category)
    {
        var span = new TagBuilder("span");
        span.AddCssClass("cat-symbol");
        span.Attributes["aria-hidden"] = "true";
        span.InnerHtml.Append(category.Symbol);
        return span;
    }

    private static TagBuilder VisuallyHidden(string text)
    {
        var span = new TagBuilder("span");
        span.AddCssClass("visually-hidden");
        span.InnerHtml.Append(text);
        return span;
    }
}
