using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;

namespace Classroom.Tests.Content;

public class CatalogTests
{
    private static readonly CourseCatalog Catalog = ContentLoader.Load(Paths.Content);

    public static TheoryData<string> ArticleSlugs => new() { "tal-afar-offensive", "perverse-caliphate", "mosul-retreat", "mosul-final-phase" };

    [Theory]
    [MemberData(nameof(ArticleSlugs))]
    public void Every_article_is_the_seed_text_verbatim_line_for_line(string slug)
    {
        var article = Catalog.FindArticle(slug)!;
        var seedPath = Path.Combine(Paths.Seeds, article.SeedFile);
        Assert.True(File.Exists(seedPath), $"seed file {seedPath} not found beside the repository");
        var seedLines = File.ReadAllLines(seedPath).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal(seedLines, article.Paragraphs.Select(p => p.Text).ToList());
    }

    [Theory]
    [MemberData(nameof(ArticleSlugs))]
    public void Sentences_rebuild_their_paragraph_exactly(string slug)
    {
        foreach (var paragraph in Catalog.FindArticle(slug)!.Paragraphs)
            Assert.Equal(paragraph.Text.Replace(" ", ""), string.Concat(paragraph.Sentences.Select(s => s.Text)).Replace(" ", ""));
    }

    [Fact]
    public void Metadata_says_not_stated_where_the_text_does_not_say()
    {
        var talAfar = Catalog.FindArticle("tal-afar-offensive")!;
        Assert.Equal("not stated", talAfar.Outlet);
        Assert.Equal("not stated", talAfar.Byline);
        Assert.Equal("REUTERS/Stringer", talAfar.PhotoCredit);
        var finalPhase = Catalog.FindArticle("mosul-final-phase")!;
        Assert.Equal("South Front", finalPhase.Byline);
        Assert.Equal("2017-05-09", finalPhase.Date);
    }

    [Fact]
    public void The_tal_afar_lesson_is_complete_enough_to_teach()
    {
        var lesson = Catalog.FindLesson("tal-afar-offensive")!;
        Assert.Equal("tal-afar-offensive", lesson.Article?.Slug);
        Assert.True(lesson.Annotations.Count >= 10, $"{lesson.Annotations.Count} annotations");
        Assert.True(lesson.Annotations.Select(a => a.Category).Distinct().Count() >= 6);
        Assert.NotEmpty(lesson.Ledger);
        Assert.InRange(lesson.Objectives.Count, 3, 5);
        Assert.InRange(lesson.GuidingQuestions.Count, 4, 6);
        Assert.Contains("<h2", lesson.TeachingHtml);
    }

    [Fact]
    public void Every_annotation_points_at_its_exact_quote()
    {
        foreach (var lesson in Catalog.Lessons.Where(l => l.Article is not null))
        foreach (var a in lesson.Annotations)
        {
            var paragraph = lesson.Article!.Paragraphs[a.Span.Paragraph - 1];
            Assert.Equal(a.Quote, paragraph.Text[a.Span.Start..a.Span.End]);
            Assert.NotEmpty(a.SentenceRefs);
        }
    }

    [Fact]
    public void Lessons_are_listed_in_their_order()
    {
        Assert.Equal(Catalog.Lessons.OrderBy(l => l.Order).Select(l => l.Slug), Catalog.Lessons.Select(l => l.Slug));
        Assert.Equal("tal-afar-offensive", Catalog.Lessons[0].Slug);
    }
}
