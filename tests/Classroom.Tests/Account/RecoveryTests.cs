using System.Net;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Account;

/// <summary>Forgotten passwords have a fix without email; signed-in people change theirs; admins' first passwords do not last.</summary>
public partial class RecoveryTests
{
    [GeneratedRegex("<code id=\"reset-code\">([A-Z0-9-]+)</code>")]
    private static partial Regex CodeOnPage();

    private static async Task<string> IssueAsync(HttpClient teacher, string url, string tokenFrom)
    {
        var response = await teacher.PostFormAsync(url, [], tokenFrom: tokenFrom);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = CodeOnPage().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "no code on the page");
        return match.Groups[1].Value;
    }

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string email, string code, string password) =>
        client.PostFormAsync("/account/reset", new() { ["Email"] = email, ["Code"] = code, ["Password"] = password, ["ConfirmPassword"] = password });

    [Fact]
    public async Task A_teacher_gives_a_student_a_one_time_code_and_the_student_chooses_a_new_password()
    {
        var clock = new TestClock();
        using var factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var data = new TestData(factory);
        var teacher = await data.InstructorAsync("Ms. Reset");
        var student = await data.StudentAsync("Forgetful Fran");
        var stranger = await data.StudentAsync("Not In Class");
        var c = await data.ClassAsync(teacher, "Period 5", [student]);
        var teacherClient = await data.ClientAsync(teacher);
        var studentOldSession = await data.ClientAsync(student);

        // Only for a student of the teacher's own class.
        Assert.Equal(HttpStatusCode.NotFound, (await teacherClient.PostFormAsync($"/classes/{c.Id}/students/{stranger.Id}/reset-code", [], tokenFrom: $"/classes/{c.Id}")).StatusCode);
        var code = await IssueAsync(teacherClient, $"/classes/{c.Id}/students/{student.Id}/reset-code", $"/classes/{c.Id}");
        Assert.Equal(1, await data.DbAsync(db => db.ResetCodes.CountAsync(r => r.UserId == student.Id)));
        Assert.DoesNotContain(code.Replace("-", ""), await data.DbAsync(db => db.ResetCodes.Select(r => r.CodeHash).SingleAsync()));

        var anon = factory.CreateBrowserLikeClient();
        var wrong = await RedeemAsync(anon, student.Email, "AAAA-BBBB-CCCC", "brand new password");
        Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync());
        var used = await RedeemAsync(anon, student.Email, code.ToLowerInvariant().Replace("-", " "), "brand new password");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Contains("Forgetful Fran</a>", await anon.GetStringAsync("/"));
        await factory.CreateBrowserLikeClient().SignInOrFailAsync(student.Email, "brand new password");
        // The old session (someone else's copy of the cookie, say) ended with the reset.
        Assert.Equal(HttpStatusCode.Redirect, (await studentOldSession.GetAsync("/classes")).StatusCode);

        // Used once only.
        var again = await RedeemAsync(factory.CreateBrowserLikeClient(), student.Email, code, "another new password");
        Assert.Contains("do not match", await again.Content.ReadAsStringAsync());

        // A new code expires after 24 hours.
        var late = await IssueAsync(teacherClient, $"/classes/{c.Id}/students/{student.Id}/reset-code", $"/classes/{c.Id}");
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var expired = await RedeemAsync(factory.CreateBrowserLikeClient(), student.Email, late, "another new password");
        Assert.Contains("do not match", await expired.Content.ReadAsStringAsync());

        var kinds = await data.DbAsync(db => db.SignInEvents.Where(e => e.UserId == student.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(2, kinds.Count(k => k == SignInKinds.ResetCodeIssued));
        Assert.Contains(SignInKinds.ResetCodeUsed, kinds);
        Assert.Contains(SignInKinds.ResetCodeRefused, kinds);
    }

    [Fact]
    public async Task An_admin_gives_anyone_a_code_and_a_newer_code_replaces_the_older()
    {
        using var factory = new ClassroomFactory();
        var data = new TestData(factory);
        var admin = await data.ClientAsync(await data.AdminAsync());
        var teacher = await data.InstructorAsync("Mr. Forgot");
        var first = await IssueAsync(admin, $"/admin/users/{teacher.Id}/reset-code", "/admin/users");
        var second = await IssueAsync(admin, $"/admin/users/{teacher.Id}/reset-code", "/admin/users");
        var client = factory.CreateBrowserLikeClient();
        Assert.Contains("do not match", await (await RedeemAsync(client, teacher.Email, first, "the teacher's new one")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RedeemAsync(client, teacher.Email, second, "the teacher's new one")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_person_changes_their_password_and_every_other_device_is_signed_out()
    {
        using var factory = new ClassroomFactory();
        var data = new TestData(factory);
        var person = await data.StudentAsync("Changing Chris");
        var laptop = await data.ClientAsync(person);
        var phone = await data.ClientAsync(person);
        var wrong = await laptop.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "not it at all", ["NewPassword"] = "my own new password", ["ConfirmPassword"] = "my own new password" });
        Assert.Contains("That is not your current password.", await wrong.Content.ReadAsStringAsync());
        var changed = await laptop.PostFormAsync("/account/password", new() { ["CurrentPassword"] = TestData.Password, ["NewPassword"] = "my own new password", ["ConfirmPassword"] = "my own new password" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/classes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/classes")).StatusCode);
        await factory.CreateBrowserLikeClient().SignInOrFailAsync(person.Email, "my own new password");
    }

    [Fact]
    public async Task An_account_an_admin_made_must_choose_its_own_password_before_anything_else()
    {
        using var factory = new ClassroomFactory();
        var data = new TestData(factory);
        var admin = await data.ClientAsync(await data.AdminAsync());
        await admin.PostFormAsync("/admin/instructors", new() { ["DisplayName"] = "Ms. New", ["Email"] = "new.teacher@school.test", ["Password"] = "chosen by the admin" });
        var teacher = factory.CreateBrowserLikeClient();
        var signIn = await teacher.SignInAsync("new.teacher@school.test", "chosen by the admin");
        Assert.Equal("/account/password", signIn.Headers.Location?.OriginalString);
        var elsewhere = await teacher.GetAsync("/classes");
        Assert.Equal("/account/password", elsewhere.Headers.Location?.OriginalString);
        Assert.Contains("Choose your own password", await teacher.GetStringAsync("/account/password"));
        await teacher.PostFormAsync("/account/password", new() { ["CurrentPassword"] = "chosen by the admin", ["NewPassword"] = "only I know this", ["ConfirmPassword"] = "only I know this" });
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync("/classes")).StatusCode);
    }

    [Fact]
    public async Task With_mail_set_up_a_forgotten_password_link_arrives_and_works_once()
    {
        var folder = Directory.CreateTempSubdirectory("classroom-mail-").FullName;
        try
        {
            using var factory = new ClassroomFactory { Settings = { ["Mail:PickupFolder"] = folder } };
            var data = new TestData(factory);
            var person = await data.StudentAsync("Mailable Mo");
            var client = factory.CreateBrowserLikeClient();
            Assert.Contains("Get a reset link by email", await client.GetStringAsync("/account/login"));
            var sent = await client.PostFormAsync("/account/forgot", new() { ["Email"] = person.Email });
            var unknown = await client.PostFormAsync("/account/forgot", new() { ["Email"] = "nobody@school.test" });
            Assert.Equal(await Normalized(sent), await Normalized(unknown)); // the same page either way
            var mail = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var text = await File.ReadAllTextAsync(mail);
            Assert.Contains(person.Email, text);
            var link = Regex.Match(Regex.Replace(text, "=\\r?\\n", ""), @"http://localhost(/account/reset\?email=[^\s]+)").Groups[1].Value.Replace("=3D", "=");
            Assert.False(string.IsNullOrEmpty(link));
            var form = await client.GetStringAsync(link);
            var token = Regex.Match(form, "name=\"Token\" value=\"([^\"]+)\"").Groups[1].Value;
            var reset = await client.PostFormAsync("/account/reset", new() { ["Email"] = person.Email, ["Token"] = WebUtility.HtmlDecode(token), ["Password"] = "from the link", ["ConfirmPassword"] = "from the link" }, tokenFrom: link);
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
            await factory.CreateBrowserLikeClient().SignInOrFailAsync(person.Email, "from the link");
            var again = await factory.CreateBrowserLikeClient().PostFormAsync("/account/reset", new() { ["Email"] = person.Email, ["Token"] = WebUtility.HtmlDecode(token), ["Password"] = "second time", ["ConfirmPassword"] = "second time" }, tokenFrom: link);
            Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static async Task<string> Normalized(HttpResponseMessage r) =>
            Regex.Replace(await r.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");
    }

    [Fact]
    public async Task Without_mail_the_forgot_page_sends_people_to_their_teacher()
    {
        using var factory = new ClassroomFactory { EnvironmentName = "Production" };
        var client = factory.CreateBrowserLikeClient();
        Assert.DoesNotContain("Get a reset link by email", await client.GetStringAsync("/account/login"));
        Assert.Contains("Ask your teacher", await client.GetStringAsync("/account/forgot"));
    }
}
