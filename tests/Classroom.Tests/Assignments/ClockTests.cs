using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Assignments;

/// <summary>One clock: times are stored in UTC and every time a person sees or types is in the class's zone, named.</summary>
public class ClockTests : IDisposable
{
    private readonly TestClock clock = new();
    private readonly ClassroomFactory factory;
    private readonly TestData data;

    public ClockTests()
    {
        factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        data = new TestData(factory);
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public void Times_typed_and_shown_in_a_zone_survive_both_daylight_saving_changes()
    {
        // New York springs forward on 8 March 2026 (02:00 becomes 03:00) and falls back on 1 November 2026.
        Assert.Equal(new DateTime(2026, 3, 7, 21, 0, 0), ClassTime.ToUtc(new DateTime(2026, 3, 7, 16, 0, 0), "America/New_York")); // EST, UTC-5
        Assert.Equal(new DateTime(2026, 3, 9, 20, 0, 0), ClassTime.ToUtc(new DateTime(2026, 3, 9, 16, 0, 0), "America/New_York")); // EDT, UTC-4
        // 02:30 on the spring day does not exist: it is taken as 03:30, the same wall-clock distance into the new hour.
        Assert.Equal(new DateTime(2026, 3, 8, 7, 30, 0), ClassTime.ToUtc(new DateTime(2026, 3, 8, 2, 30, 0), "America/New_York"));
        // 01:30 on the autumn day happens twice: the platform takes the second (standard time).
        Assert.Equal(new DateTime(2026, 11, 1, 6, 30, 0), ClassTime.ToUtc(new DateTime(2026, 11, 1, 1, 30, 0), "America/New_York"));
        Assert.Equal("Mon 9 Mar 2026, 16:00 (America/New_York)", ClassTime.Format(new DateTime(2026, 3, 9, 20, 0, 0), "America/New_York"));
        Assert.Equal("Sun 29 Mar 2026, 03:00 (Europe/London)", ClassTime.Format(new DateTime(2026, 3, 29, 2, 0, 0), "Europe/London"));
        // Round trip through every hour of both change days.
        foreach (var day in new[] { new DateTime(2026, 3, 8), new DateTime(2026, 11, 1) })
            for (var utc = day; utc < day.AddDays(2); utc = utc.AddMinutes(30))
                Assert.Equal(utc, ClassTime.ToUtc(ClassTime.ToLocal(utc, "America/New_York"), "America/New_York").AddHours(
                    utc == new DateTime(2026, 11, 1, 5, 0, 0) || utc == new DateTime(2026, 11, 1, 5, 30, 0) ? -1 : 0));
    }

    [Fact]
    public async Task The_assign_form_opens_now_and_is_due_a_week_later_at_the_end_of_the_school_day_across_a_clock_change()
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var c = await data.ClassAsync(teacher, "Period 3", [], "America/New_York");
        var client = await data.ClientAsync(teacher);
        // 22:10 on Friday 6 March in New York (03:10 UTC on the 7th): made at night, it must not be "not open yet".
        clock.SetTo(new DateTimeOffset(2026, 3, 7, 3, 10, 0, TimeSpan.Zero));
        var form = await client.GetStringAsync($"/classes/{c.Id}/assignments/new");
        Assert.Contains("id=\"OpensAt\" name=\"OpensAt\" type=\"datetime-local\" value=\"2026-03-06T22:10\"", form);
        Assert.Contains("id=\"DueAt\" name=\"DueAt\" type=\"datetime-local\" value=\"2026-03-13T16:00\"", form);
        // Each quiz is named in full: its article, its lesson and its own title.
        foreach (var lesson in data.Catalog.Lessons.Where(l => data.Catalog.QuizForLesson(l.Slug) is not null))
        {
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(lesson.Title), form);
            if (lesson.Article is { } article) Assert.Contains($"<strong>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(article.Label)}</strong>", form);
        }

