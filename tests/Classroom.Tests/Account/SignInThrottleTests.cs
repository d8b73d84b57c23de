using System.Diagnostics;
using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Account;

/// <summary>A class signs in at the bell from one address; a classmate cannot lock anyone out; nothing says which emails have accounts.</summary>
public class SignInThrottleTests
{
    private static ClassroomFactory Factory(TestClock? clock = null) => new()
    {
        Settings = { ["Throttle:AddressPostsPerMinute"] = "300" },
        TestServices = clock is null ? null : services => services.AddSingleton<TimeProvider>(clock),
    };

    [Fact]
    public async Task Forty_students_behind_one_school_address_all_sign_in_within_a_minute()
    {
        using var factory = Factory();
        var data = new TestData(factory);
        var students = new List<Person>();
        for (int i = 0; i < 40; i++) students.Add(await data.StudentAsync($"Pupil {i:00}"));
        var results = await Task.WhenAll(students.Select(async s =>
        {
            var client = factory.CreateBrowserLikeClient(); // every one from the same school address
            return (await client.SignInAsync(s.Email, TestData.Password)).StatusCode;
        }));
        Assert.All(results, status => Assert.Equal(HttpStatusCode.Redirect, status));
    }

    [Fact]
    public async Task A_flood_of_wrong_passwords_from_one_address_is_slowed_and_told_when_to_retry()
    {
        using var factory = Factory();
        _ = factory.Server;
        var client = factory.CreateClientFrom("198.51.100.66");
        var token = await client.GetAntiforgeryTokenAsync("/account/login");
        var statuses = new List<HttpResponseMessage>();
        for (int batch = 0; batch < 20; batch++)
            statuses.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.PostAsync("/account/login",
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = $"guess{batch}-{i}@example.org", ["Password"] = "wrong password", ["__RequestVerificationToken"] = token,
                })))));
        Assert.Equal(1000, statuses.Count);
        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(statuses.Count(r => r.StatusCode == HttpStatusCode.OK), 1, 300);
        Assert.True(limited.Count >= 700, $"{limited.Count} answered 429");
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        // The school next door is not affected.
        var other = factory.CreateClientFrom("198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync("someone@example.org", "wrong password")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_slow_only_that_account_from_that_address_and_the_wait_grows()
    {
        var clock = new TestClock();
        using var factory = Factory(clock);
        var data = new TestData(factory);
        var victim = await data.StudentAsync("Vic Tim");
        var classmate = factory.CreateClientFrom("203.0.113.10");
        for (int i = 0; i < 5; i++)
            Assert.Contains("do not match", await (await classmate.SignInAsync(victim.Email, "guess " + i)).Content.ReadAsStringAsync());
        var sixth = await classmate.SignInAsync(victim.Email, TestData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), sixth.Headers.RetryAfter?.Delta);
        Assert.Contains("Try again in a minute", await sixth.Content.ReadAsStringAsync());

        // The owner at home signs in at once: the account is not locked for everyone.
        var home = factory.CreateClientFrom("192.0.2.44");
        Assert.Equal(HttpStatusCode.Redirect, (await home.SignInAsync(victim.Email, TestData.Password)).StatusCode);

        // After the wait, one more wrong guess from the classroom doubles it.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await classmate.SignInAsync(victim.Email, "guess 6")).StatusCode);
        var again = await classmate.SignInAsync(victim.Email, "guess 7");
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(2), again.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Fifty_failures_an_hour_from_many_addresses_make_the_account_wait_everywhere()
    {
        var clock = new TestClock();
        using var factory = Factory(clock);
        var data = new TestData(factory);
        var target = await data.StudentAsync("Tar Get");
        for (int i = 0; i < 50; i++)
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClientFrom($"198.51.100.{i + 1}").SignInAsync(target.Email, "guess")).StatusCode);
        var fresh = await factory.CreateClientFrom("192.0.2.200").SignInAsync(target.Email, TestData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, fresh.StatusCode);
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateClientFrom("192.0.2.200").SignInAsync(target.Email, TestData.Password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer_in_about_the_same_time()
    {
        using var factory = Factory();
        var data = new TestData(factory);
        var real = await data.StudentAsync("Real Person");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("warm.up@example.org", "warm up password");

        async Task<(double Ms, string Body)> TryAsync(string email, int i)
        {
            var who = factory.CreateClientFrom($"192.0.2.{i + 1}"); // a fresh address each time: no throttling in the way
            var token = await who.GetAntiforgeryTokenAsync("/account/login");
            var watch = Stopwatch.StartNew();
            var response = await who.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = "not the password", ["__RequestVerificationToken"] = token,
            }));
            watch.Stop();
            return (watch.Elapsed.TotalMilliseconds, await response.Content.ReadAsStringAsync());
        }

        var unknown = new List<double>();
        var wrong = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            var (u, unknownBody) = await TryAsync($"nobody{i}@example.org", i);
            var (w, wrongBody) = await TryAsync(real.Email, i + 100);
            unknown.Add(u);
            wrong.Add(w);
            Assert.Contains("That email and password do not match an account.", unknownBody);
            Assert.Contains("That email and password do not match an account.", wrongBody);
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var ratio = Math.Max(Median(unknown), Median(wrong)) / Math.Min(Median(unknown), Median(wrong));
        Assert.True(ratio < 2, $"unknown {Median(unknown):0.0} ms, wrong password {Median(wrong):0.0} ms");
    }

    [Fact]
    public async Task Sign_up_with_a_taken_email_gets_a_neutral_message()
    {
        using var factory = Factory();
        var data = new TestData(factory);
        var taken = await data.StudentAsync("Already Here");
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "Someone Else", ["Email"] = taken.Email, ["Password"] = "a long password", ["ConfirmPassword"] = "a long password",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("An account could not be made with that email.", html);
        Assert.DoesNotContain("already taken", html);
    }

    [Fact]
    public async Task Every_sign_in_step_is_in_the_audit_and_no_secret_is()
    {
        using var factory = Factory();
        var data = new TestData(factory);
        var person = await data.StudentAsync("Audited Person");
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync(person.Email, "my secret guess 123");
        await client.SignInAsync(person.Email, TestData.Password);
        await client.PostFormAsync("/account/logout", [], tokenFrom: "/");
        for (int i = 0; i < 6; i++) await client.SignInAsync(person.Email, "another guess " + i);

        var events = await data.DbAsync(db => db.SignInEvents.Where(e => e.Email == person.Email).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([SignInKinds.Failed, SignInKinds.SignedIn, SignInKinds.SignedOut], events.Take(3).Select(e => e.Kind));
        Assert.Contains(events, e => e.Kind == SignInKinds.Throttled);
        Assert.All(events, e => Assert.Equal("203.0.113.10", e.Address));
        var everything = string.Join("|", events.Select(e => $"{e.Kind}{e.Email}{e.Detail}{e.Address}"));
        Assert.DoesNotContain("secret guess", everything);
        Assert.DoesNotContain(TestData.Password, everything);

        var admin = await data.ClientAsync(await data.AdminAsync());
        var page = await admin.GetStringAsync($"/admin/audit?account={Uri.EscapeDataString(person.Email)}");
        Assert.Contains(SignInKinds.Throttled, page);
        Assert.Contains(person.Email, page);
        var student = await data.ClientAsync(await data.StudentAsync("Not Admin"));
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/admin/audit")).StatusCode);
    }
}
