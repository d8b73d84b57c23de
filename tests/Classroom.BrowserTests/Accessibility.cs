using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Classroom.BrowserTests;

public static class Accessibility
{
    /// <summary>Runs axe on the page and fails on any serious or critical violation, listing them.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        if (BrowserFixture.CspViolations.TryGetValue(page, out var refused))
            lock (refused) Assert.True(refused.Count == 0, $"CSP violations on {page.Url}:\n" + string.Join("\n", refused));
        // target-size (WCAG 2.2, 24 by 24 px) is off in axe's defaults; it is part of done here.
        AxeResult result = await page.RunAxe(new AxeRunOptions
        {
            Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new RuleOptions { Enabled = true } },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
