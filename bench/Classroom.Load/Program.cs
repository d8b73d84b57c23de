// Load harness: simulated students against a running Classroom over HTTP (loopback only), then a check of the
// database for lost answers and duplicate attempts. See bench/load.sh and the README ("Load").
//
//   dotnet Classroom.Load.dll --url http://127.0.0.1:5000 --provider sqlite|postgres --db "<connection string>"
//       [--students 10000] [--think 60] [--steady 120] [--ramp 120] [--sync 5000] [--spike 60]
//       [--iterations 1] [--label text] [--out result.json]
//
// What a student does: signs in, opens the assignment, starts it, opens the attempt, then saves one answer
// every --think seconds (jittered) and reloads the page once; after --steady seconds the first --sync students
// start a second assignment in the same instant (the synchronized start); then every student submits both
// in a window of --spike seconds (the deadline spike). Students and classes of 30 are written straight into
// the database beforehand (password hashes made with --iterations PBKDF2 rounds, which the app must be told
// with Identity__PasswordIterations, so signing 10,000 people in measures the app, not the hash).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

var options = LoadOptions.Parse(args);
var run = new LoadRun(options);
return await run.RunAsync();

sealed record LoadOptions(Uri Url, string Provider, string Db, int Students, double Think, double Steady, double Ramp, int Sync, double Spike,
    int Iterations, string Label, string? Out, int Connections)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
        string Get(string key, string fallback) => map.TryGetValue(key, out var v) ? v : fallback;
        var students = int.Parse(Get("students", "10000"));
        return new LoadOptions(new Uri(Get("url", "http://127.0.0.1:5000")), Get("provider", "sqlite"), Get("db", ""),
            students, double.Parse(Get("think", "60")), double.Parse(Get("steady", "120")), double.Parse(Get("ramp", "120")),
            Math.Min(students, int.Parse(Get("sync", "5000"))), double.Parse(Get("spike", "60")), int.Parse(Get("iterations", "1")),
            Get("label", ""), map.GetValueOrDefault("out"), int.Parse(Get("connections", "512")));
    }
}

sealed class Student(int index, string email)
{
    public int Index { get; } = index;
    public string Email { get; } = email;
    public readonly Dictionary<string, string> Cookies = new();
    public string Token = "";
    public string QuestionId = "";
    public int AttemptA, AttemptB;
    public int AssignmentA, AssignmentB;
    public long Seq = 1;
    public int Saves;
    // What the app said it stored last, per attempt: the text of the answer (checked in the database at the end).
    public readonly Dictionary<int, string> Acknowledged = new();
    public bool SubmittedA, SubmittedB;
}

