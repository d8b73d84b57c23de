using Markdig;
using YamlDotNet.RepresentationModel;

namespace Classroom.Web.Content;

/// <summary>Reads content/ into a <see cref="CourseCatalog"/>, refusing the first fault it finds.</summary>
public static class ContentLoader
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    /// <summary>Markdown written in content/ as HTML (raw HTML in it is not passed through).</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Markdown);

    /// <summary>Markdown as plain text, for paper.</summary>
    public static string ToPlainText(string markdown) => Markdig.Markdown.ToPlainText(markdown, Markdown);

    public static CourseCatalog Load(string root)
    {
        if (!Directory.Exists(root))
            throw new ContentException(root, null, "content folder not found");
        var articles = Files(root, "articles", "*.md").Select(f => LoadArticle(root, f)).ToList();
        var bySlug = articles.ToDictionary(a => a.Slug);
        var lessons = Files(root, "lessons", "*.md").Select(f => LoadLesson(root, f, bySlug)).ToList();
        var lessonsBySlug = lessons.ToDictionary(l => l.Slug);
        var quizzes = Files(root, "quizzes", "*.yml")
            .Select(f => QuizLoader.Load(Display(root, f), File.ReadAllText(f), Path.GetFileNameWithoutExtension(f), lessonsBySlug, bySlug))
            .ToList();
        foreach (var group in quizzes.GroupBy(q => q.LessonSlug).Where(g => g.Count() > 1))
            throw new ContentException($"content/quizzes/{group.Last().Slug}.yml", null, $"lesson '{group.Key}' already has a quiz ('{group.First().Slug}')");
        return new CourseCatalog(articles, lessons, quizzes) { Glossary = GlossaryLoader.Load(root) };
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var dir = Path.Combine(root, folder);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, pattern).Order(StringComparer.Ordinal)
            : [];
    }

    private static string Display(string root, string file) =>
        Path.Combine("content", Path.GetRelativePath(root, file)).Replace('\\', '/');

    public static Article LoadArticle(string root, string path)
    {
        var file = Display(root, path);
        var doc = FrontMatterDocument.Parse(file, File.ReadAllText(path));
        var yaml = new YamlFile(file, doc.Yaml, doc.YamlLineOffset);
        var m = yaml.Root;
        var paragraphs = ParseParagraphs(doc.Body);
        if (paragraphs.Count == 0)
            throw new ContentException(file, doc.BodyLineOffset + 1, "the article has no text after its front matter");
        return new Article(
            Slug: Path.GetFileNameWithoutExtension(path),
            Title: yaml.Required(m, "title"),
            Label: yaml.Required(m, "label"),
            Outlet: yaml.Required(m, "outlet"),
            Date: yaml.Required(m, "date"),
            Byline: yaml.Required(m, "byline"),
            PhotoCredit: yaml.Required(m, "photo_credit"),
            SeedFile: yaml.Required(m, "seed"),
            Paragraphs: paragraphs);
    }

    /// <summary>Paragraphs are blocks separated by blank lines; lines inside a block are joined by a space.</summary>
    public static IReadOnlyList<Paragraph> ParseParagraphs(string body)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0) blocks.Add(string.Join(' ', current));
                current.Clear();
            }
            else current.Add(line);
        }
        if (current.Count > 0) blocks.Add(string.Join(' ', current));

        return blocks.Select((text, i) =>
        {
            var number = i + 1;
            var sentences = SentenceSplitter.Split(text)
                .Select((s, j) => new Sentence(number, j + 1, text[s.Start..s.End], s.Start, s.End))
                .ToList();
            return new Paragraph(number, text, sentences);
        }).ToList();
    }

    private static Lesson LoadLesson(string root, string path, IReadOnlyDictionary<string, Article> articles)
    {
        var file = Display(root, path);
        var doc = FrontMatterDocument.Parse(file, File.ReadAllText(path));
        var yaml = new YamlFile(file, doc.Yaml, doc.YamlLineOffset);
        var m = yaml.Root;

        Article? article = null;
        var articleSlug = yaml.Optional(m, "article");
        if (articleSlug is not null && !articles.TryGetValue(articleSlug, out article))
            throw yaml.Fault(yaml.Child(m, "article")!, $"unknown article slug '{articleSlug}'");

        var annotationNodes = yaml.Maps(m, "annotations", required: false);
        var ledgerNodes = yaml.Maps(m, "ledger", required: false);
        if (article is null && (annotationNodes.Count > 0 || ledgerNodes.Count > 0))
            throw yaml.Fault(m, "annotations and a ledger need an 'article' to quote from");

        var ids = new HashSet<string>();
        string UniqueId(YamlMappingNode node)
        {
            var id = yaml.Required(node, "id");
            if (!ids.Add(id)) throw yaml.Fault(node, $"duplicate id '{id}'");
            return id;
        }

        var annotations = annotationNodes.Select((node, i) =>
        {
            var id = UniqueId(node);
            var quote = yaml.Required(node, "quote");
            var categorySlug = yaml.Required(node, "category");
            var category = Taxonomy.Find(categorySlug)
                ?? throw yaml.Fault(yaml.Child(node, "category")!, $"unknown category '{categorySlug}' (known: {string.Join(", ", Taxonomy.All.Select(c => c.Slug))})");
            var span = Locate(yaml, node, article!, quote);
            return new Annotation(id, i + 1, quote, category, yaml.Required(node, "note"), span, SentenceRefs(article!, span))
            {
                Background = yaml.Optional(node, "background"),
                Better = yaml.Optional(node, "better"),
            };
        }).ToList();
        // Notes are numbered in reading order (paragraph, then place in it), whatever order the file lists them in.
        annotations = annotations.OrderBy(a => a.Span.Paragraph).ThenBy(a => a.Span.Start).ThenBy(a => a.Number)
            .Select((a, i) => a with { Number = i + 1 }).ToList();

        var ledger = ledgerNodes.Select(node =>
        {
            var id = UniqueId(node);
            var quote = yaml.Required(node, "quote");
            var span = Locate(yaml, node, article!, quote);
            var attribution = OneOf(yaml, node, "attribution", LedgerValues.Attributions);
            var named = OneOf(yaml, node, "named", ["yes", "no"]) == "yes";
            var checkable = OneOf(yaml, node, "checkable", LedgerValues.Checkable);
            return new LedgerRow(id, quote, yaml.Required(node, "claim"), yaml.Required(node, "source"),
                attribution, named, checkable, yaml.Optional(node, "original_outlet"), span, SentenceRefs(article!, span));
        }).ToList();

        return new Lesson(
            Slug: Path.GetFileNameWithoutExtension(path),
            Title: yaml.Required(m, "title"),
            Order: yaml.RequiredInt(m, "order"),
            Summary: yaml.Required(m, "summary"),
            Article: article,
            Objectives: yaml.Strings(m, "objectives", required: true),
            TeachingHtml: Markdig.Markdown.ToHtml(doc.Body, Markdown),
            GuidingQuestions: yaml.Strings(m, "guiding_questions", required: true),
            Annotations: annotations,
            Ledger: ledger)
        {
            Background = yaml.Maps(m, "background", required: false)
                .Select(b => new BackgroundItem(yaml.Required(b, "term"), yaml.Required(b, "text"), yaml.Required(b, "check"))).ToList(),
        };
    }

    private static string OneOf(YamlFile yaml, YamlMappingNode node, string key, IReadOnlyList<string> allowed)
    {
        var value = yaml.Required(node, key).ToLowerInvariant();
        if (!allowed.Contains(value))
            throw yaml.Fault(yaml.Child(node, key)!, $"field '{key}' must be one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}, not '{value}'");
        return value;
    }

    /// <summary>Finds a quote in the article: it must occur exactly once, inside one paragraph.</summary>
    /// <summary>
    /// Finds a quote in the article: it must occur exactly once, inside one paragraph. An optional
    /// 'paragraph' field narrows the search, for text that repeats word for word ("Advertisement").
    /// </summary>
    public static TextSpan Locate(YamlFile yaml, YamlMappingNode node, Article article, string quote)
    {
        int? paragraph = null;
        if (yaml.Optional(node, "paragraph") is { } text)
        {
            if (!int.TryParse(text, out var number) || number < 1 || number > article.Paragraphs.Count)
                throw yaml.Fault(yaml.Child(node, "paragraph")!, $"paragraph '{text}' does not exist in article '{article.Slug}' (it has {article.Paragraphs.Count})");
            paragraph = number;
        }
        return Locate(yaml, yaml.Child(node, "quote") ?? node, article, quote, "quote", paragraph);
    }

    public static TextSpan Locate(YamlFile yaml, YamlNode where, Article article, string quote, string what, int? paragraph = null)
    {
        var hits = new List<TextSpan>();
        foreach (var p in article.Paragraphs.Where(p => paragraph is null || p.Number == paragraph))
        {
            for (int at = p.Text.IndexOf(quote, StringComparison.Ordinal); at >= 0;
                 at = p.Text.IndexOf(quote, at + 1, StringComparison.Ordinal))
                hits.Add(new TextSpan(p.Number, at, at + quote.Length));
        }
        return hits.Count switch
        {
            0 => throw yaml.Fault(where, $"{what} not found in article '{article.Slug}'{(paragraph is null ? "" : $", paragraph {paragraph}")}: \"{quote}\""),
            1 => hits[0],
            _ => throw yaml.Fault(where, $"{what} is ambiguous: it occurs {hits.Count} times in article '{article.Slug}' (quote more words, or add 'paragraph'): \"{quote}\""),
        };
    }

    public static IReadOnlyList<string> SentenceRefs(Article article, TextSpan span) =>
        article.Paragraphs[span.Paragraph - 1].Sentences
            .Where(s => s.Start < span.End && span.Start < s.End)
            .Select(s => s.Ref)
            .ToList();
}
