using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Classroom.BrowserTests;

/// <summary>The account pages as a teacher and a student use them, under the site's Content-Security-Policy.</summary>
[Collection(nameof(BrowserCollection))]
public class AccountPagesTests(BrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    [Fact]
    public async Task The_policy_is_on_in_the_browser_and_blocks_an_inline_script()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/lessons/tal-afar-offensive");
        var ran = await page.EvaluateAsync<bool>(@"() => new Promise(resolve => {
            window.__injected = false;
            const s = document.createElement('script');
            s.textContent = 'window.__injected = true;';
            document.body.appendChild(s);
            setTimeout(() => resolve(window.__injected), 200);
        })");
        Assert.False(ran);
        Assert.True(BrowserFixture.CspViolations.TryGetValue(page, out var refused) && refused.Count > 0, "the browser reported no refusal");
    }

    [Fact]
    public async Task A_teacher_makes_a_reset_code_and_the_student_chooses_a_new_password_with_it()
    {
        var teacher = await fixture.NewPageAsync();
        await teacher.GotoAsync("/account/login");
        await teacher.GetByLabel("Email").FillAsync("instructor@example.com");
        await teacher.GetByLabel("Password").FillAsync("demo-classroom");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await teacher.GotoAsync("/account");
        await Accessibility.AssertNoSeriousViolationsAsync(teacher);
        await teacher.GotoAsync("/account/two-factor");
        await Assertions.Expect(teacher.Locator("#totp-key")).ToBeVisibleAsync();
        Assert.True(await teacher.Locator(".qr img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await teacher.ScreenshotAsync(new() { Path = Shot("account-two-factor.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(teacher);
        await teacher.GotoAsync("/account/sessions");
        await Accessibility.AssertNoSeriousViolationsAsync(teacher);

        await teacher.GotoAsync("/classes");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Period 1" }).ClickAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Make a password reset code for Chloe Martin" }).ClickAsync();
        var code = await teacher.Locator("#reset-code").InnerTextAsync();
        Assert.Matches(new Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$"), code);
        await teacher.ScreenshotAsync(new() { Path = Shot("reset-code.png") });
        await Accessibility.AssertNoSeriousViolationsAsync(teacher);

        var student = await fixture.NewPageAsync(390, 844);
        await student.GotoAsync("/account/login");
        await student.GetByRole(AriaRole.Link, new() { Name = "use a reset code" }).ClickAsync();
        await student.GetByLabel("Email").FillAsync("student3@example.com");
        await student.GetByLabel("Reset code").FillAsync(code.ToLowerInvariant());
        await student.GetByLabel("New password", new() { Exact = true }).FillAsync("chloe's own new password");
        await student.GetByLabel("New password again").FillAsync("chloe's own new password");
        await Accessibility.AssertNoSeriousViolationsAsync(student);
        await student.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Assertions.Expect(student.Locator(".nav-user")).ToContainTextAsync("Chloe Martin");
        await student.ScreenshotAsync(new() { Path = Shot("reset-done-phone.png") });
    }
}
