using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Lessons;

public class PagesTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private CourseCatalog Catalog => factory.Services.GetRequiredService<CourseCatalog>();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static string Html(string text) => Encoder.Encode(text);

    [Fact]
    public async Task Home_lists_every_lesson_in_order_with_its_article()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        var positions = Catalog.Lessons.Select(l => html.IndexOf($"href=\"/lessons/{l.Slug}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("href=\"/articles/tal-afar-offensive\"", html);
        Assert.Contains(Html(Catalog.Lessons[0].Summary), html);
    }

    [Fact]
    public async Task Lesson_page_shows_objectives_annotations_ledger_and_guiding_questions()
    {
        var lesson = Catalog.FindLesson("tal-afar-offensive")!;
        var html = await factory.CreateClient().GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains(Html(lesson.Objectives[0]), html);
        foreach (var a in lesson.Annotations)
        {
            Assert.Contains($"data-ann=\"{a.Id}\"", html);
            Assert.Contains($"id=\"note-{a.Id}\"", html);
            Assert.Contains(Html(a.Note), html);
        }
        Assert.Contains("Source ledger", html);
        foreach (var row in lesson.Ledger) Assert.Contains(Html(row.Claim), html);
        foreach (var q in lesson.GuidingQuestions) Assert.Contains(Html(q), html);
        // A legend control per category used, and each note button says which category it is.
        foreach (var category in lesson.Annotations.Select(a => a.Category).Distinct())
            Assert.Contains($"id=\"show-{category.Slug}\"", html);
        Assert.Contains("aria-controls=\"note-military-sources\"", html);
    }

    [Fact]
    public async Task Article_page_shows_every_sentence_verbatim_with_numbers_and_no_markup()
    {
        foreach (var article in Catalog.Articles)
        {
            var html = await factory.CreateClient().GetStringAsync($"/articles/{article.Slug}");
            foreach (var s in article.Sentences)
            {
                Assert.Contains($"data-ref=\"{s.Ref}\" id=\"s{s.Paragraph}-{s.Number}\"", html);
                Assert.Contains(Html(s.Text), html);
            }
            Assert.DoesNotContain("<mark", html);
            Assert.Contains(Html(article.Outlet), html);
        }
    }

    [Fact]
    public async Task Unknown_lessons_and_articles_are_404_with_a_friendly_page()
    {
        var client = factory.CreateClient();
        var lesson = await client.GetAsync("/lessons/no-such-lesson");
        Assert.Equal(HttpStatusCode.NotFound, lesson.StatusCode);
        Assert.Contains("Page not found", await lesson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/no-such-article")).StatusCode);
    }

    [Fact]
    public async Task Opening_a_lesson_marks_it_read_for_the_student_on_the_course_home()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "Reader", ["Email"] = "reader@example.org", ["Password"] = "long enough pass", ["ConfirmPassword"] = "long enough pass",
        });
        var before = await client.GetStringAsync("/");
        Assert.DoesNotContain("✓ Read", before);
        Assert.Contains("Not read yet", before);

        await client.GetStringAsync("/lessons/tal-afar-offensive");
        await client.GetStringAsync("/lessons/tal-afar-offensive");

        var after = await client.GetStringAsync("/");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(after, "✓ Read"));
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/content/articles/tal-afar-offensive.md")]
    [InlineData("/content/lessons/tal-afar-offensive.md")]
    [InlineData("/articles/tal-afar-offensive.md")]
    [InlineData("/lessons/tal-afar-offensive.md")]
    [InlineData("/articles/tal-afar-offensive.md/")]
    [InlineData("/../content/lessons/tal-afar-offensive.md")]
    [InlineData("/css/../../content/lessons/tal-afar-offensive.md")]
    [InlineData("/wwwroot/../content/lessons/tal-afar-offensive.md")]
    public async Task Content_files_cannot_be_downloaded(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("annotations:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_styles_are_served_from_the_top_level_wwwroot()
    {
        var response = await factory.CreateClient().GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Paths.RepoRoot, "wwwroot", "css", "site.css")), await response.Content.ReadAsStringAsync());
    }
}
