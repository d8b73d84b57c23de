using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Home;

/// <summary>The first page after signing in: a teacher's week, a student's work, or a join prompt.</summary>
public class HomeTests : IDisposable
{
    private readonly TestClock clock = new();
    private readonly ClassroomFactory factory;
    private readonly TestData data;

    public HomeTests()
    {
        factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        data = new TestData(factory);
    }

    public void Dispose() => factory.Dispose();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_teacher_lands_on_what_to_grade_what_is_due_who_has_not_started_and_what_came_in()
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var ava = await data.StudentAsync("Ava Adams");
        var ben = await data.StudentAsync("Ben Brown");
        var cleo = await data.StudentAsync("Cleo Chen");
        var dan = await data.StudentAsync("Dan Diaz");
        var period2 = await data.ClassAsync(teacher, "Period 2", [ava, ben, cleo, dan], "America/Chicago");
        await data.ClassAsync(teacher, "Period 7", [], "America/Chicago");
        var dueSoon = await data.AssignAsync(period2, change: a => { a.Title = "Tal Afar check"; a.DueAt = Now.AddDays(2); });
        await data.AssignAsync(period2, "mosul-retreat", a => { a.Title = "Mosul, later"; a.DueAt = Now.AddDays(20); });
        var essay = TestData.Only<EssayQuestion>(data.Catalog.QuizForLesson("tal-afar-offensive")!);
        await data.SubmitAsync(ava, dueSoon, _ => new() { [essay] = new() { Text = "Unnamed sources, then Al-Jazeera." } });
        clock.Advance(TimeSpan.FromMinutes(5));
        await data.SubmitAsync(ben, dueSoon, _ => new());
        // Cleo is excused from it: she is not "not started".
        await data.DbAsync(async db =>
        {
            db.StudentExceptions.Add(new StudentException { ClassId = period2.Id, AssignmentId = dueSoon.Id, StudentId = cleo.Id, Kind = ExceptionKind.Excused,
                Value = "true", Reason = "New", ById = teacher.Id, At = Now });
            return await db.SaveChangesAsync();
        });

        var client = await data.ClientAsync(teacher);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Your week", home);
        Assert.Contains("Period 2", home);
        Assert.Contains("Period 7", home);
        // Waiting answers, linked straight into the queue at the first waiting question in quiz order.
        var quiz = data.Catalog.QuizForLesson("tal-afar-offensive")!;
        var firstOpen = quiz.Questions.First(q => q.NeedsInstructor).Id;
        var waiting = await data.DbAsync(db => db.Responses.CountAsync(r => r.NeedsGrading && r.Attempt!.AssignmentId == dueSoon.Id));
        Assert.Contains($"<a href=\"/assignments/{dueSoon.Id}/grading/questions/{firstOpen}\">Grade {waiting} answers</a> in Tal Afar check", home);
        // Due in the next 7 days, in the class's zone, with counts; the one due in 20 days is not listed.
        Assert.Contains($"Tal Afar check</a>, due {Classroom.Web.Features.Shared.ClassTime.Format(dueSoon.DueAt, "America/Chicago")}", home);
        Assert.Contains("2 of 3 submitted", home); // Cleo is excused
        Assert.Contains("Not started: Dan Diaz.", home);
        Assert.DoesNotContain("Mosul, later", home.Split("Recent submissions")[0].Split("Due in the next 7 days")[1]);
        // Recent submissions, newest first, each linked to the student's answers.
        Assert.Matches($"href=\"/assignments/{dueSoon.Id}/grading/attempts/\\d+\">Ben Brown</a>, Tal Afar check", home);
        Assert.Contains("Ava Adams</a>, Tal Afar check", home);
        Assert.True(home.IndexOf(">Ben Brown</a>", StringComparison.Ordinal) < home.IndexOf(">Ava Adams</a>", StringComparison.Ordinal));
        Assert.Contains("Nothing waiting.", home); // Period 7
    }

    [Fact]
    public async Task A_student_lands_on_their_assignments_by_due_date_and_a_new_student_on_a_join_prompt()
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var ava = await data.StudentAsync("Ava Adams");
        var c = await data.ClassAsync(teacher, "Period 2", [ava], "Europe/Paris");
        await data.AssignAsync(c, "mosul-retreat", a => { a.Title = "Second"; a.DueAt = Now.AddDays(5); });
        await data.AssignAsync(c, change: a => { a.Title = "First"; a.DueAt = Now.AddDays(1); });
        var home = await (await data.ClientAsync(ava)).GetStringAsync("/");
        Assert.Contains("Your work", home);
        Assert.True(home.IndexOf(">First<", StringComparison.Ordinal) < home.IndexOf(">Second<", StringComparison.Ordinal));
        Assert.Contains("(Europe/Paris)", home);
        Assert.Contains(">Open<", home);

        // Signing up lands a new student on a prompt for their class's code.
        var fresh = factory.CreateBrowserLikeClient();
        var signedUp = await fresh.PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "Dee New", ["Email"] = "dee.new@school.test", ["Password"] = "a-long-password-1", ["ConfirmPassword"] = "a-long-password-1",
        }, tokenFrom: "/account/register");
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        var landing = await fresh.GetStringAsync(signedUp.Headers.Location!.OriginalString);
        Assert.Contains("Join your class", landing);
        Assert.Contains("action=\"/classes/join\"", landing);
        // The header names the person, not their email.
        Assert.Contains("Dee New", landing);
        Assert.DoesNotContain(">dee.new@school.test<", landing);
    }

    [Fact]
    public async Task After_the_class_due_time_the_week_still_lists_students_whose_extension_falls_in_it()
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var ava = await data.StudentAsync("Ava Adams");
        var ben = await data.StudentAsync("Ben Brown");
        var c = await data.ClassAsync(teacher, "Period 5", [ava, ben]);
        var a = await data.AssignAsync(c, change: x => { x.Title = "Closed for most"; x.DueAt = Now.AddDays(-1); });
        await data.DbAsync(async db =>
        {
            db.StudentExceptions.Add(new StudentException { ClassId = c.Id, AssignmentId = a.Id, StudentId = ava.Id, Kind = ExceptionKind.Extension,
                Value = Now.AddDays(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Reason = "Ill", ById = teacher.Id, At = Now });
            return await db.SaveChangesAsync();
        });
        var home = await (await data.ClientAsync(teacher)).GetStringAsync("/");
        Assert.Contains("for 1 student with an extension", home);
        Assert.Contains("0 of 1 submitted", home);
        Assert.Contains("Not started: Ava Adams.", home);
        Assert.DoesNotContain("Ben Brown", home.Split("Due in the next 7 days")[1].Split("Recent submissions")[0]);
    }
}
