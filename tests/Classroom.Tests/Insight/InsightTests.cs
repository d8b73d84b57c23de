using System.Net;
using System.Text;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;

namespace Classroom.Tests.Insight;

/// <summary>A class of 30 with generated, known answers: what the insight page, its exports and its access show.</summary>
public sealed class InsightClass : IAsyncLifetime
{
    public ClassroomFactory Factory { get; } = new();
    public QuizDefinition Quiz { get; private set; } = null!;
    public Assignment Assignment { get; private set; } = null!;
    public HighlightQuestion Highlight { get; private set; } = null!;
    public SingleChoiceQuestion Choice { get; private set; } = null!;
    public string KeySentence { get; private set; } = "";
    public string OffKeySentence { get; private set; } = "";
    public List<Person> Students { get; } = [];
    public Person Teacher { get; private set; } = null!;
    public Person OtherTeacher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = new TestData(Factory);
        Teacher = await data.InstructorAsync("Ms. Insight", "insight.teacher@school.test");
        OtherTeacher = await data.InstructorAsync("Mr. Elsewhere", "elsewhere@school.test");
        for (int i = 1; i <= 30; i++) Students.Add(await data.StudentAsync($"Student {i:00}", $"s{i:00}@insight.test"));
        var period = await data.ClassAsync(Teacher, "Period 4", Students);
        Assignment = await data.AssignAsync(period);
        Quiz = data.Catalog.QuizForLesson("tal-afar-offensive")!;
        Highlight = Quiz.Questions.OfType<HighlightQuestion>().First();
        Choice = Quiz.Questions.OfType<SingleChoiceQuestion>().First();
        KeySentence = Highlight.KeySentences[0];
        OffKeySentence = Highlight.Sentences.First(s => !Highlight.KeySentences.Contains(s.Ref)).Ref;
        var right = Choice.Options.First(o => o.Correct).Id;
        var wrong = Choice.Options.First(o => !o.Correct).Id;
        for (int i = 0; i < 30; i++)
        {
            // Students 01-20 mark the key sentence; 21-30 mark a sentence outside the key instead.
            // The first 24 choose the right option; 25-30 the same wrong one.
            var marks = i < 20 ? new List<string> { KeySentence } : [OffKeySentence];
            var choice = i < 24 ? right : wrong;
            await data.SubmitAsync(Students[i], Assignment, _ => new()
            {
                [Highlight.Id] = new Answer { Sentences = marks },
                [Choice.Id] = new Answer { Choices = [choice] },
            });
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public class InsightTests(InsightClass world) : IClassFixture<InsightClass>
{
    private async Task<HttpClient> TeacherAsync() => await ClassWorld.ClientAsync(world.Factory, world.Teacher.Email);

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task The_class_on_the_article_shows_each_sentences_share_key_mark_and_who_marked_it()
    {
        var html = Text(await (await TeacherAsync()).GetStringAsync($"/assignments/{world.Assignment.Id}/insight"));
        var section = html[html.IndexOf($"id=\"q-{world.Highlight.Id}\"", StringComparison.Ordinal)..];
        var key = Sentence(section, world.KeySentence);
        Assert.Contains("67 %", key);           // 20 of 30
        Assert.Contains("✓ in the key", key);
        Assert.Contains("Marked it (20)", key);
        Assert.Contains("Student 01", key);
        Assert.Contains("Missed it (10)", key);
        Assert.Contains("Student 21", key[key.IndexOf("Missed it", StringComparison.Ordinal)..]);
        var off = Sentence(section, world.OffKeySentence);
        Assert.Contains("33 %", off);           // 10 of 30
        Assert.Contains("not in the key", off);
        Assert.Contains("Marked it (10): a false mark", off);
    }

    private static string Sentence(string html, string reference)
    {
        var at = html.IndexOf($"<span class=\"share-ref\">{reference}</span>", StringComparison.Ordinal);
        Assert.True(at > 0, $"sentence {reference} is on the page");
        var start = html.LastIndexOf("<li class=\"share", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</li>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Item_analysis_shows_facility_option_counts_and_says_which_attempt_counts()
    {
        var html = Text(await (await TeacherAsync()).GetStringAsync($"/assignments/{world.Assignment.Id}/insight"));
        Assert.Contains("30 of 30 enrolled students have submitted", html);
        Assert.Contains("counted attempt", html);
        var section = html[html.IndexOf($"id=\"q-{world.Choice.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("Facility 80 %", section); // 24 of 30 right, all or nothing
        var right = world.Choice.Options.First(o => o.Correct);
        Assert.Contains($"<td>{right.Text}</td><td>✓ key</td><td>24 of 30 (80 %)</td>", section);
        Assert.Contains("<td>6 of 30 (20 %)</td>", section);
        // The two plots are drawn on the server, with a title and description, and no script.
        Assert.Contains("<svg class=\"plot\" id=\"score-plot\"", html);
        Assert.Contains("role=\"img\"", html);
        Assert.DoesNotContain("<script src=\"http", html);
    }

    [Fact]
    public async Task Questions_no_one_has_graded_yet_are_not_counted_as_zero()
    {
        var html = Text(await (await TeacherAsync()).GetStringAsync($"/assignments/{world.Assignment.Id}/insight"));
        var essay = world.Quiz.Questions.OfType<EssayQuestion>().First();
        var section = html[html.IndexOf($"id=\"q-{essay.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("Facility — · discrimination —", section);
        Assert.Contains("(30 to grade)", html);
    }

    [Fact]
    public async Task The_exports_list_every_response_and_every_question()
    {
        var teacher = await TeacherAsync();
        var responses = await teacher.GetAsync($"/assignments/{world.Assignment.Id}/insight/responses.csv");
        Assert.Equal("text/csv", responses.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await responses.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Student,Question,Type,Answer,Points,Out of,Status", lines[0]);
        Assert.Equal(1 + 30 * world.Quiz.Questions.Count, lines.Length);
        var number = world.Quiz.NumberOf(world.Highlight);
        Assert.Contains(lines, l => l.StartsWith($"Student 01,{number},") && l.Contains($"Sentences marked: {world.KeySentence}") && l.EndsWith(",scored"));

        var items = Encoding.UTF8.GetString(await teacher.GetByteArrayAsync($"/assignments/{world.Assignment.Id}/insight/items.csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + world.Quiz.Questions.Count, items.Length);
        Assert.StartsWith("Question,Type,Prompt,Points,Students,Answered,Waiting for a teacher,Facility (%),Discrimination (item-rest r),Flags", items[0]);
        Assert.Contains(items, l => l.StartsWith($"{world.Quiz.NumberOf(world.Choice)},") && l.Contains(",80.0,"));
    }

    [Fact]
    public async Task Students_and_other_teachers_cannot_see_the_class_view()
    {
        var student = await ClassWorld.ClientAsync(world.Factory, world.Students[0].Email);
        var other = await ClassWorld.ClientAsync(world.Factory, world.OtherTeacher.Email);
        foreach (var url in new[] { "", "/responses.csv", "/items.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/assignments/{world.Assignment.Id}/insight{url}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/assignments/{world.Assignment.Id}/insight{url}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await TeacherAsync()).GetAsync("/assignments/999999/insight")).StatusCode);
    }

    [Fact]
    public async Task The_assignment_page_links_to_class_insight_for_its_teacher()
    {
        var html = await (await TeacherAsync()).GetStringAsync($"/assignments/{world.Assignment.Id}");
        Assert.Contains($"href=\"/assignments/{world.Assignment.Id}/insight\"", html);
    }
}
