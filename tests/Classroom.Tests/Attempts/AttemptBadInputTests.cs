using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Attempts;

/// <summary>Refused input gets a clear 4xx and changes nothing.</summary>
public class AttemptBadInputTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private async Task<string> SavedAnswers(int attempt)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        return string.Join("|", await db.Responses.Where(r => r.AttemptId == attempt).OrderBy(r => r.QuestionId).Select(r => r.QuestionId + "=" + r.AnswerJson).ToListAsync());
    }

    private async Task<(AttemptClient Student, int Attempt, string Before)> StartedAsync()
    {
        var student = await AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "not-stated"));
        return (student, attempt, await SavedAnswers(attempt));
    }

    [Theory]
    [InlineData("present", "no-such-question", "Question 'no-such-question' is not part of this quiz.")]
    [InlineData("q.no-such-question", "a", "Question 'no-such-question' is not part of this quiz.")]
    [InlineData("q.outlet", "success", "Option 'success' does not belong to question 'outlet'.")]
    [InlineData("q.unnamed-sentences", "42.1", "Sentence '42.1' is not a sentence of the article.")]
    [InlineData("q.unnamed-sentences", "4.9", "Sentence '4.9' is not a sentence of the article.")]
    [InlineData("q.caption", "maybe", "Question 'caption' takes true or false, not 'maybe'.")]
    [InlineData("q.ledger.r4.source", "x", "Question 'ledger' has no ledger row '4'.")]
    [InlineData("q.ledger.r1.attribution", "rumour", "'rumour' is not a way of attributing a claim.")]
    public async Task An_answer_that_does_not_fit_the_attempts_quiz_is_refused_with_a_message(string key, string value, string message)
    {
        var (student, attempt, before) = await StartedAsync();
        var question = key.StartsWith("q.") ? key[2..].Split('.')[0] : value;
        var response = await student.AutosaveAsync(attempt, ("present", question), (key, value), ("present", "last-paragraph"), ("q.last-paragraph", "guess"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, json.RootElement.GetProperty("error").GetString());
        Assert.Equal(before, await SavedAnswers(attempt)); // nothing changed, not even the valid part

        var plain = await student.Http.PostAsync($"/attempts/{attempt}", AttemptClient.Form(await student.TokenAsync(), [("present", question), (key, value), ("action", "submit")]));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message).Replace("&#39;", "&#x27;"), await plain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await student.Http.GetAsync($"/attempts/{attempt}")).StatusCode); // still open
    }

    [Fact]
    public async Task Two_choices_on_a_single_choice_question_are_refused()
    {
        var (student, attempt, before) = await StartedAsync();
        var response = await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "reuters"), ("q.outlet", "not-stated"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SavedAnswers(attempt));
    }

    [Fact]
    public async Task An_essay_over_ten_thousand_characters_is_refused_and_says_the_limit()
    {
        var (student, attempt, before) = await StartedAsync();
        var response = await student.AutosaveAsync(attempt, ("present", "essay"), ("q.essay.text", new string('a', 10_001)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10,001 characters; the limit is 10,000", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await SavedAnswers(attempt));
        var fits = await student.AutosaveAsync(attempt, ("present", "essay"), ("q.essay.text", new string('a', 10_000)));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_is_read()
    {
        var (student, attempt, before) = await StartedAsync();
        var response = await student.AutosaveAsync(attempt, ("present", "essay"), ("q.essay.text", new string('a', 400_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await SavedAnswers(attempt));
    }

    [Fact]
    public async Task Another_students_attempt_is_not_found_for_any_action()
    {
        var (_, attempt, before) = await StartedAsync();
        var other = await AttemptClient.FreshStudentAsync(factory);
        var token = await other.TokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/attempts/{attempt}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/attempts/{attempt}/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "reuters"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(attempt, token, ("present", "outlet"), ("q.outlet", "reuters"))).StatusCode);
        Assert.Equal(before, await SavedAnswers(attempt));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync("/attempts/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync("/attempts/not-a-number")).StatusCode);
    }

    [Fact]
    public async Task A_save_without_its_antiforgery_token_is_refused()
    {
        var (student, attempt, before) = await StartedAsync();
        var response = await student.Http.PostAsync($"/attempts/{attempt}/autosave",
            new FormUrlEncodedContent([new("present", "outlet"), new("q.outlet", "reuters")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SavedAnswers(attempt));
    }

    [Fact]
    public async Task Unknown_lessons_have_no_quiz()
    {
        var student = await AttemptClient.FreshStudentAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await student.Http.GetAsync("/lessons/nothing/quiz")).StatusCode);
    }
}
