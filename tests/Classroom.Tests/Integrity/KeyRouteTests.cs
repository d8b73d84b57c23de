using System.Net;
using Classroom.Tests.Attempts;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Tests.Integrity;

/// <summary>
/// No key reaches a student before their own assignment allows it: practice (which shows keys) is paused on
/// every route while a student of the class has the same quiz assigned and its keys are still hidden from them.
/// </summary>
public class KeyRouteTests
{
    private sealed record Setup(ClassroomFactory Factory, TestData Data, Person Teacher, Person Student, Person Elsewhere, Assignment Assignment,
        int EarlierPractice);

    /// <summary>
    /// A student practised the Tal Afar quiz (and saw its keys) before; then the teacher assigns it to the class.
    /// Another student, in another class, practises freely.
    /// </summary>
    private static async Task<Setup> SetUpAsync(ReviewPolicy policy, LessonMarkup markup = LessonMarkup.OpenBook)
    {
        var factory = new ClassroomFactory();
        var data = new TestData(factory);
        var teacher = await data.InstructorAsync("Ms. Keys");
        var student = await data.StudentAsync("Kim Student");
        var elsewhere = await data.StudentAsync("Lee Elsewhere");
        var c = await data.ClassAsync(teacher, "Period 2", [student]);
        var other = await data.ClassAsync(await data.InstructorAsync("Mr. Other"), "Period 8", [elsewhere]);
        var practice = new AttemptClient(await data.ClientAsync(student));
        var earlier = await practice.StartAsync();
        await practice.SubmitAsync(earlier, await practice.TokenAsync(), ("present", "outlet"), ("q.outlet", "not-stated"));
        var assignment = await data.AssignAsync(c, change: a => { a.ReviewPolicy = policy; a.LessonMarkup = markup; });
        return new Setup(factory, data, teacher, student, elsewhere, assignment, earlier);
    }

