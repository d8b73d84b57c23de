using Classroom.Web.Content;

namespace Classroom.Tests.Content;

/// <summary>Each fault a content author can make stops loading with one message naming file, line and fault.</summary>
public class ContentValidationTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("classroom-content-").FullName;

    private const string ArticleText = """
        ---
        title: "A small article"
        label: "Small"
        outlet: "not stated"
        date: "not stated"
        byline: "not stated"
        photo_credit: "not stated"
        seed: none.txt
        ---
        Officials have claimed the town was taken. Officials have claimed nothing else.

        "It was quick," a source said.
        """;

    private static string Lesson(string annotations, string extraFields = "") => $"""
        ---
        title: "A lesson"
        order: 1
        article: small
        summary: "Summary."
        {extraFields}objectives:
          - "Do a thing."
        guiding_questions:
          - "Why?"
        annotations:
        {annotations}
        ---
        Teaching text.
        """;

    private const string GoodAnnotation = """
          - id: a1
            quote: "a source said"
            category: unnamed-source
            note: "Who?"
        """;

    private void Write(string lesson, string article = ArticleText)
    {
        Directory.CreateDirectory(Path.Combine(root, "articles"));
        Directory.CreateDirectory(Path.Combine(root, "lessons"));
        File.WriteAllText(Path.Combine(root, "articles", "small.md"), article);
        File.WriteAllText(Path.Combine(root, "lessons", "small-lesson.md"), lesson);
    }

    private ContentException Fails(string lesson, string article = ArticleText)
    {
        Write(lesson, article);
        return Assert.Throws<ContentException>(() => ContentLoader.Load(root));
    }

    [Fact]
    public void A_good_lesson_loads_with_its_quote_located()
    {
        Write(Lesson(GoodAnnotation));
        var lesson = Assert.Single(ContentLoader.Load(root).Lessons);
        var annotation = Assert.Single(lesson.Annotations);
        Assert.Equal(["2.1"], annotation.SentenceRefs);
    }

    [Fact]
    public void A_quote_not_in_the_article_names_file_line_and_quote()
    {
        var e = Fails(Lesson("""
              - id: a1
                quote: "a soldier said"
                category: unnamed-source
                note: "Who?"
            """));
        Assert.Equal("content/lessons/small-lesson.md", e.File);
        Assert.Equal(12, e.Line);
        Assert.Contains("quote not found in article 'small'", e.Message);
        Assert.Contains("a soldier said", e.Message);
        Assert.StartsWith("content/lessons/small-lesson.md, line 12:", e.Message);
    }

    [Fact]
    public void A_quote_that_occurs_twice_is_ambiguous()
    {
        var e = Fails(Lesson("""
              - id: a1
                quote: "Officials have claimed"
                category: unnamed-source
                note: "Who?"
            """));
        Assert.Contains("ambiguous", e.Fault);
        Assert.Contains("2 times", e.Fault);
        Assert.Equal(12, e.Line);
    }

    [Fact]
    public void An_unknown_category_is_refused_with_the_known_ones_listed()
    {
        var e = Fails(Lesson("""
              - id: a1
                quote: "a source said"
                category: gossip
                note: "Who?"
            """));
        Assert.Contains("unknown category 'gossip'", e.Fault);
        Assert.Contains("unnamed-source", e.Fault);
        Assert.Equal(13, e.Line);
    }

    [Fact]
    public void A_duplicate_id_is_refused()
    {
        var e = Fails(Lesson(GoodAnnotation + "\n" + GoodAnnotation.Replace("a source said", "It was quick")));
        Assert.Contains("duplicate id 'a1'", e.Fault);
        Assert.Equal(15, e.Line);
    }

    [Fact]
    public void An_unknown_article_slug_is_refused()
    {
        var e = Fails(Lesson(GoodAnnotation).Replace("article: small", "article: missing-article"));
        Assert.Contains("unknown article slug 'missing-article'", e.Fault);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var e = Fails(Lesson(GoodAnnotation.Replace("    note: \"Who?\"\n", "").Replace("    note: \"Who?\"", "")));
        Assert.Contains("missing required field 'note'", e.Fault);
        Assert.Equal(11, e.Line);
    }

    [Fact]
    public void An_article_missing_its_outlet_is_refused()
    {
        var e = Fails(Lesson(GoodAnnotation), ArticleText.Replace("outlet: \"not stated\"\n", ""));
        Assert.Equal("content/articles/small.md", e.File);
        Assert.Contains("missing required field 'outlet'", e.Fault);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line()
    {
        var e = Fails(Lesson(GoodAnnotation).Replace("summary: \"Summary.\"", "summary: \"Summary.\n  - : ]["));
        Assert.Contains("not valid YAML", e.Fault);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void A_file_without_front_matter_is_refused()
    {
        var e = Fails("Just some text");
        Assert.Contains("front matter", e.Fault);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void A_ledger_row_with_an_unknown_attribution_is_refused()
    {
        const string ledger = """
            ledger:
              - id: l1
                quote: "a source said"
                claim: "It was quick."
                source: "a source"
                attribution: rumour
                named: no
                checkable: no

            """;
        var e = Fails(Lesson(GoodAnnotation).Replace("---\nTeaching text.", ledger + "---\nTeaching text."));
        Assert.Contains("field 'attribution' must be one of", e.Fault);
        Assert.Contains("'rumour'", e.Fault);
        Assert.Equal(20, e.Line);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