sealed class LoadRun(LoadOptions o)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> timings = new();
    private readonly ConcurrentDictionary<string, int> failures = new();
    private readonly ConcurrentBag<string> failureSamples = [];
    private HttpClient http = null!;
    private static readonly Regex TokenField = new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Compiled);
    private static readonly Regex TextField = new("name=\"q\\.([^\".]+)\\.text\"", RegexOptions.Compiled);
    private const string Password = "load-test-password";

    public async Task<int> RunAsync()
    {
        if (!IPAddress.TryParse(o.Url.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            Console.Error.WriteLine("The load harness only sends traffic to a loopback address (127.0.0.1).");
            return 2;
        }
        var handler = new SocketsHttpHandler
        {
            UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = o.Connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        };
        http = new HttpClient(handler) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(60) };

        var clock = Stopwatch.StartNew();
        var students = await SeedAsync();
        Console.Error.WriteLine($"[load] seeded {students.Count} students in {clock.Elapsed.TotalSeconds:0.0} s");

        // 1. Arrive over the ramp: sign in, start A, open it, then save every think time until the spike.
        var started = Stopwatch.StartNew();
        var spikeAt = TimeSpan.FromSeconds(o.Ramp + o.Steady);
        var syncAt = TimeSpan.FromSeconds(o.Ramp + o.Steady * 0.5);
        var syncGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var syncReady = 0;
        double syncSeconds = 0;
        var syncDone = 0;
        void Ready()
        {
            if (Interlocked.Increment(ref syncReady) != o.Sync) return;
            syncClock = Stopwatch.StartNew();
            syncGate.TrySetResult();
        }

        async Task LifeAsync(Student s, Random random)
        {
            await Task.Delay(TimeSpan.FromSeconds(o.Ramp * s.Index / Math.Max(1, o.Students)));
            if (!await ArriveAsync(s))
            {
                if (s.Index < o.Sync) Ready();
                return;
            }
            var reloadAt = TimeSpan.FromSeconds(o.Ramp + random.NextDouble() * o.Steady);
            var reloaded = false;
            var next = started.Elapsed + TimeSpan.FromSeconds(random.NextDouble() * o.Think);
            var syncPending = s.Index < o.Sync;
            while (true)
            {
                var now = started.Elapsed;
                if (syncPending && now >= syncAt)
                {
                    syncPending = false;
                    Ready();
                    await syncGate.Task;
                    await StartBAsync(s);
                    if (Interlocked.Increment(ref syncDone) == o.Sync)
                    {
                        syncSeconds = syncClock!.Elapsed.TotalSeconds;
                        syncFinishedAt = started.Elapsed;
                    }
                    continue;
                }
                if (now >= spikeAt) break;
                if (!reloaded && now >= reloadAt)
                {
                    reloaded = true;
                    await OpenAsync(s, s.AttemptA, "reload");
                    continue;
                }
                var wakeAt = new[] { next, spikeAt, syncPending ? syncAt : spikeAt, reloaded ? spikeAt : reloadAt }.Min();
                if (wakeAt > now) await Task.Delay(wakeAt - now);
                if (started.Elapsed >= next && started.Elapsed < spikeAt)
                {
                    var at = started.Elapsed;
                    // Saves while the synchronized start is still being served (and 5 s after) are counted apart.
                    var syncOver = syncFinishedAt;
                    var phase = at < TimeSpan.FromSeconds(o.Ramp) ? "save during arrival"
                        : at >= syncAt && (syncOver is null || at < syncOver + TimeSpan.FromSeconds(5)) ? "save during sync start" : "save";
                    await SaveAsync(s, s.AttemptA, phase);
                    next = started.Elapsed + TimeSpan.FromSeconds(o.Think * (0.5 + random.NextDouble()));
                }
            }
            // The deadline spike: everyone submits within the window, with one last answer.
            await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * o.Spike));
            await SubmitAsync(s, s.AttemptA, a => s.SubmittedA = a);
            if (s.AttemptB != 0) await SubmitAsync(s, s.AttemptB, b => s.SubmittedB = b);
        }

        var lives = students.Select(s => Task.Run(() => LifeAsync(s, new Random(s.Index)))).ToList();
        var monitor = Task.Run(async () =>
        {
            while (!Task.WhenAll(lives).IsCompleted)
            {
                await Task.Delay(10_000);
                Console.Error.WriteLine($"[load] {started.Elapsed.TotalSeconds,5:0} s: {timings.Where(t => t.Key.StartsWith("save")).Sum(t => t.Value.Count)} saves, {Count("start")} starts, {Count("submit")} submits, {failures.Values.Sum()} failures");
            }
        });
        await Task.WhenAll(lives);
        var elapsed = started.Elapsed;

        var check = await CheckAsync(students);
        var result = new
        {
            label = o.Label, provider = o.Provider, students = o.Students, think_seconds = o.Think, steady_seconds = o.Steady,
            ramp_seconds = o.Ramp, sync_students = o.Sync, spike_seconds = o.Spike, cores = Environment.ProcessorCount,
            date = DateTime.UtcNow.ToString("yyyy-MM-dd"), run_seconds = Math.Round(elapsed.TotalSeconds, 1),
            saves_per_second = Math.Round(timings.Where(t => t.Key.StartsWith("save")).Sum(t => t.Value.Count) / Math.Max(1, o.Steady + o.Ramp), 1),
            sync_start_seconds = Math.Round(syncSeconds, 2),
            requests = timings.OrderBy(t => t.Key).ToDictionary(t => t.Key, t => new
            {
                count = t.Value.Count, p50_ms = Percentile(t.Value, 0.50), p99_ms = Percentile(t.Value, 0.99), max_ms = Percentile(t.Value, 1.0),
            }),
            failures = failures.ToDictionary(f => f.Key, f => f.Value),
            failure_samples = failureSamples.Take(10).ToList(),
            acknowledged_answers = check.Acknowledged, lost_answers = check.Lost, duplicate_attempts = check.Duplicates,
            submitted_acknowledged = check.SubmittedAcknowledged, submitted_lost = check.SubmittedLost,
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        if (o.Out is not null) await File.WriteAllTextAsync(o.Out, json);
        Console.WriteLine(json);
        return check.Lost == 0 && check.Duplicates == 0 && check.SubmittedLost == 0 ? 0 : 1;
    }

    private Stopwatch? syncClock;
    private TimeSpan? syncFinishedAt;

    private int Count(string kind) => timings.TryGetValue(kind, out var bag) ? bag.Count : 0;

    private static double Percentile(ConcurrentBag<double> values, double p)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0) return 0;
        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 1);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    private async Task<(HttpStatusCode Status, string Body, string? Location)?> SendAsync(Student s, string kind, HttpMethod method, string path,
        Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (s.Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", s.Cookies.Select(c => $"{c.Key}={c.Value}")));
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        var t = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            timings.GetOrAdd(kind, _ => []).Add(t.Elapsed.TotalMilliseconds);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var cookie in set)
                {
                    var pair = cookie.Split(';', 2)[0];
                    var eq = pair.IndexOf('=');
                    if (eq > 0) s.Cookies[pair[..eq]] = pair[(eq + 1)..];
                }
            return (response.StatusCode, body, response.Headers.Location?.OriginalString);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Fail(kind, $"{kind} {path}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    private void Fail(string kind, string sample)
    {
        failures.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (failureSamples.Count < 50) failureSamples.Add(sample.Length > 300 ? sample[..300] : sample);
    }

    private bool Expect(string kind, (HttpStatusCode Status, string Body, string? Location)? r, HttpStatusCode status)
    {
        if (r is { } ok && ok.Status == status) return true;
        Fail(kind, r is { } bad ? $"{kind}: {(int)bad.Status} {bad.Body[..Math.Min(200, bad.Body.Length)]}" : $"{kind}: no response");
        return false;
    }

    private static string TokenOf(string html) => TokenField.Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    private async Task<bool> ArriveAsync(Student s)
    {
        var login = await SendAsync(s, "sign-in page", HttpMethod.Get, "/account/login");
        if (!Expect("sign-in page", login, HttpStatusCode.OK)) return false;
        var signIn = await SendAsync(s, "sign-in", HttpMethod.Post, "/account/login", new()
        {
            ["Email"] = s.Email, ["Password"] = Password, ["__RequestVerificationToken"] = TokenOf(login!.Value.Body),
        });
        if (!Expect("sign-in", signIn, HttpStatusCode.Redirect)) return false;
        var page = await SendAsync(s, "assignment page", HttpMethod.Get, $"/assignments/{s.AssignmentA}");
        if (!Expect("assignment page", page, HttpStatusCode.OK)) return false;
        s.Token = TokenOf(page!.Value.Body);
        var start = await SendAsync(s, "start", HttpMethod.Post, $"/assignments/{s.AssignmentA}/start", new() { ["__RequestVerificationToken"] = s.Token });
        if (!Expect("start", start, HttpStatusCode.Redirect) || AttemptOf(start!.Value.Location) is not int attempt) return false;
        s.AttemptA = attempt;
        return await OpenAsync(s, attempt, "attempt page");
    }

    private static int? AttemptOf(string? location) =>
        location is not null && Regex.Match(location, @"/attempts/(\d+)$") is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    private async Task<bool> OpenAsync(Student s, int attempt, string kind)
    {
        var page = await SendAsync(s, kind, HttpMethod.Get, $"/attempts/{attempt}");
        if (!Expect(kind, page, HttpStatusCode.OK)) return false;
        if (TextField.Match(page!.Value.Body) is not { Success: true } field) { Fail(kind, "no written question on the attempt page"); return false; }
        s.QuestionId = field.Groups[1].Value;
        s.Token = TokenOf(page.Value.Body);
        return true;
    }

    private async Task StartBAsync(Student s)
    {
        var start = await SendAsync(s, "sync start", HttpMethod.Post, $"/assignments/{s.AssignmentB}/start", new() { ["__RequestVerificationToken"] = s.Token });
        if (Expect("sync start", start, HttpStatusCode.Redirect) && AttemptOf(start!.Value.Location) is int attempt) s.AttemptB = attempt;
    }

    private Dictionary<string, string> AnswerForm(Student s, string text) => new()
    {
        ["__RequestVerificationToken"] = s.Token, ["present"] = s.QuestionId,
        [$"q.{s.QuestionId}.text"] = text, [$"seq.{s.QuestionId}"] = (s.Seq++).ToString(),
    };

    private async Task SaveAsync(Student s, int attempt, string kind)
    {
        var text = $"student {s.Index} attempt {attempt} save {++s.Saves}: the source is unnamed.";
        var r = await SendAsync(s, kind, HttpMethod.Post, $"/attempts/{attempt}/autosave", AnswerForm(s, text));
        if (!Expect(kind, r, HttpStatusCode.OK)) return;
        using var json = JsonDocument.Parse(r!.Value.Body);
        if (json.RootElement.GetProperty("saved").EnumerateArray().Any(q => q.GetString() == s.QuestionId)) s.Acknowledged[attempt] = text;
        else Fail("save", $"save not acknowledged: {r.Value.Body}");
    }

    private async Task SubmitAsync(Student s, int attempt, Action<bool> done)
    {
        var text = $"student {s.Index} attempt {attempt} final: second-hand, through Reuters.";
        var form = AnswerForm(s, text);
        form["action"] = "submit";
        form["confirm"] = "yes";
        var r = await SendAsync(s, "submit", HttpMethod.Post, $"/attempts/{attempt}", form);
        if (!Expect("submit", r, HttpStatusCode.Redirect) || r!.Value.Location?.EndsWith("/review") != true) return;
        s.Acknowledged[attempt] = text;
        done(true);
    }

    // ---- Database ------------------------------------------------------------------------------------------

    private ClassroomDbContext Open() => o.Provider == "postgres"
        ? new PostgresClassroomDbContext(new DbContextOptionsBuilder<PostgresClassroomDbContext>().UseNpgsql(o.Db).Options)
        : new ClassroomDbContext(new DbContextOptionsBuilder<ClassroomDbContext>().UseSqlite(o.Db).Options);

    private async Task<List<Student>> SeedAsync()
    {
        await using var db = Open();
        var teacherRole = await db.Roles.SingleAsync(r => r.Name == Roles.Instructor);
        var studentRole = await db.Roles.SingleAsync(r => r.Name == Roles.Student);
        // The quiz version the demo assignment pinned (the app makes it when a teacher assigns).
        var template = await db.Assignments.OrderBy(a => a.Id).FirstAsync();
        var version = await db.QuizVersions.SingleAsync(v => v.Id == template.QuizVersionId);
        var hasher = new PasswordHasher<ApplicationUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = o.Iterations }));
        var hash = hasher.HashPassword(new ApplicationUser(), Password);
        var run = Guid.NewGuid().ToString("N")[..6];
        var now = DateTime.UtcNow;

        ApplicationUser Person(string email, string name) => new()
        {
            Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name, PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };

        var students = new List<Student>();
        var classes = (o.Students + 29) / 30;
        for (var c = 0; c < classes; c++)
        {
            var teacher = Person($"load-{run}-teacher{c}@example.com", $"Teacher {c}");
            db.Users.Add(teacher);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = teacher.Id, RoleId = teacherRole.Id });
            var room = new Class { Name = $"Load {c}", Term = "Load", OwnerId = teacher.Id, JoinCode = $"L{run[..3].ToUpperInvariant()}{c:D5}", TimeZone = "UTC", CreatedAt = now };
            for (var i = c * 30; i < Math.Min(o.Students, (c + 1) * 30); i++)
            {
                var person = Person($"load-{run}-s{i}@example.com", $"Student {i}");
                db.Users.Add(person);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = studentRole.Id });
                room.Enrollments.Add(new Enrollment { StudentId = person.Id, JoinedAt = now });
                students.Add(new Student(i, person.Email!));
            }
            Assignment Assign(string title) => new()
            {
                QuizVersionId = version.Id, LessonSlug = template.LessonSlug, Title = title, OpensAt = now.AddDays(-1), DueAt = now.AddDays(1),
                AttemptsAllowed = 1, LatePolicy = LatePolicy.AcceptAndMarkLate, ReviewPolicy = ReviewPolicy.ScoreOnly, CreatedAt = now, CreatedById = teacher.Id,
            };
            room.Assignments.Add(Assign("Load A"));
            room.Assignments.Add(Assign("Load B"));
            db.Classes.Add(room);
            if (c % 20 == 19) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var prefix = $"L{run[..3].ToUpperInvariant()}";
        var byClass = await db.Assignments.Where(a => a.Class!.Name.StartsWith("Load ") && a.Class.JoinCode.StartsWith(prefix))
            .Select(a => new { a.ClassId, a.Id, a.Title, Code = a.Class!.JoinCode }).ToListAsync();
        var ids = byClass.GroupBy(a => a.Code).ToDictionary(g => int.Parse(g.Key[4..]), g => (A: g.Single(x => x.Title == "Load A").Id, B: g.Single(x => x.Title == "Load B").Id));
        foreach (var s in students) (s.AssignmentA, s.AssignmentB) = ids[s.Index / 30];
        return students;
    }

    private async Task<(int Acknowledged, int Lost, int Duplicates, int SubmittedAcknowledged, int SubmittedLost)> CheckAsync(List<Student> students)
    {
        await using var db = Open();
        var attemptIds = students.SelectMany(s => s.Acknowledged.Keys).ToHashSet();
        var stored = new Dictionary<int, List<string>>();
        var statuses = new Dictionary<int, AttemptStatus>();
        foreach (var chunk in attemptIds.Chunk(2000))
        {
            foreach (var r in await db.Responses.Where(r => chunk.Contains(r.AttemptId)).Select(r => new { r.AttemptId, r.AnswerJson }).ToListAsync())
                (stored.TryGetValue(r.AttemptId, out var list) ? list : stored[r.AttemptId] = []).Add(r.AnswerJson);
            foreach (var a in await db.Attempts.Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Status }).ToListAsync())
                statuses[a.Id] = a.Status;
        }
        int acknowledged = 0, lost = 0, submittedAck = 0, submittedLost = 0;
        foreach (var s in students)
            foreach (var (attempt, text) in s.Acknowledged)
            {
                acknowledged++;
                var encoded = JsonSerializer.Serialize(text)[1..^1];
                if (!stored.TryGetValue(attempt, out var answers) || !answers.Any(a => a.Contains(encoded, StringComparison.Ordinal) || a.Contains(text, StringComparison.Ordinal)))
                {
                    lost++;
                    Fail("lost", $"attempt {attempt}: acknowledged '{text}' is not stored");
                }
                var submitted = attempt == s.AttemptA ? s.SubmittedA : s.SubmittedB;
                if (submitted)
                {
                    submittedAck++;
                    if (!statuses.TryGetValue(attempt, out var status) || status == AttemptStatus.InProgress) submittedLost++;
                }
            }
        var assignmentIds = students.SelectMany(s => new[] { s.AssignmentA, s.AssignmentB }).Distinct().ToList();
        var duplicates = 0;
        foreach (var chunk in assignmentIds.Chunk(2000))
            duplicates += (await db.Attempts.Where(a => a.AssignmentId != null && chunk.Contains(a.AssignmentId.Value))
                .GroupBy(a => new { a.StudentId, a.AssignmentId }).Select(g => g.Count()).ToListAsync()).Count(n => n > 1);
        return (acknowledged, lost, duplicates, submittedAck, submittedLost);
    }
}
