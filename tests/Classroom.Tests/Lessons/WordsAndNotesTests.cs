using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Tests.Pdf;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Lessons;

/// <summary>The words are defined where students work; outside knowledge is labelled; teacher notes reach teachers only.</summary>
public class WordsAndNotesTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private CourseCatalog Catalog => factory.Services.GetRequiredService<CourseCatalog>();

    [Fact]
    public async Task Words_we_use_defines_every_category_and_every_way_of_attributing()
    {
        var html = await factory.CreateClient().GetStringAsync("/words");
        foreach (var category in Taxonomy.All)
        {
            Assert.Contains($"id=\"{Glossary.Anchor("category:" + category.Slug)}\"", html);
            Assert.Contains(category.Label, html);
        }
        foreach (var way in LedgerValues.Attributions)
            Assert.Contains($"id=\"{Glossary.Anchor("attribution:" + way)}\"", html);
        foreach (var key in new[] { "named-person", "named-organisation", "checkable", "lateral-reading", "sift" })
            Assert.Contains($"id=\"{key}\"", html);
        Assert.Contains("Mike Caulfield", html);
    }

    [Fact]
    public async Task The_lesson_links_its_marks_to_their_definitions_and_labels_outside_knowledge()
    {
        var html = await factory.CreateClient().GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains("What each mark means", html);
        var lesson = Catalog.FindLesson("tal-afar-offensive")!;
        foreach (var category in lesson.Annotations.Select(a => a.Category).Distinct())
            Assert.Contains($"<a href=\"/words#{Glossary.Anchor("category:" + category.Slug)}\">{category.Label}</a>", html);
        Assert.Contains("Background: not from the article", html);
        foreach (var item in lesson.Background) Assert.Contains(WebUtility.HtmlEncode(item.Term), html);
        Assert.Contains("Better sourced: ", html);
        var closing = await factory.CreateClient().GetStringAsync("/lessons/mosul-final-phase");
        Assert.Contains("<div class=\"background\">", closing);
    }

    [Fact]
    public async Task The_ledger_question_and_its_review_link_to_the_definitions()
    {
        var student = await Attempts.AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        var page = await student.Http.GetStringAsync($"/attempts/{attempt}");
        Assert.Contains("href=\"/words#named-person\"", page);
        Assert.Contains($"href=\"/words#{Glossary.Anchor("How a claim is attributed")}\"", page);
        await student.SubmitAsync(attempt, await student.TokenAsync());
        Assert.Contains("<a href=\"/words\">Words we use</a>", await student.Http.GetStringAsync($"/attempts/{attempt}/review"));
    }

    [Fact]
    public async Task The_worksheet_has_the_words_on_its_back_page()
    {
        var pdf = await factory.CreateClient().GetByteArrayAsync("/lessons/tal-afar-offensive/worksheet.pdf");
        var pages = await PdfText.PagesAsync(pdf);
        var back = PdfText.Fold(pages[^1]);
        var words = PdfText.Fold(string.Join(" ", pages.SkipWhile(p => !p.Contains("Words we use")).Select(p => p)));
        Assert.Contains("Words we use", PdfText.Fold(string.Join(" ", pages.Skip(1))));
        foreach (var term in Catalog.Glossary.Terms) Assert.Contains(PdfText.Fold(term.Term), words);
        Assert.DoesNotContain("Question 1 ·", back);
    }

    [Fact]
    public async Task Teacher_notes_reach_instructors_and_never_students()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var quiz = Catalog.QuizForLesson("tal-afar-offensive")!;
        Assert.False(string.IsNullOrWhiteSpace(quiz.TeacherNotes));
        var firstLine = ContentLoader.ToPlainText(quiz.TeacherNotes!).Split('\n').First(l => l.Trim().Length > 20).Trim();
        var snippet = firstLine[..Math.Min(40, firstLine.Length)];

        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        Assert.Contains("Teacher notes", await teacher.GetStringAsync($"/assignments/{world.AssignmentId}"));
        Assert.Contains("Teacher notes (only instructors see these)", await teacher.GetStringAsync("/lessons/tal-afar-offensive/quiz"));
        var key = await PdfText.FlatAsync(await teacher.GetByteArrayAsync($"/assignments/{world.AssignmentId}/answer-key.pdf"));
        Assert.Contains(PdfText.Fold(snippet), key);

        var student = await Attempts.AttemptClient.FreshStudentAsync(factory);
        Assert.DoesNotContain("Teacher notes", await student.Http.GetStringAsync("/lessons/tal-afar-offensive/quiz"));
        var classStudent = await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass);
        var assignment = await classStudent.GetStringAsync($"/assignments/{world.AssignmentId}");
        Assert.DoesNotContain("Teacher notes", assignment);
        Assert.DoesNotContain(PdfText.Fold(snippet), PdfText.Fold(assignment));
        var worksheet = await PdfText.FlatAsync(await factory.CreateClient().GetByteArrayAsync("/lessons/tal-afar-offensive/worksheet.pdf"));
        Assert.DoesNotContain(PdfText.Fold(snippet), worksheet);
    }

    [Theory]
    [InlineData("Maj. Gen. Rupert Jones", "Rupert Jones", true)]
    [InlineData("Major General Rupert Jones", "rupert jones", true)]
    [InlineData("the military sources", "military sources", true)]
    [InlineData("General Jones", "Jones", true)]
    [InlineData("Lt. Col. Smith", "Smith", true)]
    [InlineData("Jones", "Rupert Jones", false)] // a surname alone is accepted only when the quiz lists it
    [InlineData("Iraqi officials", "the officials", false)]
    [InlineData("", "anything", false)]
    public void Source_names_match_without_titles_and_a_leading_the(string given, string accepted, bool matches)
    {
        Assert.Equal(matches, SourceNames.Matches(given, [accepted]));
    }
}