    private static async Task AssertPausedAsync(Setup s, bool paused)
    {
        var client = await s.Data.ClientAsync(s.Student);
        var page = await client.GetStringAsync("/lessons/tal-afar-offensive/quiz");
        Assert.Equal(paused, page.Contains("Practice shows the answers, so it is paused"));
        Assert.Equal(!paused, page.Contains("Start"));

        var routes = new[] { $"/attempts/{s.EarlierPractice}/review", $"/attempts/{s.EarlierPractice}/report.pdf" };
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            Assert.True(paused ? response.StatusCode == HttpStatusCode.Forbidden : response.IsSuccessStatusCode, $"{route}: {response.StatusCode}");
            if (paused)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains("opens again", body);
                Assert.DoesNotContain("in the key", body);
            }
        }
        var start = await client.PostFormAsync("/lessons/tal-afar-offensive/quiz/attempts", [], tokenFrom: "/");
        Assert.Equal(paused ? HttpStatusCode.Forbidden : HttpStatusCode.Redirect, start.StatusCode);
        if (paused)
            Assert.Equal(0, await s.Data.DbAsync(db => db.Attempts.CountAsync(a => a.StudentId == s.Student.Id && a.AssignmentId == null && a.Status == AttemptStatus.InProgress)));
    }

    private static async Task SubmitAssignmentAsync(Setup s) =>
        await s.Data.SubmitAsync(s.Student, s.Assignment, quiz => new() { ["outlet"] = new Answer { Choices = ["not-stated"] } });

    private static async Task ReleaseAsync(Setup s)
    {
        var teacher = await s.Data.ClientAsync(s.Teacher);
        var released = await teacher.PostFormAsync($"/assignments/{s.Assignment.Id}/release", [], tokenFrom: $"/assignments/{s.Assignment.Id}");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
    }

    [Theory]
    [InlineData(ReviewPolicy.NothingUntilRelease)]
    [InlineData(ReviewPolicy.ScoreOnly)]
    public async Task Practice_stays_paused_after_submitting_until_the_teacher_releases(ReviewPolicy policy)
    {
        var s = await SetUpAsync(policy);
        using var _ = s.Factory;
        await AssertPausedAsync(s, paused: true);
        await SubmitAssignmentAsync(s);
        await AssertPausedAsync(s, paused: true);
        await ReleaseAsync(s);
        await AssertPausedAsync(s, paused: false);
    }

    [Fact]
    public async Task With_score_and_keys_practice_opens_once_the_student_submits()
    {
        var s = await SetUpAsync(ReviewPolicy.ScoreAndKeys);
        using var _ = s.Factory;
        await AssertPausedAsync(s, paused: true);
        await SubmitAssignmentAsync(s);
        await AssertPausedAsync(s, paused: false);
    }

    [Fact]
    public async Task A_student_of_another_class_and_a_visitor_are_not_affected()
    {
        var s = await SetUpAsync(ReviewPolicy.NothingUntilRelease);
        using var _ = s.Factory;
        var elsewhere = new AttemptClient(await s.Data.ClientAsync(s.Elsewhere));
        var attempt = await elsewhere.StartAsync();
        await elsewhere.SubmitAsync(attempt, await elsewhere.TokenAsync(), ("present", "outlet"), ("q.outlet", "not-stated"));
        Assert.Contains("in the key", await elsewhere.Http.GetStringAsync($"/attempts/{attempt}/review"));
        // Anonymous visitors see the public course, and no practice at all without signing in.
        var anonymous = s.Factory.CreateBrowserLikeClient();
        Assert.Contains("The article, marked up", await anonymous.GetStringAsync("/lessons/tal-afar-offensive"));
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/lessons/tal-afar-offensive/quiz")).StatusCode);
    }

    [Fact]
    public async Task Removed_students_and_archived_classes_no_longer_pause_practice()
    {
        var s = await SetUpAsync(ReviewPolicy.NothingUntilRelease);
        using var _ = s.Factory;
        await AssertPausedAsync(s, paused: true);
        await s.Data.DbAsync(async db =>
        {
            var c = await db.Classes.SingleAsync(c => c.Id == s.Assignment.ClassId);
            c.ArchivedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await AssertPausedAsync(s, paused: false);
    }

    [Fact]
    public async Task Try_first_shows_the_class_the_article_plain_until_each_student_submits()
    {
        var s = await SetUpAsync(ReviewPolicy.ScoreOnly, LessonMarkup.TryFirst);
        using var _ = s.Factory;
        var student = await s.Data.ClientAsync(s.Student);
        var plain = await student.GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains("Try first", plain);
        Assert.Contains("when you submit it, or when it closes on", plain);
        Assert.DoesNotContain("<mark class=\"ann", plain);
        Assert.DoesNotContain("Source ledger", plain);
        Assert.DoesNotContain("class=\"note ", plain);
        Assert.Contains("id=\"s4-1\"", plain); // the article itself, with its sentence numbers

        foreach (var who in new[] { await s.Data.ClientAsync(s.Elsewhere), await s.Data.ClientAsync(s.Teacher), s.Factory.CreateClient() })
        {
            var full = await who.GetStringAsync("/lessons/tal-afar-offensive");
            Assert.Contains("<mark class=\"ann", full);
            Assert.DoesNotContain("Try first", full);
        }

        await SubmitAssignmentAsync(s);
        var after = await student.GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains("<mark class=\"ann", after);
        Assert.Contains("Source ledger", after);
    }

    [Fact]
    public async Task Try_first_opens_the_markup_when_the_assignment_closes()
    {
        var s = await SetUpAsync(ReviewPolicy.ScoreOnly, LessonMarkup.TryFirst);
        using var _ = s.Factory;
        var student = await s.Data.ClientAsync(s.Student);
        Assert.Contains("Try first", await student.GetStringAsync("/lessons/tal-afar-offensive"));
        await s.Data.DbAsync(async db =>
        {
            var a = await db.Assignments.SingleAsync(a => a.Id == s.Assignment.Id);
            a.DueAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("<mark class=\"ann", await student.GetStringAsync("/lessons/tal-afar-offensive"));
    }

    [Fact]
    public async Task Open_book_assignments_leave_the_lesson_marked_up()
    {
        var s = await SetUpAsync(ReviewPolicy.ScoreOnly);
        using var _ = s.Factory;
        var page = await (await s.Data.ClientAsync(s.Student)).GetStringAsync("/lessons/tal-afar-offensive");
        Assert.Contains("<mark class=\"ann", page);
        Assert.DoesNotContain("Try first", page);
    }
}
