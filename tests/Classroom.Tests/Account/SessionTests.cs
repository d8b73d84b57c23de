using System.Net;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Classroom.Tests.Account;

/// <summary>Sign-out ends the session on the server: a copied cookie stops working. Staff can add an authenticator app.</summary>
public partial class SessionTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private readonly TestData data = new(factory);

    /// <summary>The sign-in cookie, as someone who copied it would replay it.</summary>
    private static async Task<HttpClient> CopyOfCookieAsync(ClassroomFactory factory, HttpClient signedIn)
    {
        var response = await signedIn.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var copy = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = response.RequestMessage!.Headers.GetValues("Cookie").Single().Split("; ").Single(c => c.StartsWith("classroom.auth="));
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account")).StatusCode);
        return copy;
    }

    private static async Task AssertDeadAsync(HttpClient copy)
    {
        var response = await copy.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_at_sign_out()
    {
        var person = await data.StudentAsync("Sign Out");
        var client = await data.ClientAsync(person);
        var copy = await CopyOfCookieAsync(factory, client);
        await client.PostFormAsync("/account/logout", [], tokenFrom: "/");
        await AssertDeadAsync(copy);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_the_owner_signs_out_everywhere_and_the_devices_page_lists_sessions()
    {
        var person = await data.StudentAsync("Many Devices");
        var laptop = await data.ClientAsync(person);
        var phone = await data.ClientAsync(person);
        var copy = await CopyOfCookieAsync(factory, phone);
        var page = await laptop.GetStringAsync("/account/sessions");
        Assert.Equal(2, Regex.Matches(page, "<tr>").Count - 1);
        Assert.Contains("(this device)", page);
        await laptop.PostFormAsync("/account/sessions/end-all", [], tokenFrom: "/account/sessions");
        await AssertDeadAsync(copy);
        await AssertDeadAsync(laptop);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_an_admin_ends_the_sessions()
    {
        var person = await data.StudentAsync("Ended By Admin");
        var copy = await CopyOfCookieAsync(factory, await data.ClientAsync(person));
        var admin = await data.ClientAsync(await data.AdminAsync());
        await admin.PostFormAsync($"/admin/users/{person.Id}/end-sessions", [], tokenFrom: "/admin/users");
        await AssertDeadAsync(copy);
        Assert.Contains(await data.DbAsync(db => db.SignInEvents.Where(e => e.UserId == person.Id).Select(e => e.Kind).ToListAsync()), k => k == SignInKinds.SessionsEnded);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_at_a_password_change_and_at_a_reset()
    {
        var person = await data.StudentAsync("Password Changer");
        var client = await data.ClientAsync(person);
        var copy = await CopyOfCookieAsync(factory, await data.ClientAsync(person));
        await client.PostFormAsync("/account/password", new() { ["CurrentPassword"] = TestData.Password, ["NewPassword"] = "changed once now", ["ConfirmPassword"] = "changed once now" });
        await AssertDeadAsync(copy);

        var again = await CopyOfCookieAsync(factory, client);
        var admin = await data.ClientAsync(await data.AdminAsync());
        var issued = await admin.PostFormAsync($"/admin/users/{person.Id}/reset-code", [], tokenFrom: "/admin/users");
        var code = Regex.Match(await issued.Content.ReadAsStringAsync(), "<code id=\"reset-code\">([A-Z0-9-]+)</code>").Groups[1].Value;
        await factory.CreateBrowserLikeClient().PostFormAsync("/account/reset", new() { ["Email"] = person.Email, ["Code"] = code, ["Password"] = "reset this time", ["ConfirmPassword"] = "reset this time" });
        await AssertDeadAsync(again);
    }

    private static string Key(string page) =>
        Regex.Match(page, "<code class=\"key\" id=\"totp-key\">([A-Z2-7 ]+)</code>").Groups[1].Value.Replace(" ", "");

    private static string CodeFor(string key, DateTime? at = null) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at ?? DateTime.UtcNow);

    [Fact]
    public async Task A_teacher_turns_on_an_authenticator_app_and_then_needs_a_code_to_sign_in()
    {
        var teacher = await data.InstructorAsync("Ms. Two Step");
        var client = await data.ClientAsync(teacher);
        var setup = await client.GetStringAsync("/account/two-factor");
        var key = Key(setup);
        Assert.Equal(32, key.Length);
        var qr = await client.GetAsync("/account/two-factor/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());

        var wrong = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = "000000" }, tokenFrom: "/account/two-factor");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var on = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = CodeFor(key) }, tokenFrom: "/account/two-factor");
        var recovery = Regex.Matches(await on.Content.ReadAsStringAsync(), "<li><code>([A-Z0-9-]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recovery.Count);

        // Signing in now takes a second step.
        var fresh = factory.CreateBrowserLikeClient();
        var first = await fresh.SignInAsync(teacher.Email, TestData.Password);
        Assert.StartsWith("/account/second-step", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/classes")).StatusCode); // not signed in yet
        var refused = await fresh.PostFormAsync("/account/second-step", new() { ["Code"] = "123456" }, tokenFrom: "/account/second-step");
        Assert.Contains("That code is not right", await refused.Content.ReadAsStringAsync());
        // The code just used to turn it on cannot be used again; the next one can.
        var next = CodeFor(key, DateTime.UtcNow.AddSeconds(30));
        var done = await fresh.PostFormAsync("/account/second-step", new() { ["Code"] = next }, tokenFrom: "/account/second-step");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/classes")).StatusCode);

        var replay = factory.CreateBrowserLikeClient();
        await replay.SignInAsync(teacher.Email, TestData.Password);
        var reused = await replay.PostFormAsync("/account/second-step", new() { ["Code"] = next }, tokenFrom: "/account/second-step");
        Assert.Contains("already used", await reused.Content.ReadAsStringAsync());

        // A recovery code works once.
        var lost = factory.CreateBrowserLikeClient();
        await lost.SignInAsync(teacher.Email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await lost.PostFormAsync("/account/second-step", new() { ["Code"] = recovery[0] }, tokenFrom: "/account/second-step")).StatusCode);
        var lostAgain = factory.CreateBrowserLikeClient();
        await lostAgain.SignInAsync(teacher.Email, TestData.Password);
        Assert.Contains("That code is not right", await (await lostAgain.PostFormAsync("/account/second-step", new() { ["Code"] = recovery[0] }, tokenFrom: "/account/second-step")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_the_admin_requires_it_staff_set_up_two_step_sign_in_before_anything_else()
    {
        using var own = new ClassroomFactory();
        var ownData = new TestData(own);
        var admin = await ownData.ClientAsync(await ownData.AdminAsync());
        await admin.PostFormAsync("/admin/settings", new() { ["RequireStaffTwoFactor"] = "true" });
        var teacher = await ownData.InstructorAsync("Mr. Must");
        var student = await ownData.StudentAsync("Student Free");

        var client = own.CreateBrowserLikeClient();
        var signIn = await client.SignInAsync(teacher.Email, TestData.Password);
        Assert.Equal("/account/two-factor", signIn.Headers.Location!.OriginalString);
        Assert.Equal("/account/two-factor", (await client.GetAsync("/classes")).Headers.Location!.OriginalString);
        var key = Key(await client.GetStringAsync("/account/two-factor"));
        await client.PostFormAsync("/account/two-factor", new() { ["Code"] = CodeFor(key) }, tokenFrom: "/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/classes")).StatusCode);

        var studentClient = own.CreateBrowserLikeClient();
        Assert.Equal("/", (await studentClient.SignInAsync(student.Email, TestData.Password)).Headers.Location!.OriginalString);
    }
}
