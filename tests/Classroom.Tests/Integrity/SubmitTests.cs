using System.Net;
using Classroom.Tests.Attempts;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Tests.Integrity;

/// <summary>Submitting is deliberate: the page counts what is answered and asks before submitting, with or without script.</summary>
public class SubmitTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    [Fact]
    public async Task The_quiz_page_says_how_many_questions_are_answered()
    {
        var student = await AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        var quiz = new TestData(factory).Catalog.QuizForLesson("tal-afar-offensive")!;
        Assert.Contains($"0 of {quiz.Questions.Count} answered.", await student.Http.GetStringAsync($"/attempts/{attempt}"));
        await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "not-stated"));
        var page = await student.Http.GetStringAsync($"/attempts/{attempt}");
        Assert.Contains($"1 of {quiz.Questions.Count} answered.", page);
        Assert.Contains("class=\"button button-secondary\">Save answers", page);
        Assert.Contains("class=\"button button-submit\" data-submit>Submit", page);
    }

    [Fact]
    public async Task Without_script_submit_saves_then_asks_naming_the_unanswered_questions()
    {
        var student = await AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        var quiz = new TestData(factory).Catalog.QuizForLesson("tal-afar-offensive")!;
        var token = await student.TokenAsync();
        var ask = await student.Http.PostAsync($"/attempts/{attempt}", AttemptClient.Form(token,
            [("present", "outlet"), ("q.outlet", "not-stated"), ("action", "submit")]));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var html = await ask.Content.ReadAsStringAsync();
        Assert.Contains("Submit your answers?", html);
        Assert.Contains($"You have answered 1 of {quiz.Questions.Count} questions", html);
        foreach (var (q, i) in quiz.Questions.Select((q, i) => (q, i)).Skip(1))
            Assert.Contains($"Question {i + 1}</a>", html);
        Assert.DoesNotContain("Question 1</a>", html);

        // Nothing is submitted yet, and the answer given is saved.
        var data = new TestData(factory);
        var open = await data.DbAsync(db => db.Attempts.SingleAsync(a => a.Id == attempt));
        Assert.Equal(AttemptStatus.InProgress, open.Status);
        Assert.Contains("value=\"not-stated\" checked=\"checked\"", await student.Http.GetStringAsync($"/attempts/{attempt}"));

        var confirm = await student.Http.PostAsync($"/attempts/{attempt}", AttemptClient.Form(await student.TokenAsync(), [("action", "submit"), ("confirm", "yes")]));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal($"/attempts/{attempt}/review", confirm.Headers.Location!.OriginalString);
        Assert.NotEqual(AttemptStatus.InProgress, (await data.DbAsync(db => db.Attempts.SingleAsync(a => a.Id == attempt))).Status);
    }
}
