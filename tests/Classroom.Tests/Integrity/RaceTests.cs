using System.Net;
using System.Text.Json;
using Classroom.Tests.Attempts;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Tests.Integrity;

/// <summary>Attempt limits, single open attempts and the order of saves hold when requests race.</summary>
public class RaceTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private readonly TestData data = new(factory);

    private static async Task<HttpResponseMessage[]> InParallel(int times, Func<Task<HttpResponseMessage>> send) =>
        await Task.WhenAll(Enumerable.Range(0, times).Select(_ => Task.Run(send)));

    [Fact]
    public async Task Twenty_parallel_starts_of_a_one_attempt_assignment_make_exactly_one_attempt_per_student()
    {
        var students = new List<Person>();
        for (int i = 0; i < 5; i++) students.Add(await data.StudentAsync($"Racer {i}"));
        var c = await data.ClassAsync(await data.InstructorAsync("Ms. Race"), "Race class", students);
        var assignment = await data.AssignAsync(c);

        await Task.WhenAll(students.Select(async s =>
        {
            var client = await data.ClientAsync(s);
            var token = await client.GetAntiforgeryTokenAsync($"/assignments/{assignment.Id}");
            var responses = await InParallel(20, () => client.PostAsync($"/assignments/{assignment.Id}/start",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        }));

        var counts = await data.DbAsync(db => db.Attempts.Where(a => a.AssignmentId == assignment.Id)
            .GroupBy(a => a.StudentId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 1, 1, 1, 1], counts);

        // Submitted, a second start is refused, even twenty at once: the limit is one.
        var first = students[0];
        var attemptId = await data.DbAsync(db => db.Attempts.Where(a => a.AssignmentId == assignment.Id && a.StudentId == first.Id).Select(a => a.Id).SingleAsync());
        var client0 = new AttemptClient(await data.ClientAsync(first));
        await client0.SubmitAsync(attemptId, await client0.TokenAsync());
        var token0 = await client0.TokenAsync();
        var again = await InParallel(20, () => client0.Http.PostAsync($"/assignments/{assignment.Id}/start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token0 })));
        Assert.All(again, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await data.DbAsync(db => db.Attempts.CountAsync(a => a.AssignmentId == assignment.Id && a.StudentId == first.Id)));
    }

    [Fact]
    public async Task Twenty_parallel_practice_starts_leave_one_open_attempt_per_student()
    {
        var students = new List<Person>();
        for (int i = 0; i < 5; i++) students.Add(await data.StudentAsync($"Practiser {i}"));
        await Task.WhenAll(students.Select(async s =>
        {
            var client = await data.ClientAsync(s);
            var token = await client.GetAntiforgeryTokenAsync("/lessons/mosul-retreat/quiz");
            var responses = await InParallel(20, () => client.PostAsync("/lessons/mosul-retreat/quiz/attempts",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }));
        var ids = students.Select(s => s.Id).ToList();
        var open = await data.DbAsync(db => db.Attempts.Where(a => ids.Contains(a.StudentId) && a.AssignmentId == null)
            .GroupBy(a => a.StudentId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([1, 1, 1, 1, 1], open);
    }

    [Fact]
    public async Task An_older_save_that_arrives_late_does_not_replace_a_newer_one()
    {
        var student = await AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        var newer = await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "not-stated"), ("seq.outlet", "2000"));
        var older = await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "reuters"), ("seq.outlet", "1000"));
        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        using var body = JsonDocument.Parse(await older.Content.ReadAsStringAsync());
        Assert.Equal(["outlet"], body.RootElement.GetProperty("stale").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(body.RootElement.GetProperty("saved").EnumerateArray());

        var page = await student.Http.GetStringAsync($"/attempts/{attempt}");
        Assert.Contains("value=\"not-stated\" checked=\"checked\"", page);
        Assert.DoesNotContain("value=\"reuters\" checked=\"checked\"", page);

        // The same order, the right way round, takes the newer.
        await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "al-jazeera"), ("seq.outlet", "3000"));
        Assert.Contains("value=\"al-jazeera\" checked=\"checked\"", await student.Http.GetStringAsync($"/attempts/{attempt}"));
    }

    [Fact]
    public async Task Two_joins_with_one_code_at_once_make_one_enrolment_and_a_normal_page_for_both()
    {
        var teacher = await data.InstructorAsync("Ms. Join");
        var c = await data.ClassAsync(teacher, "Join class", []);
        var student = await data.StudentAsync("Double Clicker");
        var client = await data.ClientAsync(student);
        var token = await client.GetAntiforgeryTokenAsync("/classes");
        var responses = await InParallel(10, () => client.PostAsync("/classes/join",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = c.JoinCode, ["__RequestVerificationToken"] = token })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await data.DbAsync(db => db.Enrollments.CountAsync(e => e.ClassId == c.Id && e.StudentId == student.Id)));
    }

    [Fact]
    public async Task Two_sign_ups_with_one_email_at_once_make_one_account_and_a_normal_page_for_both()
    {
        _ = factory.Server; // the app is started once, before the race
        var responses = await InParallel(8, async () =>
        {
            var client = factory.CreateBrowserLikeClient();
            return await client.PostFormAsync("/account/register", new()
            {
                ["DisplayName"] = "Twin", ["Email"] = "twin@school.test", ["Password"] = "a long password", ["ConfirmPassword"] = "a long password",
            });
        });
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await data.DbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "TWIN@SCHOOL.TEST")));
    }
}
