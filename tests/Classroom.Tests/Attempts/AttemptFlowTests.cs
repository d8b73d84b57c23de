using System.Net;
using System.Text.Json;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Attempts;

public class AttemptFlowTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private async Task<T> WithDb<T>(Func<ClassroomDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClassroomDbContext>());
    }

    private async Task<AttemptClient> NewStudentAsync()
    {
        var client = factory.CreateBrowserLikeClient();
        var email = $"s{Guid.NewGuid():N}@example.org";
        var response = await client.PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "Student", ["Email"] = email, ["Password"] = "long enough pass", ["ConfirmPassword"] = "long enough pass",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new AttemptClient(client);
    }

    [Fact]
    public async Task Practice_quiz_is_offered_from_the_lesson_page_and_needs_sign_in()
    {
        var lesson = await factory.CreateClient().GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains("href=\"/lessons/tal-afar-offensive/quiz\"", lesson);
        var anonymous = await factory.CreateBrowserLikeClient().GetAsync("/lessons/tal-afar-offensive/quiz");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Answers_saved_as_the_student_goes_are_there_after_a_reload_and_starting_again_resumes()
    {
        var student = await NewStudentAsync();
        var attempt = await student.StartAsync();
        var saved = await student.AutosaveAsync(attempt, ("present", "hedge-word"), ("q.hedge-word.text", "reportedly, I think"),
            ("present", "unnamed-sentences"), ("q.unnamed-sentences", "4.1"), ("q.unnamed-sentences", "4.3"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("savedAt", await saved.Content.ReadAsStringAsync());

        var page = await student.Http.GetStringAsync($"/attempts/{attempt}");
        Assert.Contains(">reportedly, I think</textarea>", page);
        Assert.Contains("value=\"4.1\" checked=\"checked\"", page);
        Assert.Contains("value=\"4.3\" checked=\"checked\"", page);
        Assert.DoesNotContain("value=\"4.2\" checked=\"checked\"", page);

        Assert.Equal(attempt, await student.StartAsync()); // a lost tab comes back to the same attempt

        // Clearing every mark is a save too.
        await student.AutosaveAsync(attempt, ("present", "unnamed-sentences"));
        Assert.DoesNotContain("checked=\"checked\"", (await student.Http.GetStringAsync($"/attempts/{attempt}")).Split("unnamed-sentences")[1].Split("</fieldset>")[0]);
    }

    [Fact]
    public async Task Submitting_scores_closed_questions_and_review_shows_key_explanation_and_evidence()
    {
        var student = await NewStudentAsync();
        var attempt = await student.StartAsync();
        var token = await student.TokenAsync();
        var response = await student.SubmitAsync(attempt, token, [.. AttemptClient.RightAnswers,
            ("present", "essay"), ("q.essay.text", "The chain is long: sources, correspondent, Al-Jazeera, this site.")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/attempts/{attempt}/review", response.Headers.Location?.OriginalString);

        var stored = await WithDb(db => db.Attempts.SingleAsync(a => a.Id == attempt));
        Assert.Equal(AttemptStatus.NeedsGrading, stored.Status); // the essay and an open short answer wait for a person
        Assert.Equal(17m, stored.Score);                         // every closed question right: 1+1+3+4+6+1+1
        Assert.Equal(28m, stored.MaxScore);

        var review = await student.Http.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains("<strong>17</strong> of 28 points", review);
        Assert.Contains("✓ marked, in the key", review);
        Assert.Contains("Not scored in practice", review);
        Assert.Contains("A model answer", review);
        Assert.Contains("Traces the chain of sources", review); // the rubric, for a self-learner
        Assert.Contains("<mark class=\"evidence-mark\">several military sources claim</mark>", review);
        Assert.Contains("The chain is long: sources, correspondent, Al-Jazeera, this site.", review);
        Assert.Contains("Evidence in the article", review);
    }

    [Fact]
    public async Task Wrong_and_partial_answers_get_partial_credit_in_the_review()
    {
        var student = await NewStudentAsync();
        var attempt = await student.StartAsync();
        await student.SubmitAsync(attempt, await student.TokenAsync(),
            ("present", "via-al-jazeera"), ("q.via-al-jazeera", "success"), ("q.via-al-jazeera", "jones"),
            ("present", "unnamed-sentences"), ("q.unnamed-sentences", "4.1"), ("q.unnamed-sentences", "4.3"), ("q.unnamed-sentences", "9.1"),
            ("present", "outlet"), ("q.outlet", "reuters"));
        var stored = await WithDb(db => db.Responses.Where(r => r.AttemptId == attempt).ToDictionaryAsync(r => r.QuestionId));
        Assert.Equal(0m, stored["via-al-jazeera"].Points);   // 1 right - 1 wrong
        Assert.Equal(1.33m, stored["unnamed-sentences"].Points); // 2 hits - 1 false mark = 1 of 3 key sentences, of 4 points
        Assert.Equal(0m, stored["outlet"].Points);
        Assert.Equal(0m, stored["caption"].Points);           // unanswered counts 0
        Assert.Equal(9, stored.Count);                        // every question has a response after submitting
        var review = await student.Http.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains("✗ marked, not in the key", review);
        Assert.Contains("○ in the key, not marked", review);
    }

    [Fact]
    public async Task Parallel_submits_leave_exactly_one_submitted_attempt_with_every_answer_kept()
    {
        var student = await NewStudentAsync();
        var attempt = await student.StartAsync();
        await student.AutosaveAsync(attempt, AttemptClient.RightAnswers);
        var token = await student.TokenAsync();

        var submits = Enumerable.Range(0, 6).Select(_ => student.SubmitAsync(attempt, token, AttemptClient.RightAnswers)).ToList();
        var responses = await Task.WhenAll(submits);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var attempts = await WithDb(db => db.Attempts.Where(a => a.Student!.Id == db.Attempts.Single(x => x.Id == attempt).StudentId).ToListAsync());
        var only = Assert.Single(attempts);
        Assert.True(only.IsSubmitted);
        Assert.Equal(17m, only.Score);
        var answers = await WithDb(db => db.Responses.Where(r => r.AttemptId == attempt).ToListAsync());
        Assert.Equal(9, answers.Count);
        Assert.Contains("Rupert Jones", answers.Single(r => r.QuestionId == "ledger").AnswerJson);
    }

    [Fact]
    public async Task A_second_submit_and_a_save_after_submitting_change_nothing()
    {
        var student = await NewStudentAsync();
        var attempt = await student.StartAsync();
        var token = await student.TokenAsync();
        await student.SubmitAsync(attempt, token, ("present", "outlet"), ("q.outlet", "not-stated"));
        var first = await WithDb(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attempt));

        var again = await student.SubmitAsync(attempt, token, ("present", "outlet"), ("q.outlet", "reuters"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var save = await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "reuters"));
        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Contains("has been submitted", await save.Content.ReadAsStringAsync());
        var plainSave = await student.Http.PostAsync($"/attempts/{attempt}", AttemptClient.Form(token, [("present", "outlet"), ("q.outlet", "reuters"), ("action", "save")]));
        Assert.Equal(HttpStatusCode.Conflict, plainSave.StatusCode);

        var after = await WithDb(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attempt));
        Assert.Equal(first.SubmittedAt, after.SubmittedAt);
        Assert.Equal(1m, after.Score);
        Assert.Contains("not-stated", await WithDb(db => db.Responses.Where(r => r.AttemptId == attempt && r.QuestionId == "outlet").Select(r => r.AnswerJson).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await student.Http.GetAsync($"/attempts/{attempt}")).StatusCode); // the form is gone
    }

    [Fact]
    public async Task Without_script_the_save_button_saves_every_answer_on_the_form()
    {
        var student = await NewStudentAsync();
        var attempt = await student.StartAsync();
        var token = await student.TokenAsync();
        var response = await student.Http.PostAsync($"/attempts/{attempt}", AttemptClient.Form(token, [.. AttemptClient.RightAnswers, ("action", "save")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your answers were saved at", await response.Content.ReadAsStringAsync());
        var answers = await WithDb(db => db.Responses.CountAsync(r => r.AttemptId == attempt));
        Assert.Equal(7, answers);
        Assert.False((await WithDb(db => db.Attempts.SingleAsync(a => a.Id == attempt))).IsSubmitted);
    }
}