        var created = await client.PostFormAsync($"/classes/{c.Id}/assignments", new()
        {
            ["Lesson"] = "tal-afar-offensive", ["OpensAt"] = "2026-03-06T22:10", ["DueAt"] = "2026-03-13T16:00",
            ["AttemptsAllowed"] = "1", ["LatePolicy"] = "AcceptAndMarkLate", ["ReviewPolicy"] = "ScoreOnly", ["LessonMarkup"] = "OpenBook",
        }, tokenFrom: $"/classes/{c.Id}/assignments/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var stored = await data.DbAsync(db => db.Assignments.SingleAsync(a => a.Id == id));
        Assert.Equal(new DateTime(2026, 3, 7, 3, 10, 0), stored.OpensAt); // EST
        Assert.Equal(new DateTime(2026, 3, 13, 20, 0, 0), stored.DueAt); // EDT: a week later the clocks have changed
        var student = await data.StudentAsync("Ava Adams");
        await data.DbAsync(async db => { db.Enrollments.Add(new() { ClassId = c.Id, StudentId = student.Id, JoinedAt = DateTime.UtcNow }); return await db.SaveChangesAsync(); });
        var page = await (await data.ClientAsync(student)).GetStringAsync($"/assignments/{id}");
        Assert.Contains("Fri 13 Mar 2026, 16:00 (America/New_York)", page);
        Assert.DoesNotContain("Not open yet", page);
    }

    [Fact]
    public async Task A_new_class_starts_in_the_zone_of_the_teachers_latest_class_or_suggests_the_browsers()
    {
        var teacher = await data.InstructorAsync("Mr. New");
        var client = await data.ClientAsync(teacher);
        Assert.Contains("data-guess-zone=\"browser\"", await client.GetStringAsync("/classes"));
        await data.ClassAsync(teacher, "Period 1", [], "Australia/Sydney");
        var page = await client.GetStringAsync("/classes");
        Assert.DoesNotContain("data-guess-zone=\"browser\"", page);
        Assert.Contains("<option value=\"Australia/Sydney\" selected=\"selected\">", page);
    }

    [Fact]
    public async Task The_quiz_page_says_saved_and_time_up_in_the_class_zone_and_counts_down_from_the_servers_clock()
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var ava = await data.StudentAsync("Ava Adams");
        var c = await data.ClassAsync(teacher, "Period 4", [ava], "Asia/Kolkata"); // UTC+5:30, no daylight saving
        clock.SetTo(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var a = await data.AssignAsync(c, change: x => { x.OpensAt = new DateTime(2026, 5, 1); x.DueAt = new DateTime(2026, 7, 1); x.TimeLimitMinutes = 40; });
        var client = await data.ClientAsync(ava);
        var started = await client.PostFormAsync($"/assignments/{a.Id}/start", [], tokenFrom: $"/assignments/{a.Id}");
        var attempt = int.Parse(started.Headers.Location!.OriginalString.Split('/').Last());

        clock.Advance(TimeSpan.FromMinutes(10));
        var take = await client.GetStringAsync($"/attempts/{attempt}");
        Assert.Contains("Time is up at 14:10 (Asia/Kolkata).", take); // 08:00 UTC + 40 min = 13:30 + 40 min in Kolkata
        Assert.Contains("data-seconds-left=\"1800\"", take);

        var saved = await new Attempts.AttemptClient(client).AutosaveAsync(attempt, ("present", "outlet"), ("q.outlet", "reuters"), ("seq.outlet", "1"));
        var body = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("13:40:00 (Asia/Kolkata)", body.GetProperty("savedAtText").GetString());
        Assert.Contains("Last saved Mon 1 Jun 2026, 13:40 (Asia/Kolkata).", await client.GetStringAsync($"/attempts/{attempt}"));
        // Nothing on the page is in UTC.
        Assert.DoesNotMatch(@"\d UTC\b", await client.GetStringAsync($"/attempts/{attempt}"));
    }

    [Fact]
    public async Task Grading_history_and_a_graded_report_show_the_class_zone()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        await teacher.PostFormAsync($"/classes/{world.ClassId}/settings", new() { ["Name"] = "Period 1", ["TimeZone"] = "Pacific/Auckland" }, tokenFrom: $"/classes/{world.ClassId}");
        var page = await teacher.GetStringAsync($"/assignments/{world.AssignmentId}/grading/attempts/{world.StudentAttemptId}");
        Assert.Contains("(Pacific/Auckland), Ms. Rivera:", page); // the history of Amira's graded answers
        Assert.Contains("submitted ", page);
        Assert.DoesNotMatch(@"\d UTC\b", page);
    }
}
