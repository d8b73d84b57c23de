using System.Net;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Classes;

public class ClassFlowTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private async Task<T> Db<T>(Func<ClassroomDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ClassroomDbContext>());
    }

    private async Task<(HttpClient Teacher, int ClassId, string Code)> NewClassAsync(string name)
    {
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var created = await teacher.PostFormAsync("/classes", new() { ["Name"] = name, ["Term"] = "Spring", ["TimeZone"] = "Europe/London" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var page = await teacher.GetStringAsync($"/classes/{id}");
        var code = Regex.Match(page, "<code id=\"join-code\">([A-Z0-9-]+)</code>").Groups[1].Value;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        return (teacher, id, code);
    }

    private async Task<HttpClient> NewStudentAsync(string name)
    {
        var client = factory.CreateBrowserLikeClient();
        var email = $"{Guid.NewGuid():N}@example.org";
        await client.PostFormAsync("/account/register", new() { ["DisplayName"] = name, ["Email"] = email, ["Password"] = "long enough pass", ["ConfirmPassword"] = "long enough pass" });
        return client;
    }

    private static Task<HttpResponseMessage> JoinAsync(HttpClient student, string code) =>
        student.PostFormAsync("/classes/join", new() { ["Code"] = code }, tokenFrom: "/classes");

    [Fact]
    public async Task A_student_joins_with_the_code_as_typed_and_appears_on_the_roster()
    {
        var (teacher, id, code) = await NewClassAsync("Period 3");
        var student = await NewStudentAsync("Dana Joiner");
        var joined = await JoinAsync(student, " " + code.ToLowerInvariant().Replace("-", " ") + " ");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/classes/{id}", joined.Headers.Location?.OriginalString);
        Assert.Contains("Period 3", await student.GetStringAsync("/classes"));
        Assert.Contains("Dana Joiner", await teacher.GetStringAsync($"/classes/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(student, code)).StatusCode); // joining twice is harmless
        Assert.Equal(1, await Db(db => db.Enrollments.CountAsync(e => e.ClassId == id)));
    }

    [Fact]
    public async Task A_new_code_stops_the_old_one_working()
    {
        var (teacher, id, oldCode) = await NewClassAsync("Period 4");
        var asked = await teacher.PostFormAsync($"/classes/{id}/code", [], tokenFrom: $"/classes/{id}");
        Assert.Contains($"The current code, {oldCode}, stops working at once.", await asked.Content.ReadAsStringAsync());
        Assert.Contains($"<code id=\"join-code\">{oldCode}</code>", await teacher.GetStringAsync($"/classes/{id}")); // not yet changed
        await teacher.PostFormAsync($"/classes/{id}/code", new() { ["confirm"] = "yes" }, tokenFrom: $"/classes/{id}");
        var newCode = Regex.Match(await teacher.GetStringAsync($"/classes/{id}"), "<code id=\"join-code\">([A-Z0-9-]+)</code>").Groups[1].Value;
        Assert.NotEqual(oldCode, newCode);

        var student = await NewStudentAsync("Late Comer");
        var refused = await JoinAsync(student, oldCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("No open class has that code", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(student, newCode)).StatusCode);
    }

    [Fact]
    public async Task An_archived_class_cannot_be_joined_until_restored()
    {
        var (teacher, id, code) = await NewClassAsync("Period 5");
        await teacher.PostFormAsync($"/classes/{id}/archive", [], tokenFrom: $"/classes/{id}");
        Assert.DoesNotContain("Period 5", await teacher.GetStringAsync("/classes"));
        Assert.Contains("Period 5", await teacher.GetStringAsync("/classes?archived=true"));
        var student = await NewStudentAsync("Too Soon");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await JoinAsync(student, code)).StatusCode);
        await teacher.PostFormAsync($"/classes/{id}/unarchive", [], tokenFrom: $"/classes/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(student, code)).StatusCode);
    }

    [Fact]
    public async Task Renaming_keeps_the_class_and_refuses_an_unknown_time_zone()
    {
        var (teacher, id, _) = await NewClassAsync("Period 6");
        var bad = await teacher.PostFormAsync($"/classes/{id}/settings", new() { ["Name"] = "Period 6B", ["TimeZone"] = "Mars/Olympus" }, tokenFrom: $"/classes/{id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Choose a time zone", await bad.Content.ReadAsStringAsync());
        Assert.Equal("Period 6", await Db(db => db.Classes.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
        await teacher.PostFormAsync($"/classes/{id}/settings", new() { ["Name"] = "Period 6B", ["Term"] = "Autumn", ["TimeZone"] = "America/Chicago" }, tokenFrom: $"/classes/{id}");
        var saved = await Db(db => db.Classes.SingleAsync(c => c.Id == id));
        Assert.Equal(("Period 6B", "Autumn", "America/Chicago"), (saved.Name, saved.Term, saved.TimeZone));
    }

    [Fact]
    public async Task Removing_a_student_keeps_their_attempts_and_ends_their_access()
    {
        await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var classId = await Db(db => db.Classes.Where(c => c.Name == "Period 1").Select(c => c.Id).SingleAsync());
        var student3 = await ClassWorld.ClientAsync(factory, ClassWorld.Student3);
        var student3Id = await Db(db => db.Users.Where(u => u.Email == ClassWorld.Student3).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await student3.GetAsync($"/classes/{classId}")).StatusCode);
        var attemptsBefore = await Db(db => db.Attempts.CountAsync());

        // The button asks first: the confirmation page names the student and what is kept, and nothing changes yet.
        var asked = await teacher.PostFormAsync($"/classes/{classId}/students/{student3Id}/remove", [], tokenFrom: $"/classes/{classId}");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Remove Chloe Martin from the class?", await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await student3.GetAsync($"/classes/{classId}")).StatusCode);

        var removed = await teacher.PostFormAsync($"/classes/{classId}/students/{student3Id}/remove", new() { ["confirm"] = "yes" }, tokenFrom: $"/classes/{classId}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var roster = await teacher.GetStringAsync($"/classes/{classId}");
        Assert.Contains("Chloe Martin was removed from the class. Their attempts are kept.", roster);
        Assert.DoesNotContain("<td>Chloe Martin</td>", roster);
        Assert.Equal(HttpStatusCode.NotFound, (await student3.GetAsync($"/classes/{classId}")).StatusCode);
        Assert.Equal(attemptsBefore, await Db(db => db.Attempts.CountAsync()));
        Assert.NotNull(await Db(db => db.Enrollments.Where(e => e.StudentId == student3Id).Select(e => e.RemovedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_co_instructor_added_by_email_can_open_the_class()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var (teacher, id, _) = await NewClassAsync("Period 7");
        var other = await ClassWorld.ClientAsync(factory, ClassWorld.OtherInstructor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/classes/{id}")).StatusCode);

        var notInstructor = await teacher.PostFormAsync($"/classes/{id}/instructors", new() { ["Email"] = ClassWorld.StudentOfClass }, tokenFrom: $"/classes/{id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notInstructor.StatusCode);
        Assert.Contains("No instructor account has that email", await notInstructor.Content.ReadAsStringAsync());

        await teacher.PostFormAsync($"/classes/{id}/instructors", new() { ["Email"] = ClassWorld.OtherInstructor }, tokenFrom: $"/classes/{id}");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/classes/{id}")).StatusCode);
        Assert.Contains("Mr. Other", await teacher.GetStringAsync($"/classes/{id}"));
        Assert.Equal(world.OtherClassId, world.OtherClassId);
    }

    [Fact]
    public async Task Admin_sees_every_class()
    {
        await ClassWorld.BuildAsync(factory);
        var admin = await ClassWorld.ClientAsync(factory, ClassWorld.Admin);
        var page = await admin.GetStringAsync("/classes");
        Assert.Contains("Period 1", page);
        Assert.Contains("Period 9", page);
        Assert.Contains("All classes", page);
    }

    [Fact]
    public async Task The_demo_class_has_an_assignment_with_two_submitted_attempts_and_one_essay_waiting()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var attempts = await Db(db => db.Attempts.Where(a => a.AssignmentId == world.AssignmentId && a.SubmittedAt != null).CountAsync());
        var essaysWaiting = await Db(db => db.Responses.CountAsync(r => r.QuestionId == "essay" && r.NeedsGrading && db.Attempts.Any(a => a.Id == r.AttemptId && a.AssignmentId == world.AssignmentId)));
        Assert.Equal(2, attempts);
        Assert.Equal(1, essaysWaiting);
    }
}
