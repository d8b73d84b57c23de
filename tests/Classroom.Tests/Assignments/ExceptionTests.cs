using System.Net;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Assignments;

/// <summary>
/// Accommodations and exceptions for one student, each as the teacher gives it over HTTP and as the student then
/// meets it: the server enforces the student's own dates, attempts and time, and the gradebook says what happened.
/// </summary>
public class ExceptionTests : IDisposable
{
    private readonly TestClock clock = new();
    private readonly ClassroomFactory factory;
    private readonly TestData data;

    public ExceptionTests()
    {
        factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        data = new TestData(factory);
    }

    public void Dispose() => factory.Dispose();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private sealed record Room(Person Teacher, Person Ava, Person Ben, Class Class, HttpClient TeacherClient, HttpClient AvaClient, HttpClient BenClient);

    private async Task<Room> RoomAsync(string zone = "Europe/London")
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var ava = await data.StudentAsync("Ava Adams");
        var ben = await data.StudentAsync("Ben Brown");
        var c = await data.ClassAsync(teacher, "Period 2", [ava, ben], zone);
        return new Room(teacher, ava, ben, c, await data.ClientAsync(teacher), await data.ClientAsync(ava), await data.ClientAsync(ben));
    }

    private Task<Assignment> AssignAsync(Room room, Action<Assignment> change, string lesson = "tal-afar-offensive") =>
        data.AssignAsync(room.Class, lesson, a =>
        {
            a.OpensAt = Now.AddDays(-3);
            a.DueAt = Now.AddDays(2);
            change(a);
        });

    private static Task<HttpResponseMessage> GrantAsync(HttpClient teacher, Assignment a, Person student, string kind, Dictionary<string, string> fields) =>
        teacher.PostFormAsync($"/assignments/{a.Id}/students/{student.Id}/{kind}", fields, tokenFrom: $"/assignments/{a.Id}/students/{student.Id}");

    private static async Task<HttpResponseMessage> StartAsync(HttpClient student, Assignment a) =>
        await student.PostFormAsync($"/assignments/{a.Id}/start", [], tokenFrom: $"/assignments/{a.Id}");

    private static int AttemptIn(HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return int.Parse(started.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task SubmitAsync(HttpClient student, int attempt, params (string, string)[] answers)
    {
        var token = await student.GetAntiforgeryTokenAsync($"/attempts/{attempt}");
        var response = await student.PostAsync($"/attempts/{attempt}", Attempts.AttemptClient.Form(token, [.. answers, ("action", "submit"), ("confirm", "yes")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Local(DateTime utc, string zone) => Classroom.Web.Features.Shared.ClassTime.ToLocal(utc, zone).ToString("yyyy-MM-ddTHH:mm");

    private Task<int> ExceptionCountAsync() => data.DbAsync(db => db.StudentExceptions.CountAsync());

    private async Task<Dictionary<string, string>> CsvStatusesAsync(HttpClient teacher, Class c, Assignment a)
    {
        var bytes = await teacher.GetByteArrayAsync($"/classes/{c.Id}/gradebook.csv");
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes), null, false);
        reader.ReadHeader();
        var statuses = new Dictionary<string, string>();
        while (reader.Read()) statuses[reader["Student"].ToString()!] = reader[$"{a.Title}: status"].ToString()!;
        return statuses;
    }

    [Fact]
    public async Task An_extension_lets_one_student_start_after_the_class_due_time_when_late_work_is_refused()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => { x.DueAt = Now.AddHours(-1); x.LatePolicy = LatePolicy.Refuse; });
        var zone = room.Class.TimeZone;
        var newDue = Now.AddDays(1);

        // No reason: refused, nothing stored, and what the teacher typed is still in the form.
        var refused = await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = Local(newDue, zone), ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Give a reason", page);
        Assert.Contains($"value=\"{Local(newDue, zone)}\"", page);
        Assert.Equal(0, await ExceptionCountAsync());

        var granted = await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = Local(newDue, zone), ["Reason"] = "Ill on the day" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        // Ava sees her own date and may start; Ben, without one, is refused.
        var avaPage = await room.AvaClient.GetStringAsync($"/assignments/{a.Id}");
        Assert.Contains("(extended for you)", avaPage);
        Assert.Contains(Classroom.Web.Features.Shared.ClassTime.Format(newDue, zone), avaPage);
        var attempt = AttemptIn(await StartAsync(room.AvaClient, a));
        var benStart = await StartAsync(room.BenClient, a);
        Assert.Equal(HttpStatusCode.Conflict, benStart.StatusCode);
        Assert.Contains("late work is not accepted", await benStart.Content.ReadAsStringAsync());

        // Her attempt ends at her due time, not the class's (it has no time limit).
        var stored = await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == attempt));
        Assert.Equal(newDue, stored.DeadlineAt!.Value, TimeSpan.FromMinutes(1));
        await SubmitAsync(room.AvaClient, attempt, ("present", "outlet"), ("q.outlet", "not-stated"));

        // On time for her, missing for Ben; the teacher's page and history keep the reason.
        var statuses = await CsvStatusesAsync(room.TeacherClient, room.Class, a);
        Assert.StartsWith("needs grading", statuses["Ava Adams"]);
        Assert.DoesNotContain("late", statuses["Ava Adams"].Split('(')[0]);
        Assert.Contains("extended", statuses["Ava Adams"]);
        Assert.Equal("missing", statuses["Ben Brown"]);
        var history = await room.TeacherClient.GetStringAsync($"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Contains("Reason: Ill on the day", history);
        Assert.Contains("Ms. Rivera", history);
    }

    [Fact]
    public async Task With_late_work_accepted_an_extension_moves_the_line_between_on_time_and_late()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => { x.DueAt = Now.AddHours(1); x.AttemptsAllowed = 1; });
        await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = Local(Now.AddDays(1), room.Class.TimeZone), ["Reason"] = "Trip" });
        clock.Advance(TimeSpan.FromHours(3)); // past the class's due time, before Ava's

        await SubmitAsync(room.AvaClient, AttemptIn(await StartAsync(room.AvaClient, a)), ("present", "outlet"), ("q.outlet", "not-stated"));
        await SubmitAsync(room.BenClient, AttemptIn(await StartAsync(room.BenClient, a)), ("present", "outlet"), ("q.outlet", "not-stated"));

        var statuses = await CsvStatusesAsync(room.TeacherClient, room.Class, a);
        Assert.Equal("needs grading (extended)", statuses["Ava Adams"]);
        Assert.Equal("needs grading, late", statuses["Ben Brown"]);
        Assert.Contains("late", await room.BenClient.GetStringAsync($"/assignments/{a.Id}"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_time_multiplier_gives_more_time_on_every_timed_assignment_of_the_class()
    {
        var room = await RoomAsync();
        var first = await AssignAsync(room, x => x.TimeLimitMinutes = 20);
        var second = await AssignAsync(room, x => x.TimeLimitMinutes = 30, lesson: "mosul-retreat");

        var odd = await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/time",
            new() { ["TimeMultiplier"] = "1.7", ["Reason"] = "Plan" }, tokenFrom: $"/classes/{room.Class.Id}/students/{room.Ava.Id}/time");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, odd.StatusCode);
        Assert.Equal(0, await ExceptionCountAsync());
        var set = await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/time",
            new() { ["TimeMultiplier"] = "1.5", ["Reason"] = "Accommodation plan" }, tokenFrom: $"/classes/{room.Class.Id}/students/{room.Ava.Id}/time");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("×1.5", await room.TeacherClient.GetStringAsync($"/classes/{room.Class.Id}"));

        Assert.Contains("45 minutes", await room.AvaClient.GetStringAsync($"/assignments/{second.Id}"));
        Assert.Contains("30 minutes", await room.BenClient.GetStringAsync($"/assignments/{second.Id}"));

        var started = Now;
        var avaAttempt = AttemptIn(await StartAsync(room.AvaClient, first));
        var benAttempt = AttemptIn(await StartAsync(room.BenClient, first));
        var deadlines = await data.DbAsync(db => db.Attempts.Where(t => t.Id == avaAttempt || t.Id == benAttempt).ToDictionaryAsync(t => t.Id, t => t.DeadlineAt!.Value));
        Assert.Equal(started.AddMinutes(30), deadlines[avaAttempt], TimeSpan.FromSeconds(5));
        Assert.Equal(started.AddMinutes(20), deadlines[benAttempt], TimeSpan.FromSeconds(5));
        // The quiz page says when, in the class's zone.
        var take = await room.AvaClient.GetStringAsync($"/attempts/{avaAttempt}");
        Assert.Contains($"Time is up at {Classroom.Web.Features.Shared.ClassTime.ToLocal(deadlines[avaAttempt], "Europe/London"):HH:mm} (Europe/London)", take);

        // 25 minutes on: Ben's time is over, Ava's is not.
        clock.Advance(TimeSpan.FromMinutes(25));
        var ava = new Attempts.AttemptClient(room.AvaClient);
        var ben = new Attempts.AttemptClient(room.BenClient);
        Assert.Equal(HttpStatusCode.OK, (await ava.AutosaveAsync(avaAttempt, ("present", "outlet"), ("q.outlet", "not-stated"), ("seq.outlet", "5"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.AutosaveAsync(benAttempt, ("present", "outlet"), ("q.outlet", "not-stated"), ("seq.outlet", "5"))).StatusCode);
    }

    [Fact]
    public async Task Extra_attempts_are_counted_by_the_server()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => x.AttemptsAllowed = 1);
        await SubmitAsync(room.AvaClient, AttemptIn(await StartAsync(room.AvaClient, a)));
        Assert.Equal(HttpStatusCode.Conflict, (await StartAsync(room.AvaClient, a)).StatusCode);

        var tooMany = await GrantAsync(room.TeacherClient, a, room.Ava, "attempts", new() { ["ExtraAttempts"] = "11", ["Reason"] = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("from 0 to 10", await tooMany.Content.ReadAsStringAsync());
        await GrantAsync(room.TeacherClient, a, room.Ava, "attempts", new() { ["ExtraAttempts"] = "1", ["Reason"] = "Fire drill" });

        Assert.Contains("1 of 2 used", await room.AvaClient.GetStringAsync($"/assignments/{a.Id}"));
        await SubmitAsync(room.AvaClient, AttemptIn(await StartAsync(room.AvaClient, a)));
        var third = await StartAsync(room.AvaClient, a);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("You have used all 2 attempts", await third.Content.ReadAsStringAsync());
        Assert.Contains("0 of 1 used", await room.BenClient.GetStringAsync($"/assignments/{a.Id}")); // Ben keeps the class's one
    }

    [Fact]
    public async Task A_returned_attempt_starts_from_the_earlier_answers_and_the_earlier_attempt_stays_in_history()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => { x.AttemptsAllowed = 1; x.ReviewPolicy = ReviewPolicy.ScoreAndKeys; });
        var essay = TestData.Only<EssayQuestion>(data.Catalog.QuizForLesson("tal-afar-offensive")!);
        var first = AttemptIn(await StartAsync(room.AvaClient, a));
        await SubmitAsync(room.AvaClient, first, ("present", essay), ($"q.{essay}.text", "My first draft about the chain."));

        // Keys were open to her on submitting: the page warns that a resubmission can copy them.
        var page = await room.TeacherClient.GetStringAsync($"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Contains("already been able to see this quiz", page);
        var noReason = await room.TeacherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/reopen/{first}", new() { ["Reason"] = "" },
            tokenFrom: $"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var returned = await room.TeacherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/reopen/{first}", new() { ["Reason"] = "Submitted by accident" },
            tokenFrom: $"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var again = await room.TeacherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/reopen/{first}", new() { ["Reason"] = "twice" },
            tokenFrom: $"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Ava resumes: a new attempt, holding her first draft.
        var second = AttemptIn(await StartAsync(room.AvaClient, a));
        Assert.NotEqual(first, second);
        Assert.Contains("My first draft about the chain.", await room.AvaClient.GetStringAsync($"/attempts/{second}"));
        Assert.Equal("in progress (reopened)", (await CsvStatusesAsync(room.TeacherClient, room.Class, a))["Ava Adams"]);
        await SubmitAsync(room.AvaClient, second, ("present", essay), ($"q.{essay}.text", "My second draft, with the steps counted."));

        var history = await room.TeacherClient.GetStringAsync($"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Contains("returned", history);
        Assert.Contains("Reason: Submitted by accident", history);
        Assert.Matches(@"2 \(counts\)", history);
        var grading = await room.TeacherClient.GetStringAsync($"/assignments/{a.Id}/grading/questions/{essay}");
        Assert.Contains("My second draft", grading);
        Assert.DoesNotContain("My first draft", grading); // the returned attempt is not graded again
        // She used her one attempt and the returned one: no third start.
        Assert.Equal(HttpStatusCode.Conflict, (await StartAsync(room.AvaClient, a)).StatusCode);
    }

    [Fact]
    public async Task Returning_work_on_a_closed_refuse_late_assignment_asks_for_an_extension_first()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => { x.LatePolicy = LatePolicy.Refuse; x.DueAt = Now.AddHours(1); });
        var first = AttemptIn(await StartAsync(room.AvaClient, a));
        await SubmitAsync(room.AvaClient, first);
        clock.Advance(TimeSpan.FromHours(2));

        var refused = await room.TeacherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/reopen/{first}", new() { ["Reason"] = "Redo" },
            tokenFrom: $"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Extend their due time first", await refused.Content.ReadAsStringAsync());
        Assert.Null((await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == first))).ReturnedAt);

        await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = Local(Now.AddDays(1), room.Class.TimeZone), ["Reason"] = "Redo" });
        var returned = await room.TeacherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/reopen/{first}", new() { ["Reason"] = "Redo" },
            tokenFrom: $"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(room.AvaClient, a)).StatusCode);
    }

    [Fact]
    public async Task An_excused_student_cannot_start_and_counts_neither_for_nor_against()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => x.DueAt = Now.AddHours(-1));
        await GrantAsync(room.TeacherClient, a, room.Ava, "excused", new() { ["Excused"] = "true", ["Reason"] = "Joined the class late" });

        Assert.Contains("Excused", await room.AvaClient.GetStringAsync($"/assignments/{a.Id}"));
        Assert.Contains("Excused", await room.AvaClient.GetStringAsync("/"));
        var start = await StartAsync(room.AvaClient, a);
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Contains("You are excused", await start.Content.ReadAsStringAsync());

        var statuses = await CsvStatusesAsync(room.TeacherClient, room.Class, a);
        Assert.StartsWith("excused", statuses["Ava Adams"]);
        Assert.Equal("missing", statuses["Ben Brown"]);
        var csv = System.Text.Encoding.UTF8.GetString(await room.TeacherClient.GetByteArrayAsync($"/classes/{room.Class.Id}/gradebook.csv"));
        var maxPoints = data.Catalog.QuizForLesson("tal-afar-offensive")!.MaxPoints;
        Assert.Matches($"Ava Adams,[^\\r\\n]*,0,0,\\r\\n", csv); // nothing possible, no percent
        Assert.Matches($"Ben Brown,[^\\r\\n]*,0,{maxPoints:0.##},0\\r\\n", csv);

        // Undone, with its own reason: she is missing like anyone else.
        await GrantAsync(room.TeacherClient, a, room.Ava, "excused", new() { ["Reason"] = "Excused by mistake" });
        Assert.Equal("missing", (await CsvStatusesAsync(room.TeacherClient, room.Class, a))["Ava Adams"]);
        Assert.Equal(2, await ExceptionCountAsync());
    }

    [Fact]
    public async Task A_try_first_lesson_stays_plain_for_a_student_whose_extension_has_not_passed()
    {
        var room = await RoomAsync();
        await AssignAsync(room, x => { x.LessonMarkup = LessonMarkup.TryFirst; x.DueAt = Now.AddHours(1); });
        var a = await data.DbAsync(db => db.Assignments.OrderByDescending(x => x.Id).FirstAsync());
        await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = Local(Now.AddDays(2), room.Class.TimeZone), ["Reason"] = "Away" });
        clock.Advance(TimeSpan.FromHours(2)); // closed for the class, still open for Ava

        var avaLesson = await room.AvaClient.GetStringAsync("/lessons/tal-afar-offensive");
        var benLesson = await room.BenClient.GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains("try the questions first", avaLesson);
        Assert.DoesNotContain("class=\"ann-ref", avaLesson);
        Assert.DoesNotContain("try the questions first", benLesson);
        Assert.Contains("class=\"ann-ref", benLesson);
    }

    [Fact]
    public async Task Exceptions_are_for_the_class_teachers_only_and_for_enrolled_students()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, _ => { });
        var outsider = await data.StudentAsync("Olga Outside");
        var other = await data.InstructorAsync("Mr. Other");
        var otherClient = await data.ClientAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await room.TeacherClient.GetAsync($"/assignments/{a.Id}/students/{outsider.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/assignments/{a.Id}/students/{room.Ava.Id}")).StatusCode);
        var tampered = await otherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/extension",
            new() { ["DueAt"] = "2099-01-01T00:00", ["Reason"] = "sneaky" }, tokenFrom: "/");
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await room.AvaClient.GetAsync($"/assignments/{a.Id}/students/{room.Ava.Id}")).StatusCode);
        Assert.Equal(0, await ExceptionCountAsync());
    }

    [Fact]
    public async Task A_returned_timed_attempt_starts_its_clock_when_the_student_opens_it()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, x => x.TimeLimitMinutes = 10);
        var first = AttemptIn(await StartAsync(room.AvaClient, a));
        await SubmitAsync(room.AvaClient, first, ("present", "outlet"), ("q.outlet", "reuters"));
        await room.TeacherClient.PostFormAsync($"/assignments/{a.Id}/students/{room.Ava.Id}/reopen/{first}", new() { ["Reason"] = "Fix question 1" },
            tokenFrom: $"/assignments/{a.Id}/students/{room.Ava.Id}");
        Assert.Equal(0, await data.DbAsync(db => db.Attempts.CountAsync(t => t.AssignmentId == a.Id && t.Status == AttemptStatus.InProgress)));

        clock.Advance(TimeSpan.FromMinutes(45)); // Ava opens it in the next lesson
        var second = AttemptIn(await StartAsync(room.AvaClient, a));
        var opened = await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == second));
        Assert.Equal(Now.AddMinutes(10), opened.DeadlineAt!.Value, TimeSpan.FromSeconds(2));
        Assert.Contains("value=\"reuters\" checked", (await room.AvaClient.GetStringAsync($"/attempts/{second}")).Replace("checked=\"checked\"", "checked"));
    }

    [Fact]
    public async Task More_time_reaches_an_attempt_already_running_and_less_never_takes_time_from_it()
    {
        var room = await RoomAsync();
        var refuse = await AssignAsync(room, x => { x.LatePolicy = LatePolicy.Refuse; x.DueAt = Now.AddMinutes(20); });
        var timed = await AssignAsync(room, x => x.TimeLimitMinutes = 10, lesson: "mosul-retreat");
        var running = AttemptIn(await StartAsync(room.AvaClient, refuse));
        var timedRun = AttemptIn(await StartAsync(room.AvaClient, timed));
        var started = Now;

        // An extension moves the end of an attempt that ended at the due time.
        var newDue = Now.AddDays(1);
        await GrantAsync(room.TeacherClient, refuse, room.Ava, "extension", new() { ["DueAt"] = Local(newDue, room.Class.TimeZone), ["Reason"] = "Ill" });
        Assert.Equal(newDue, (await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == running))).DeadlineAt!.Value, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(30));
        var ava = new Attempts.AttemptClient(room.AvaClient);
        Assert.Equal(HttpStatusCode.OK, (await ava.AutosaveAsync(running, ("present", "outlet"), ("q.outlet", "not-stated"), ("seq.outlet", "3"))).StatusCode);

        // Double time reaches the running timed attempt; going back to standard does not cut it.
        await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/time",
            new() { ["TimeMultiplier"] = "2", ["Reason"] = "Plan" }, tokenFrom: $"/classes/{room.Class.Id}/students/{room.Ava.Id}/time");
        Assert.Equal(started.AddMinutes(20), (await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == timedRun))).DeadlineAt!.Value, TimeSpan.FromSeconds(5));
        await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/time",
            new() { ["TimeMultiplier"] = "1", ["Reason"] = "Plan ended" }, tokenFrom: $"/classes/{room.Class.Id}/students/{room.Ava.Id}/time");
        Assert.Equal(started.AddMinutes(20), (await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == timedRun))).DeadlineAt!.Value, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_extension_must_be_later_than_the_class_due_time_and_odd_or_repeated_changes_are_refused_or_ignored()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, _ => { });
        var zone = room.Class.TimeZone;
        var earlier = await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = Local(a.DueAt.AddDays(-1), zone), ["Reason"] = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Contains("must be later than the class", await earlier.Content.ReadAsStringAsync());
        var farOff = await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["DueAt"] = "9999-12-31T20:00", ["Reason"] = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, farOff.StatusCode);
        var longReason = await GrantAsync(room.TeacherClient, a, room.Ava, "attempts", new() { ["ExtraAttempts"] = "1", ["Reason"] = new string('r', 301) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longReason.StatusCode);
        Assert.Contains("at most 300 characters", await longReason.Content.ReadAsStringAsync());
        var longTime = await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/time",
            new() { ["TimeMultiplier"] = "2", ["Reason"] = new string('r', 10_000) }, tokenFrom: $"/classes/{room.Class.Id}/students/{room.Ava.Id}/time");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longTime.StatusCode);

        // Nothing to undo, or the same value again: nothing is recorded.
        var clear = await GrantAsync(room.TeacherClient, a, room.Ava, "extension", new() { ["Clear"] = "true", ["Reason"] = "x" });
        Assert.Equal(HttpStatusCode.Redirect, clear.StatusCode);
        await GrantAsync(room.TeacherClient, a, room.Ava, "excused", new() { ["Reason"] = "x" });
        await GrantAsync(room.TeacherClient, a, room.Ava, "attempts", new() { ["ExtraAttempts"] = "0", ["Reason"] = "x" });
        Assert.Equal(0, await ExceptionCountAsync());
        Assert.Contains("Nothing changed", await room.TeacherClient.GetStringAsync($"/assignments/{a.Id}/students/{room.Ava.Id}"));

        // "2.0" is the same multiplier as "2", stored and shown as ×2.
        await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/time",
            new() { ["TimeMultiplier"] = "2.0", ["Reason"] = "Plan" }, tokenFrom: $"/classes/{room.Class.Id}/students/{room.Ava.Id}/time");
        Assert.Equal("2", await data.DbAsync(db => db.StudentExceptions.Select(e => e.Value).SingleAsync()));
        await GrantAsync(room.TeacherClient, a, room.Ava, "attempts", new() { ["ExtraAttempts"] = "1", ["Reason"] = "Fire drill" });
        Assert.Contains("1 extra attempt.", await room.TeacherClient.GetStringAsync($"/assignments/{a.Id}/students/{room.Ava.Id}"));
    }

    [Fact]
    public async Task A_removed_student_no_longer_reaches_an_attempt_they_had_open()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, _ => { });
        var open = AttemptIn(await StartAsync(room.AvaClient, a));
        await room.TeacherClient.PostFormAsync($"/classes/{room.Class.Id}/students/{room.Ava.Id}/remove", new() { ["confirm"] = "yes" }, tokenFrom: $"/classes/{room.Class.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await room.AvaClient.GetAsync($"/attempts/{open}")).StatusCode);
        var ava = new Attempts.AttemptClient(room.AvaClient);
        Assert.Equal(HttpStatusCode.NotFound, (await ava.AutosaveAsync(open, ("present", "outlet"), ("q.outlet", "reuters"), ("seq.outlet", "1"))).StatusCode);
        var token = await room.AvaClient.GetAntiforgeryTokenAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, (await room.AvaClient.PostAsync($"/attempts/{open}", Attempts.AttemptClient.Form(token, [("action", "submit"), ("confirm", "yes")]))).StatusCode);
        Assert.Equal(AttemptStatus.InProgress, (await data.DbAsync(db => db.Attempts.SingleAsync(t => t.Id == open))).Status);
    }

    [Fact]
    public async Task An_excused_student_is_told_there_is_nothing_to_do()
    {
        var room = await RoomAsync();
        var a = await AssignAsync(room, _ => { });
        await GrantAsync(room.TeacherClient, a, room.Ava, "excused", new() { ["Excused"] = "true", ["Reason"] = "New" });
        var page = await room.AvaClient.GetStringAsync($"/assignments/{a.Id}");
        Assert.Contains("excused you from this assignment: there is nothing to do", page);
        Assert.DoesNotContain("Your answers are saved as you go.", page);
    }
}
