using Microsoft.Playwright;

namespace Classroom.BrowserTests;

/// <summary>What a student does fast or by mistake never loses work or submits by accident.</summary>
[Collection(nameof(BrowserCollection))]
public class IntegrityTests(BrowserFixture fixture)
{
    private async Task<IPage> PracticeAttemptAsync(string lesson = "tal-afar-offensive")
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your name").FillAsync("Quick Clicker");
        await page.GetByLabel("Email").FillAsync($"quick-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(QuizTests.Password);
        await page.GetByLabel("Password again").FillAsync(QuizTests.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/register"));
        await page.GotoAsync($"/lessons/{lesson}/quiz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the quiz" }).ClickAsync();
        await page.WaitForURLAsync("**/attempts/*");
        return page;
    }

    [Fact]
    public async Task Twenty_rounds_of_marking_and_typing_with_no_pause_all_survive_a_reload()
    {
        var page = await PracticeAttemptAsync();
        var highlight = page.Locator("fieldset.q-highlight").First;
        var question = await highlight.GetAttributeAsync("data-question");
        var boxes = highlight.GetByRole(AriaRole.Checkbox);
        var text = page.Locator("fieldset.q-short-answer textarea, fieldset.q-essay textarea").Last;
        var textQuestion = await text.Locator("xpath=ancestor::fieldset[1]").GetAttributeAsync("data-question");
        var marked = new HashSet<int>();
        var last = "";
        for (int round = 0; round < 20; round++)
        {
            var i = (round * 7) % 12;
            await boxes.Nth(i).ClickAsync();
            if (!marked.Add(i)) marked.Remove(i);
            last = $"Round {round}: the claim passes through {round + 2} hands.";
            await text.FillAsync(last);
        }
        await Assertions.Expect(page.Locator($"#state-{question}")).ToContainTextAsync("Saved at", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"#state-{textQuestion}")).ToContainTextAsync("Saved at", new() { Timeout = 15_000 });

        await page.ReloadAsync();
        for (int i = 0; i < 12; i++)
            Assert.True(marked.Contains(i) == await boxes.Nth(i).IsCheckedAsync(), $"sentence box {i} after reload");
        Assert.Equal(last, await text.InputValueAsync());
    }

    [Fact]
    public async Task Submitting_asks_first_and_names_the_unanswered_questions()
    {
        var page = await PracticeAttemptAsync();
        var total = await page.Locator("fieldset.question").CountAsync();
        await Assertions.Expect(page.Locator("#answered-count")).ToHaveTextAsync($"0 of {total} answered.");
        await page.Locator("fieldset.q-true-false").First.GetByRole(AriaRole.Radio, new() { Name = "True" }).CheckAsync();
        await Assertions.Expect(page.Locator("#answered-count")).ToHaveTextAsync($"1 of {total} answered.");

        // Save and Submit do not look alike.
        var save = await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        var submit = await page.GetByRole(AriaRole.Button, new() { Name = "Submit…" }).EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.NotEqual(save, submit);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Submit your answers?" });
        await Assertions.Expect(dialog).ToContainTextAsync($"You have answered 1 of {total} questions");
        Assert.Equal(total - 1, await dialog.Locator("#confirm-unanswered li").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "submit-confirm.png") });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep working" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Contains("/attempts/", page.Url);
        Assert.DoesNotContain("/review", page.Url);

        await QuizSteps.SubmitAsync(page);
        Assert.Contains("your submitted answers", await page.ContentAsync());
    }
}
