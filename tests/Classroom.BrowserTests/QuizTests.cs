using Microsoft.Playwright;

namespace Classroom.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class QuizTests(BrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    public const string Password = "a long passphrase";

    /// <summary>
    /// A student who signs up and is in no class: the demo class has the Tal Afar quiz assigned, which pauses
    /// practice of it for its students until its keys open to them.
    /// </summary>
    private async Task<(IPage Page, string Email)> NewStudentAsync(int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        var email = $"practice-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your name").FillAsync("Pat Practice");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/register"));
        return (page, email);
    }


    private static async Task WaitSavedAsync(IPage page, string question) =>
        await Assertions.Expect(page.Locator($"#state-{question}")).ToContainTextAsync("Saved at");

    [Fact]
    public async Task A_student_takes_the_tal_afar_quiz_marks_sentences_by_keyboard_reloads_and_submits()
    {
        var (page, _) = await NewStudentAsync();
        await page.GotoAsync("/lessons/tal-afar-offensive");
        await page.GetByRole(AriaRole.Link, new() { Name = "Practise the quiz" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await page.WaitForURLAsync("**/attempts/*");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Radio, new() { Name = "The article does not say" }).CheckAsync();
        await WaitSavedAsync(page, "outlet");
        await page.Locator("#question-caption").GetByRole(AriaRole.Radio, new() { Name = "True" }).CheckAsync();
        foreach (var option in new[] { "US-backed Iraqi troops say", "Troops started to move in", "The Prime Minister called" })
            await page.GetByRole(AriaRole.Checkbox, new() { Name = option }).CheckAsync();
        await WaitSavedAsync(page, "via-al-jazeera");

        // The highlight question by keyboard only: focus the first sentence, Tab through, Space to mark.
        var highlight = page.Locator("#question-unnamed-sentences");
        await highlight.GetByRole(AriaRole.Checkbox).First.FocusAsync();
        var key = new HashSet<string> { "3.1", "4.1", "4.3" };
        for (int i = 0; i < 12; i++)
        {
            var value = await page.EvaluateAsync<string>("() => document.activeElement.value");
            if (key.Contains(value)) await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Tab");
        }
        await WaitSavedAsync(page, "unnamed-sentences");
        var name = await highlight.GetByRole(AriaRole.Checkbox, new() { Name = "4.1 According to the publication's correspondent" }).IsCheckedAsync();
        Assert.True(name); // each sentence checkbox is announced with its number and its text

        await page.GetByLabel("Your answer to question 6").FillAsync("reportedly");
        await page.Locator("#question-essay textarea").FillAsync("The chain runs from unnamed military sources to a correspondent in Erbil, to Al-Jazeera, to this page.");
        await WaitSavedAsync(page, "essay");
        await page.ScreenshotAsync(new() { Path = Shot("quiz-in-progress.png"), FullPage = true });

        // A reload in the middle loses nothing.
        await page.ReloadAsync();
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "The article does not say" }).IsCheckedAsync());
        foreach (var reference in key)
            Assert.True(await highlight.Locator($"input[value='{reference}']").IsCheckedAsync(), reference);
        Assert.False(await highlight.Locator("input[value='2.1']").IsCheckedAsync());
        Assert.Contains("Erbil", await page.Locator("#question-essay textarea").InputValueAsync());

        await QuizSteps.SubmitAsync(page);
        Assert.Contains("10 of 28 points", (await page.Locator(".score").InnerTextAsync()).Replace("\n", " "));
        Assert.Contains("✓ marked, in the key", await page.Locator("#rq-unnamed-sentences").Locator("..").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Shot("quiz-review.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Typing_an_answer_saves_it_without_pressing_anything()
    {
        var (page, email) = await NewStudentAsync(390, 844);
        await page.GotoAsync("/lessons/tal-afar-offensive/quiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await page.WaitForURLAsync("**/attempts/*");
        await page.Locator("#question-why-names-matter textarea").PressSequentiallyAsync("Nobody can check them.");
        await WaitSavedAsync(page, "why-names-matter");
        await page.ScreenshotAsync(new() { Path = Shot("quiz-phone.png") });

        // Close the tab and come back from the lesson: the same attempt, with the text.
        var url = page.Url;
        await page.CloseAsync();
        var again = await fixture.NewPageAsync();
        await again.GotoAsync("/account/login");
        await again.GetByLabel("Email").FillAsync(email);
        await again.GetByLabel("Password").FillAsync(Password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await again.GotoAsync("/lessons/tal-afar-offensive/quiz");
        await again.GetByRole(AriaRole.Button, new() { Name = "Resume your attempt" }).ClickAsync();
        await again.WaitForURLAsync(url);
        Assert.Equal("Nobody can check them.", await again.Locator("#question-why-names-matter textarea").InputValueAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(again);
    }
}

public static class QuizSteps
{
    /// <summary>Submit, then confirm in the dialog that names what is unanswered.</summary>
    public static async Task SubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Submit your answers?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit now" }).ClickAsync();
        await page.WaitForURLAsync("**/review");
    }
}
