using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Assignments;

public class AssignmentFlowTests
{
    private static async Task<T> Db<T>(ClassroomFactory factory, Func<ClassroomDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClassroomDbContext>());
    }

    private static Dictionary<string, string> Form(string opens, string due, string late = "AcceptAndMarkLate", string review = "ScoreOnly",
        string lesson = "mosul-retreat", int attempts = 1, string? limit = null) => new()
    {
        ["Lesson"] = lesson, ["Title"] = "", ["OpensAt"] = opens, ["DueAt"] = due, ["AttemptsAllowed"] = attempts.ToString(),
        ["TimeLimitMinutes"] = limit ?? "", ["LatePolicy"] = late, ["ReviewPolicy"] = review,
    };

    private static async Task<int> AssignAsync(ClassroomFactory factory, HttpClient teacher, int classId, Dictionary<string, string> form)
    {
        var response = await teacher.PostFormAsync($"/classes/{classId}/assignments", form, tokenFrom: $"/classes/{classId}/assignments/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static string Local(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm");

    [Fact]
    public async Task Assigning_stores_times_typed_in_the_class_zone_as_UTC_and_pins_the_quiz_version()
    {
        var clock = new TestClock();
        using var factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        await teacher.PostFormAsync($"/classes/{world.ClassId}/settings", new() { ["Name"] = "Period 1", ["TimeZone"] = "America/New_York" }, tokenFrom: $"/classes/{world.ClassId}");

        var id = await AssignAsync(factory, teacher, world.ClassId, Form("2026-01-12T08:00", "2026-01-14T23:59"));
        var stored = await Db(factory, db => db.Assignments.Include(a => a.QuizVersion).SingleAsync(a => a.Id == id));
        Assert.Equal(new DateTime(2026, 1, 12, 13, 0, 0), stored.OpensAt);
        Assert.Equal(new DateTime(2026, 1, 15, 4, 59, 0), stored.DueAt);
        Assert.Equal("mosul-retreat", stored.QuizVersion!.QuizSlug);
        Assert.Equal("Mosul: the opening, the words and what is left out", stored.Title);
        Assert.Contains("Wed 14 Jan 2026, 23:59 (America/New_York)", await teacher.GetStringAsync($"/assignments/{id}"));

        var bad = await teacher.PostFormAsync($"/classes/{world.ClassId}/assignments", Form("2026-01-14T08:00", "2026-01-12T08:00"), tokenFrom: $"/classes/{world.ClassId}/assignments/new");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("The due time must be after the opening time.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dates_can_change_after_students_start_but_the_quiz_cannot()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var url = $"/assignments/{world.AssignmentId}";
        var before = await Db(factory, db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == world.AssignmentId));

        var refused = await teacher.PostFormAsync(url, Form("2026-01-01T08:00", "2030-01-01T08:00", lesson: "mosul-retreat"), tokenFrom: url + "/edit");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("its quiz cannot change", await refused.Content.ReadAsStringAsync());
        var unchanged = await Db(factory, db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == world.AssignmentId));
        Assert.Equal((before.QuizVersionId, before.DueAt), (unchanged.QuizVersionId, unchanged.DueAt));

        var moved = await teacher.PostFormAsync(url, Form("2026-01-01T08:00", "2030-01-01T08:00", lesson: "tal-afar-offensive"), tokenFrom: url + "/edit");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await Db(factory, db => db.Assignments.AsNoTracking().SingleAsync(a => a.Id == world.AssignmentId));
        Assert.Equal(new DateTime(2030, 1, 1, 8, 0, 0), after.DueAt);
        Assert.Equal(before.QuizVersionId, after.QuizVersionId);
    }

    [Fact]
    public async Task The_server_enforces_opening_due_time_attempts_and_lateness()
    {
        var clock = new TestClock();
        using var factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var now = clock.GetUtcNow().UtcDateTime;
        var refuseLate = await AssignAsync(factory, teacher, world.ClassId, Form(Local(now.AddHours(1)), Local(now.AddHours(3)), late: "Refuse", limit: "600"));
        var acceptLate = await AssignAsync(factory, teacher, world.ClassId, Form(Local(now.AddMinutes(-5)), Local(now.AddDays(1)), lesson: "perverse-caliphate"));

        var student = await ClassWorld.ClientAsync(factory, ClassWorld.Student3);
        Assert.Contains("Not open yet", await student.GetStringAsync("/assignments"));
        var early = await student.PostFormAsync($"/assignments/{refuseLate}/start", [], tokenFrom: $"/assignments/{refuseLate}");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("This assignment opens on", await early.Content.ReadAsStringAsync());

        clock.Advance(TimeSpan.FromHours(2));
        var start = await student.PostFormAsync($"/assignments/{refuseLate}/start", [], tokenFrom: $"/assignments/{refuseLate}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var attemptId = int.Parse(start.Headers.Location!.OriginalString.Split('/').Last());
        var attempt = await Db(factory, db => db.Attempts.SingleAsync(a => a.Id == attemptId));
        var due = await Db(factory, db => db.Assignments.Where(a => a.Id == refuseLate).Select(a => a.DueAt).SingleAsync());
        Assert.Equal(due, attempt.DeadlineAt); // a 600-minute limit cannot run past a refuse-late due time
        var submit = await student.PostFormAsync($"/attempts/{attemptId}", new() { ["present"] = "lede-support", ["q.lede-support"] = "none", ["action"] = "submit", ["confirm"] = "yes" }, tokenFrom: "/");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);

        var again = await student.PostFormAsync($"/assignments/{refuseLate}/start", [], tokenFrom: $"/assignments/{refuseLate}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("allows one attempt", await again.Content.ReadAsStringAsync());

        clock.Advance(TimeSpan.FromDays(2));
        var other = await ClassWorld.ClientAsync(factory, ClassWorld.Student2);
        var closed = await other.PostFormAsync($"/assignments/{refuseLate}/start", [], tokenFrom: $"/assignments/{refuseLate}");
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("late work is not accepted", await closed.Content.ReadAsStringAsync());
        Assert.Contains("Closed: not submitted", await other.GetStringAsync("/assignments"));

        var late = await other.PostFormAsync($"/assignments/{acceptLate}/start", [], tokenFrom: $"/assignments/{acceptLate}");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        var lateAttempt = int.Parse(late.Headers.Location!.OriginalString.Split('/').Last());
        await other.PostFormAsync($"/attempts/{lateAttempt}", new() { ["action"] = "submit", ["confirm"] = "yes" }, tokenFrom: "/");
        Assert.Contains("marked late", await other.GetStringAsync($"/attempts/{lateAttempt}/review"));
        Assert.Contains("status-late", await other.GetStringAsync("/assignments"));
    }

    [Fact]
    public async Task A_student_of_another_class_cannot_start_the_assignment()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var outsider = await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfOtherClass);
        var refused = await outsider.PostFormAsync($"/assignments/{world.AssignmentId}/start", [], tokenFrom: "/");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await Db(factory, db => db.Attempts.CountAsync(a => a.AssignmentId == world.AssignmentId && a.Student!.Email == ClassWorld.StudentOfOtherClass)));
    }

    [Fact]
    public async Task An_assignment_nobody_started_can_be_deleted_after_a_confirmation_and_one_with_attempts_cannot()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var id = await AssignAsync(factory, teacher, world.ClassId, Form("2026-01-12T08:00", "2099-01-14T23:59"));
        Assert.Contains("Delete this assignment", await teacher.GetStringAsync($"/assignments/{id}"));

        var asked = await teacher.PostFormAsync($"/assignments/{id}/delete", [], tokenFrom: $"/assignments/{id}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("No student has started it, so no work is lost.", await asked.Content.ReadAsStringAsync());
        Assert.True(await Db(factory, db => db.Assignments.AnyAsync(a => a.Id == id)));

        var deleted = await teacher.PostFormAsync($"/assignments/{id}/delete", new() { ["confirm"] = "yes" }, tokenFrom: $"/assignments/{id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await Db(factory, db => db.Assignments.AnyAsync(a => a.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/assignments/{id}")).StatusCode);

        // The world's assignment has attempts: no delete button, and a forced post is refused with nothing lost.
        Assert.DoesNotContain("Delete this assignment", await teacher.GetStringAsync($"/assignments/{world.AssignmentId}"));
        var attempts = await Db(factory, db => db.Attempts.CountAsync(a => a.AssignmentId == world.AssignmentId));
        var refused = await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/delete", new() { ["confirm"] = "yes" }, tokenFrom: $"/assignments/{world.AssignmentId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("their work would be lost", await refused.Content.ReadAsStringAsync());
        Assert.Equal(attempts, await Db(factory, db => db.Attempts.CountAsync(a => a.AssignmentId == world.AssignmentId)));
    }
}
