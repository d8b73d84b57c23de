using Microsoft.Playwright;

namespace Classroom.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class LessonPageTests(BrowserFixture fixture)
{
    private static readonly string[] Lessons = ["tal-afar-offensive", "perverse-caliphate", "mosul-retreat", "mosul-final-phase", "comparing-coverage"];

    private static async Task<string> BackgroundOf(ILocator locator) =>
        await locator.EvaluateAsync<string>("el => getComputedStyle(el).backgroundColor");

    [Fact]
    public async Task Hiding_a_category_removes_its_highlights_and_notes_and_showing_brings_them_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/lessons/tal-afar-offensive");
        var mark = page.Locator("mark.cat-unnamed-source").First;
        var other = page.Locator("mark.cat-hedge").First;
        Assert.NotEqual("rgba(0, 0, 0, 0)", await BackgroundOf(mark));
        Assert.True(await page.Locator("button.ann-ref.cat-unnamed-source").First.IsVisibleAsync());

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Unnamed source" }).UncheckAsync();
        Assert.Equal("rgba(0, 0, 0, 0)", await BackgroundOf(mark));
        Assert.False(await page.Locator("button.ann-ref.cat-unnamed-source").First.IsVisibleAsync());
        Assert.NotEqual("rgba(0, 0, 0, 0)", await BackgroundOf(other)); // other kinds stay
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "lesson-unnamed-hidden.png"), FullPage = true });

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Unnamed source" }).CheckAsync();
        Assert.NotEqual("rgba(0, 0, 0, 0)", await BackgroundOf(mark));
    }

    [Fact]
    public async Task A_note_can_be_reached_opened_and_closed_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/lessons/tal-afar-offensive");
        var note = page.Locator("#note-military-sources");
        Assert.False(await note.IsVisibleAsync()); // notes start closed when scripts run

        // Tab from the top of the page until the note button for "several military sources claim" has focus.
        string? focused = null;
        for (int i = 0; i < 120 && focused != "note-military-sources"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-controls')");
        }
        Assert.Equal("note-military-sources", focused);
        var name = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        Assert.Contains("Unnamed source", name); // the button says what kind of note it opens

        await page.Keyboard.PressAsync("Enter");
        Assert.True(await note.IsVisibleAsync());
        Assert.Equal("true", await page.Locator("[aria-controls=note-military-sources]").GetAttributeAsync("aria-expanded"));
        Assert.Contains("Unnamed sources cannot be held to what they say", await note.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "lesson-note-open.png") });

        await page.Keyboard.PressAsync("Space");
        Assert.False(await note.IsVisibleAsync());
    }

    [Theory]
    [InlineData(1280, 900, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task Course_lesson_and_article_pages_have_no_serious_accessibility_violations(int width, int height, string name)
    {
        var page = await fixture.NewPageAsync(width, height);
        var pages = new[] { ("/", "home"), ("/articles/mosul-final-phase", "article"), ("/account/login", "login"), ("/account/register", "register") }
            .Concat(Lessons.Select(slug => ($"/lessons/{slug}", $"lesson-{slug}")));
        foreach (var (url, file) in pages)
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"{file}-{name}.png"), FullPage = true });
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }

    [Fact]
    public async Task On_a_phone_the_page_does_not_scroll_sideways()
    {
        var page = await fixture.NewPageAsync(390, 844);
        foreach (var url in new[] { "/", "/articles/mosul-final-phase" }.Concat(Lessons.Select(slug => $"/lessons/{slug}")))
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than the phone screen");
        }
    }

    [Fact]
    public async Task A_student_signs_in_reads_the_lesson_and_sees_it_marked_read()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync("student3@example.com");
        await page.GetByLabel("Password").FillAsync("demo-classroom");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Who says so? Second-hand reports and unnamed sources" }).ClickAsync();
        await page.WaitForURLAsync("**/lessons/tal-afar-offensive");
        await page.GotoAsync("/");
        var card = page.Locator(".lesson-card").First;
        Assert.Contains("✓ Read", await card.InnerTextAsync());
    }
}
