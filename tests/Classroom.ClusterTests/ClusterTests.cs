using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Classroom.ClusterTests;

/// <summary>Runs only inside tests/cluster.sh, which starts what these need.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CLASSROOM_CLUSTER_A") is null) Skip = "Runs in tests/cluster.sh (two instances, PostgreSQL, Redis, nginx).";
    }
}

/// <summary>
/// Two app instances on one PostgreSQL database, sharing Redis, behind nginx: to a person they are one site.
/// A signs in, B serves the next request; limits and sign-in throttling count across both; a session ended on
/// one is refused on the other at once; and a short load through the proxy loses nothing.
/// </summary>
public class ClusterTests
{
    private static Uri A => new(Environment.GetEnvironmentVariable("CLASSROOM_CLUSTER_A")!);
    private static Uri B => new(Environment.GetEnvironmentVariable("CLASSROOM_CLUSTER_B")!);
    private static Uri Proxy => new(Environment.GetEnvironmentVariable("CLASSROOM_CLUSTER_PROXY")!);
    private const string Password = "demo-classroom";

    /// <summary>One browser: one cookie jar, sending each request to whichever instance the test names.</summary>
    private sealed class Browser
    {
        private readonly CookieContainer jar = new();
        private readonly HttpClient http;

        public Browser() => http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false });

        public async Task<HttpResponseMessage> GetAsync(Uri site, string path)
        {
            Share(site);
            return await http.GetAsync(new Uri(site, path));
        }

        public async Task<string> PageAsync(Uri site, string path)
        {
            var response = await GetAsync(site, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        public async Task<HttpResponseMessage> PostAsync(Uri site, string path, Dictionary<string, string> form, string token)
        {
            Share(site);
            return await http.PostAsync(new Uri(site, path), new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }));
        }

        /// <summary>Both instances are 127.0.0.1 on different ports: a browser would send the same cookies to both.</summary>
        private void Share(Uri site)
        {
            foreach (var other in new[] { A, B, Proxy })
                foreach (Cookie c in jar.GetCookies(other))
                    jar.Add(site, new Cookie(c.Name, c.Value, "/"));
        }

        /// <summary>Another browser holding the same cookies (a copied cookie).</summary>
        public Browser Copy()
        {
            var other = new Browser();
            foreach (var site in new[] { A, B, Proxy })
                foreach (Cookie c in jar.GetCookies(site))
                    other.jar.Add(site, new Cookie(c.Name, c.Value, "/"));
            return other;
        }

        public async Task<HttpResponseMessage> SignInAsync(Uri site, string email, string password = Password)
        {
            var token = TokenOf(await PageAsync(site, "/account/login"));
            return await PostAsync(site, "/account/login", new() { ["Email"] = email, ["Password"] = password }, token);
        }
    }

    private static string TokenOf(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    [ClusterFact]
    public async Task Both_instances_are_ready_and_alive_with_the_database_and_redis_checked()
    {
        using var http = new HttpClient();
        foreach (var site in new[] { A, B, Proxy })
        {
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(site, "/health/ready")));
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(site, "/health/live")));
        }
    }

    [ClusterFact]
    public async Task Signed_in_on_one_instance_a_student_starts_and_saves_on_the_other_and_sees_it_on_the_first()
    {
        var chloe = new Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await chloe.SignInAsync(A, "student3@example.com")).StatusCode);
        var list = await chloe.PageAsync(B, "/assignments");
        var assignment = Regex.Match(list, "href=\"/assignments/(\\d+)\"").Groups[1].Value;
        var page = await chloe.PageAsync(A, $"/assignments/{assignment}");
        var start = await chloe.PostAsync(B, $"/assignments/{assignment}/start", [], TokenOf(page));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var attempt = start.Headers.Location!.OriginalString;

        var take = await chloe.PageAsync(A, attempt);
        var question = Regex.Match(take, "name=\"q\\.([^\".]+)\\.text\"").Groups[1].Value;
        var text = $"Saved through instance B at {DateTime.UtcNow:HH:mm:ss.fff}";
        var save = await chloe.PostAsync(B, attempt + "/autosave", new()
        {
            ["present"] = question, [$"q.{question}.text"] = text, [$"seq.{question}"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(),
        }, TokenOf(take));
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(text), await chloe.PageAsync(A, attempt));
    }

    [ClusterFact]
    public async Task Failed_sign_ins_count_across_both_instances()
    {
        var someone = new Browser();
        // Five wrong passwords, spread over both instances: neither saw five by itself.
        foreach (var site in new[] { A, B, A, B, A })
            Assert.Equal(HttpStatusCode.OK, (await someone.SignInAsync(site, "student2@example.com", "wrong password")).StatusCode);
        var next = await someone.SignInAsync(B, "student2@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Contains("Too many failed tries for this email from here", await next.Content.ReadAsStringAsync());
    }

    [ClusterFact]
    public async Task The_join_limit_per_person_counts_across_both_instances()
    {
        var amira = new Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await amira.SignInAsync(A, "student1@example.com")).StatusCode);
        var token = TokenOf(await amira.PageAsync(A, "/classes"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await amira.PostAsync(i % 2 == 0 ? A : B, "/classes/join", new() { ["Code"] = $"ZZZZ{i:D2}" }, token)).StatusCode);
        // Ten tries a minute per person (Throttle:JoinsPerUserPerMinute), wherever they land; then 429.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [ClusterFact]
    public async Task A_session_ended_on_one_instance_is_refused_on_the_other_within_a_second()
    {
        var amira = new Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await amira.SignInAsync(A, "student1@example.com")).StatusCode);
        // B has now checked the session and remembers it as open (for up to 30 s without Redis's announcement).
        Assert.Equal(HttpStatusCode.OK, (await amira.GetAsync(B, "/assignments")).StatusCode);
        var copied = amira.Copy();
        var token = TokenOf(await amira.PageAsync(A, "/assignments"));
        Assert.Equal(HttpStatusCode.Redirect, (await amira.PostAsync(A, "/account/logout", [], token)).StatusCode);
        // The announcement has reached Redis when sign-out answers; B acts on it within moments, not 30 s.
        var clock = Stopwatch.StartNew();
        HttpResponseMessage after;
        while ((after = await copied.GetAsync(B, "/account")).StatusCode == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(1))
            await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.OriginalString);
    }

    [ClusterFact]
    public async Task A_thousand_students_through_the_proxy_lose_no_answer_and_get_no_duplicate_attempt()
    {
        var harness = Environment.GetEnvironmentVariable("CLASSROOM_CLUSTER_LOAD")!;
        var output = Path.Combine(Path.GetTempPath(), $"cluster-load-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                harness, "--url", Proxy.ToString().TrimEnd('/'), "--provider", "postgres", "--db", Environment.GetEnvironmentVariable("CLASSROOM_CLUSTER_DB")!,
                "--students", "1000", "--think", "10", "--ramp", "30", "--steady", "30", "--sync", "500", "--spike", "15",
                "--iterations", "1", "--label", "cluster", "--out", output,
            },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(File.Exists(output), $"the load harness wrote no result: {await stderr}");
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var root = result.RootElement;
        // Every attempt (1,000 of the first assignment, 500 started together on the second) ends with its
        // final answer acknowledged; each of those is checked in the database.
        Assert.True(root.GetProperty("acknowledged_answers").GetInt32() == 1500, await stderr);
        Assert.Equal(1500, root.GetProperty("submitted_acknowledged").GetInt32());
        Assert.True(root.GetProperty("requests").EnumerateObject().Where(r => r.Name.StartsWith("save")).Sum(r => r.Value.GetProperty("count").GetInt32()) >= 1000);
        Assert.Equal(0, root.GetProperty("lost_answers").GetInt32());
        Assert.Equal(0, root.GetProperty("duplicate_attempts").GetInt32());
        Assert.Equal(0, root.GetProperty("submitted_lost").GetInt32());
        Assert.Empty(root.GetProperty("failures").EnumerateObject());
        Assert.Equal(0, process.ExitCode);
        _ = await stdout;
    }
}
