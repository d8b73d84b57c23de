using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Attempts;

public class QuizVersionTests
{
    [Fact]
    public async Task An_attempt_keeps_showing_and_scoring_against_its_own_version_after_the_quiz_file_changes()
    {
        using var content = new ContentCopy();
        var db = Path.Combine(Path.GetTempPath(), $"classroom-version-{Guid.NewGuid():N}.db");
        int first;
        string firstReview;
        using (var before = new ClassroomFactory { DatabasePath = db, DeleteDatabase = false, Settings = { ["Content:Path"] = content.Root } })
        {
            var student = await AttemptClient.FreshStudentAsync(before, "versions@school.test");
            first = await student.StartAsync();
            await student.SubmitAsync(first, await student.TokenAsync(), ("present", "outlet"), ("q.outlet", "not-stated"));
            firstReview = await student.Http.GetStringAsync($"/attempts/{first}/review");
        }

        // The author rewrites the first question and moves its key, then the app restarts.
        content.Edit("quizzes/tal-afar-offensive.yml", yaml => yaml
            .Replace("prompt: \"Which outlet published this article?\"", "prompt: \"Who took the photograph?\"")
            .Replace("    answer: not-stated\n", "    answer: reuters\n"));
        using var after = new ClassroomFactory { DatabasePath = db, Settings = { ["Content:Path"] = content.Root } };
        var again = new AttemptClient(after.CreateBrowserLikeClient());
        await again.Http.SignInOrFailAsync("versions@school.test");

        var review = await again.Http.GetStringAsync($"/attempts/{first}/review");
        Assert.Contains("Which outlet published this article?", review);
        Assert.DoesNotContain("Who took the photograph?", review);
        Assert.Contains("<strong>1</strong> of 28 points", review);
        Assert.Equal(WithoutTokens(firstReview), WithoutTokens(review));

        var second = await again.StartAsync();
        Assert.NotEqual(first, second);
        Assert.Contains("Who took the photograph?", await again.Http.GetStringAsync($"/attempts/{second}"));
        await again.SubmitAsync(second, await again.TokenAsync(), ("present", "outlet"), ("q.outlet", "not-stated"));
        Assert.Contains("<strong>0</strong> of 28 points", await again.Http.GetStringAsync($"/attempts/{second}/review"));

        using var scope = after.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        var versions = await data.QuizVersions.Where(v => v.QuizSlug == "tal-afar-offensive").ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.NotEqual(versions[0].ContentHash, versions[1].ContentHash);
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    [Fact]
    public async Task Using_an_unchanged_quiz_again_reuses_its_version()
    {
        using var factory = new ClassroomFactory();
        foreach (var email in new[] { "first@school.test", "second@school.test" })
        {
            var student = await AttemptClient.FreshStudentAsync(factory, email);
            await student.StartAsync();
        }
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().QuizVersions.CountAsync());
    }
}

public class AttemptLimitTests
{
    [Fact]
    public async Task The_server_enforces_the_time_limit_and_the_number_of_attempts()
    {
        using var content = new ContentCopy();
        content.Edit("quizzes/tal-afar-offensive.yml", yaml => yaml.Replace("lesson: tal-afar-offensive\n", "lesson: tal-afar-offensive\ntime_limit_minutes: 10\nattempts_allowed: 1\n"));
        var clock = new TestClock();
        using var factory = new ClassroomFactory
        {
            Settings = { ["Content:Path"] = content.Root },
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var student = await AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        Assert.Contains("Time is up at", await student.Http.GetStringAsync($"/attempts/{attempt}"));
        Assert.Equal(HttpStatusCode.OK, (await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "not-stated"))).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(20)); // inside the grace period
        Assert.Equal(HttpStatusCode.OK, (await student.AutosaveAsync(attempt, ("present", "caption"), ("q.caption", "true"))).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(1));
        var late = await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "reuters"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Time is up", await late.Content.ReadAsStringAsync());

        // A late submit counts what was saved in time, not what it carries.
        await student.SubmitAsync(attempt, await student.TokenAsync(), ("present", "outlet"), ("q.outlet", "reuters"));
        Assert.Contains("<strong>2</strong> of 28 points", await student.Http.GetStringAsync($"/attempts/{attempt}/review"));

        var refused = await student.Http.PostFormAsync("/lessons/tal-afar-offensive/quiz/attempts", [], tokenFrom: "/lessons/tal-afar-offensive/quiz");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("You have used all 1 attempts at this quiz.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Opening_an_attempt_after_its_time_is_up_submits_it_with_what_was_saved()
    {
        using var content = new ContentCopy();
        content.Edit("quizzes/tal-afar-offensive.yml", yaml => yaml.Replace("lesson: tal-afar-offensive\n", "lesson: tal-afar-offensive\ntime_limit_minutes: 5\n"));
        var clock = new TestClock();
        using var factory = new ClassroomFactory
        {
            Settings = { ["Content:Path"] = content.Root },
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        var student = await AttemptClient.FreshStudentAsync(factory);
        var attempt = await student.StartAsync();
        await student.AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "not-stated"));
        clock.Advance(TimeSpan.FromHours(1));
        var open = await student.Http.GetAsync($"/attempts/{attempt}");
        Assert.Equal($"/attempts/{attempt}/review", open.Headers.Location?.OriginalString);
        Assert.Contains("<strong>1</strong> of 28 points", await student.Http.GetStringAsync($"/attempts/{attempt}/review"));
    }
}
