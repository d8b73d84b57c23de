using Classroom.Web.Content.Questions;
using System.Net;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Grading;

public class GradingTests
{
    private static async Task<T> Db<T>(ClassroomFactory factory, Func<ClassroomDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClassroomDbContext>());
    }

    private static Task<Response> ResponseAsync(ClassroomFactory factory, int id) => Db(factory, db => db.Responses.AsNoTracking().SingleAsync(r => r.Id == id));

    private static Task<HttpResponseMessage> GradeAsync(HttpClient client, int responseId, string? stamp, string returnUrl, params (string, string)[] fields) =>
        client.PostFormAsync($"/responses/{responseId}/grade",
            new Dictionary<string, string>(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))) { ["stamp"] = stamp ?? "", ["returnUrl"] = returnUrl },
            tokenFrom: returnUrl);

    [Fact]
    public async Task By_question_shows_every_students_answer_with_progress_and_the_rubric_grades_an_essay()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/essay";
        var html = await teacher.GetStringAsync(page);
        Assert.Contains("1 of 2 graded", html);
        Assert.Contains("Amira Haddad", html);
        Assert.Contains("Ben Okafor", html);
        Assert.Contains("The article is not very reliable because it uses sources that are not named.", html);
        Assert.Contains("Traces the chain of sources", html);
        Assert.Contains("1 of 2 graded", await teacher.GetStringAsync($"/assignments/{world.AssignmentId}/grading"));

        var essay = await ResponseAsync(factory, world.WaitingEssayResponseId);
        var saved = await GradeAsync(teacher, essay.Id, essay.Stamp, page, ("level0", "1"), ("level1", "2"), ("level2", "1"), ("feedback", "Name the steps."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var graded = await ResponseAsync(factory, essay.Id);
        Assert.Equal(2 + 1 + 2, graded.Points);
        Assert.Equal("Name the steps.", graded.Feedback);
        Assert.False(graded.NeedsGrading);
        Assert.Contains("2 of 2 graded", await teacher.GetStringAsync(page));

        var attempt = await Db(factory, db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == world.WaitingAttemptId));
        var sum = await Db(factory, db => db.Responses.Where(r => r.AttemptId == attempt.Id).ToListAsync());
        Assert.Equal(sum.Sum(r => r.Points ?? r.AutoPoints ?? 0), attempt.Score);
        Assert.Equal(AttemptStatus.NeedsGrading, attempt.Status); // the short answer still waits

        var shortAnswer = sum.Single(r => r.QuestionId == "why-names-matter");
        await GradeAsync(teacher, shortAnswer.Id, shortAnswer.Stamp, page, ("points", "1.5"));
        Assert.Equal(AttemptStatus.Graded, (await Db(factory, db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id))).Status);
    }

    [Fact]
    public async Task Saving_goes_to_the_next_students_answer_with_focus_there()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/why-names-matter";
        var html = await teacher.GetStringAsync(page);
        var ids = Regex.Matches(html, "id=\"response-(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains($"name=\"next\" value=\"{ids[1]}\"", html);
        var first = await ResponseAsync(factory, ids[0]);
        // The short answer is marked with its small rubric (full, partial, no evidence); focus lands on the next student's first level.
        var saved = await GradeAsync(teacher, ids[0], first.Stamp, page, ("level0", "0"), ("next", ids[1].ToString()));
        Assert.Equal($"{page}?focus={ids[1]}#response-{ids[1]}", saved.Headers.Location?.OriginalString);
        Assert.Equal(2m, (await ResponseAsync(factory, ids[0])).Points);
        // Ben left this question blank, so focus lands on "Give 0": one Enter grades it.
        var focused = await teacher.GetStringAsync($"{page}?focus={ids[1]}");
        Assert.Matches($"id=\"response-{ids[1]}\"[\\s\\S]*?<button[^>]*autofocus[^>]*>Give 0: blank answer", focused);
        Assert.DoesNotMatch($"id=\"r{ids[1]}-c0-l0\"[^>]*autofocus", focused);
        // The first student wrote something: no "Give 0" for them, and focus on a revisit is on the rubric.
        var revisit = await teacher.GetStringAsync($"{page}?focus={ids[0]}");
        Assert.Matches($"id=\"r{ids[0]}-c0-l0\"[^>]*autofocus", revisit);
        Assert.Single(Regex.Matches(revisit, "Give 0: blank answer"));
    }

    [Fact]
    public async Task Overriding_an_automatic_score_needs_a_reason_and_every_change_is_in_the_history()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var page = $"/assignments/{world.AssignmentId}/grading/attempts/{world.StudentAttemptId}";
        // Amira chose the key of the first single-choice question, so the machine gave it full points.
        var choice = new TestData(factory).Catalog.QuizForLesson("tal-afar-offensive")!.Questions.OfType<SingleChoiceQuestion>().First();
        var auto = await Db(factory, db => db.Responses.AsNoTracking().SingleAsync(r => r.AttemptId == world.StudentAttemptId && r.QuestionId == choice.Id));
        Assert.Equal(choice.Points, auto.Points);

        var noReason = await GradeAsync(teacher, auto.Id, auto.Stamp, page, ("points", "0"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var refusal = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("Give a reason for changing an automatic score", refusal);
        Assert.Contains("the student does not", refusal); // says truthfully who sees the history
        Assert.Equal(choice.Points, (await ResponseAsync(factory, auto.Id)).Points);

        var withReason = await GradeAsync(teacher, auto.Id, auto.Stamp, page, ("points", "0"), ("reason", "Copied from a neighbour: the option wording was read out loud."));
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        Assert.Equal(0m, (await ResponseAsync(factory, auto.Id)).Points);

        var history = await Db(factory, db => db.ScoreChanges.Include(c => c.ChangedBy).Where(c => c.ResponseId == auto.Id).ToListAsync());
        var change = Assert.Single(history);
        Assert.Equal((choice.Points, 0m, "Ms. Rivera"), (change.OldPoints!.Value, change.NewPoints!.Value, change.ChangedBy!.DisplayName));
        Assert.Contains("option wording was read out loud", change.Reason);
        var html = await teacher.GetStringAsync(page);
        Assert.Contains($"Ms. Rivera: {choice.Points:0.##} → 0 — Copied from a neighbour", html);
    }

    [Theory]
    [InlineData("level0", "7", "Choose one level for each of the 3 criteria, or type the points.")]
    [InlineData("points", "99", "Points must be between 0 and 2; 99 is out of range.")]
    [InlineData("points", "lots", "'lots' is not a number of points")]
    public async Task Impossible_grades_are_refused_with_a_message_and_change_nothing(string field, string value, string message)
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var question = field.StartsWith("level") ? "essay" : "why-names-matter";
        var response = await Db(factory, db => db.Responses.AsNoTracking().SingleAsync(r => r.AttemptId == world.WaitingAttemptId && r.QuestionId == question));
        var fields = field.StartsWith("level") ? new[] { (field, value), ("level1", "0"), ("level2", "0") } : new[] { (field, value) };
        var refused = await GradeAsync(teacher, response.Id, response.Stamp, $"/assignments/{world.AssignmentId}/grading", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message).Replace("&#39;", "&#x27;"), html);
        if (field == "points") Assert.Contains($"value=\"{value}\"", html); // what was typed is still in the form
        var after = await ResponseAsync(factory, response.Id);
        Assert.Equal((response.Points, response.Stamp, response.NeedsGrading), (after.Points, after.Stamp, after.NeedsGrading));
    }

    [Fact]
    public async Task Two_instructors_saving_the_same_response_at_once_never_silently_overwrite()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var first = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var second = await ClassWorld.ClientAsync(factory, ClassWorld.Admin);
        var essay = await ResponseAsync(factory, world.WaitingEssayResponseId);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/essay";
        var tokenA = await first.GetAntiforgeryTokenAsync(page);
        var tokenB = await second.GetAntiforgeryTokenAsync(page);

        FormUrlEncodedContent Body(string token, string level, string feedback) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["stamp"] = essay.Stamp!, ["returnUrl"] = page,
            ["level0"] = level, ["level1"] = level, ["level2"] = level, ["feedback"] = feedback,
        });
        var results = await Task.WhenAll(
            first.PostAsync($"/responses/{essay.Id}/grade", Body(tokenA, "0", "Excellent.")),
            second.PostAsync($"/responses/{essay.Id}/grade", Body(tokenB, "2", "Needs work.")));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        var after = await ResponseAsync(factory, essay.Id);
        var winnerFeedback = after.Feedback;
        Assert.Contains(winnerFeedback, new[] { "Excellent.", "Needs work." });
        var text = await loser.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this response while you were grading it", text);
        Assert.Contains($"It now has {after.Points:0.##} points", text);
        Assert.Contains(winnerFeedback!, text);
        // The loser's page shows what they typed, kept in the form, beside what is saved now.
        var loserFeedback = winnerFeedback == "Excellent." ? "Needs work." : "Excellent.";
        Assert.Contains($">{loserFeedback}</textarea>", text);
        Assert.Contains($"Saved now: {after.Points:0.##} of", text);
        Assert.Contains($"feedback: “{winnerFeedback}”", text);
        // Its form now answers to the saved version, so one more press of Save replaces it on purpose.
        Assert.Contains($"name=\"stamp\" value=\"{after.Stamp}\"", text);
        Assert.Single(await Db(factory, db => db.ScoreChanges.Where(c => c.ResponseId == essay.Id).ToListAsync()));

        // Saving again from the stale page is also refused; from a fresh page it works.
        var stale = await GradeAsync(first, essay.Id, essay.Stamp, page, ("level0", "1"), ("level1", "1"), ("level2", "1"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var fresh = await GradeAsync(first, essay.Id, after.Stamp, page, ("level0", "1"), ("level1", "1"), ("level2", "1"));
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task Another_instructor_cannot_grade_and_a_tampered_id_changes_nothing()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var other = await ClassWorld.ClientAsync(factory, ClassWorld.OtherInstructor);
        var essay = await ResponseAsync(factory, world.WaitingEssayResponseId);
        var refused = await GradeAsync(other, essay.Id, essay.Stamp, "/classes", ("level0", "0"), ("level1", "0"), ("level2", "0"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GradeAsync(other, 999999, null, "/classes", ("points", "1"))).StatusCode);
        Assert.Null((await ResponseAsync(factory, essay.Id)).Points);
    }

    [Fact]
    public async Task A_teacher_can_type_points_on_a_rubric_question_instead_of_choosing_levels()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var essay = await ResponseAsync(factory, world.WaitingEssayResponseId);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/essay";
        var saved = await GradeAsync(teacher, essay.Id, essay.Stamp, page, ("points", "6.5"), ("feedback", "Between two levels."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await ResponseAsync(factory, essay.Id);
        Assert.Equal((6.5m, false, null), (after.Points!.Value, after.NeedsGrading, after.RubricJson));
        // The page shows the typed points back in the field, not a rubric total.
        Assert.Contains("value=\"6.5\"", await teacher.GetStringAsync(page));
        var tooFine = await GradeAsync(teacher, essay.Id, after.Stamp, page, ("points", "6.125"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFine.StatusCode);
        Assert.Contains("at most two decimal places", await tooFine.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_blank_written_answer_gets_0_in_one_press_and_a_written_one_never_does()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/why-names-matter";
        var blank = await Db(factory, db => db.Responses.AsNoTracking().SingleAsync(r => r.AttemptId == world.WaitingAttemptId && r.QuestionId == "why-names-matter"));
        Assert.True(blank.NeedsGrading);

        var zero = await GradeAsync(teacher, blank.Id, blank.Stamp, page, ("zero", "blank"));
        Assert.Equal(HttpStatusCode.Redirect, zero.StatusCode);
        var after = await ResponseAsync(factory, blank.Id);
        Assert.Equal((0m, false), (after.Points!.Value, after.NeedsGrading));
        // The rubric records "No evidence" (its 0 level), so the grade reads the same way it would if chosen by hand.
        var question = new TestData(factory).Catalog.QuizForLesson("tal-afar-offensive")!.Find("why-names-matter")!;
        var noEvidence = question.GradingRubric.Single().Levels.ToList().FindIndex(l => l.Label == "No evidence");
        Assert.Equal($"[{noEvidence}]", after.RubricJson);

        // The essay Ben wrote is not blank: "Give 0" is refused and changes nothing.
        var essay = await ResponseAsync(factory, world.WaitingEssayResponseId);
        var refused = await GradeAsync(teacher, essay.Id, essay.Stamp, $"/assignments/{world.AssignmentId}/grading/questions/essay", ("zero", "blank"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("This answer is not blank", await refused.Content.ReadAsStringAsync());
        Assert.Equal((essay.Points, essay.Stamp), ((await ResponseAsync(factory, essay.Id)).Points, (await ResponseAsync(factory, essay.Id)).Stamp));
    }

    [Fact]
    public async Task Grading_a_response_that_is_missing_practice_or_returned_is_refused_without_an_error()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/essay";
        Assert.Equal(HttpStatusCode.NotFound, (await GradeAsync(teacher, 999_999, "x", page, ("points", "abc"))).StatusCode);

        var practice = await Attempts.AttemptClient.SignedInAsync(factory, ClassWorld.StudentOfOtherClass);
        var attempt = await practice.StartAsync();
        await practice.SubmitAsync(attempt, await practice.TokenAsync(), ("present", "essay"), ("q.essay.text", "Practice words."));
        var practiceResponse = await Db(factory, db => db.Responses.SingleAsync(r => r.AttemptId == attempt && r.QuestionId == "essay"));
        Assert.Equal(HttpStatusCode.NotFound, (await GradeAsync(teacher, practiceResponse.Id, practiceResponse.Stamp, page, ("points", "abc"))).StatusCode);

        // Ben's attempt is returned for resubmission: his essay there is no longer graded.
        await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/students/{world.Student2Id}/reopen/{world.WaitingAttemptId}",
            new() { ["Reason"] = "Finish it" }, tokenFrom: $"/assignments/{world.AssignmentId}/students/{world.Student2Id}");
        var essay = await ResponseAsync(factory, world.WaitingEssayResponseId);
        var refused = await GradeAsync(teacher, essay.Id, essay.Stamp, page, ("points", "4"), ("feedback", "Good start."));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("This attempt was returned for resubmission", text);
        Assert.Contains("What you typed: 4 points; feedback “Good start.”", text);
        Assert.Null((await ResponseAsync(factory, essay.Id)).Points);
    }

    [Fact]
    public async Task Saving_the_same_grade_twice_at_once_is_not_a_conflict()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var page = $"/assignments/{world.AssignmentId}/grading/questions/why-names-matter";
        var blank = await Db(factory, db => db.Responses.AsNoTracking().SingleAsync(r => r.AttemptId == world.WaitingAttemptId && r.QuestionId == "why-names-matter"));
        var token = await teacher.GetAntiforgeryTokenAsync(page);
        FormUrlEncodedContent Body() => new(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["stamp"] = blank.Stamp ?? "", ["returnUrl"] = page, ["zero"] = "blank" });
        var both = await Task.WhenAll(teacher.PostAsync($"/responses/{blank.Id}/grade", Body()), teacher.PostAsync($"/responses/{blank.Id}/grade", Body()));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await Db(factory, db => db.ScoreChanges.Where(c => c.ResponseId == blank.Id).ToListAsync()));
    }
}
