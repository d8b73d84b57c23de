using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Classroom.BrowserTests;

/// <summary>The app on real Kestrel with its own SQLite file, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"classroom-browser-{Guid.NewGuid():N}.db");
    private AppFactory? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running app's services, for a test to set up people, classes and assignments directly.</summary>
    public IServiceProvider Services => app!.Services;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots are kept here for a person to look at after a run.</summary>
    public static string ScreenshotDir { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "classroom-screenshots")).FullName;

    public async Task InitializeAsync()
    {
        app = new AppFactory(dbPath);
        app.UseKestrel(0);
        app.StartServer();
        BaseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        WatchForCspViolations(page);
        return page;
    }

    /// <summary>What the browser refused under the site's Content-Security-Policy, per page; the accessibility check fails on any.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> CspViolations = new();

    public static void WatchForCspViolations(IPage page)
    {
        var seen = CspViolations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (seen) seen.Add(message.Text);
        };
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        app?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(dbPath + suffix); } catch (IOException) { }
    }

    private sealed class AppFactory(string dbPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Classroom"] = $"Data Source={dbPath}",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        }
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
