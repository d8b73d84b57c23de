using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Infrastructure;

/// <summary>The real app over its own SQLite file, in Development but without the demo seed: tests build what they need with <see cref="TestData"/>.</summary>
public class ClassroomFactory : WebApplicationFactory<Program>
{
    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"classroom-test-{Guid.NewGuid():N}.db");

    public string EnvironmentName { get; init; } = "Development";
    public Dictionary<string, string?> Settings { get; } = new();
    /// <summary>Two factories given the same path share one database, like one app restarted.</summary>
    public string DatabasePath { get => dbPath; init => dbPath = value; }
    public bool DeleteDatabase { get; init; } = true;
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Classroom"] = $"Data Source={dbPath}",
                ["Throttle:AddressPostsPerMinute"] = "10000",
                // Tests build their own people and classes (TestData); the demo seed is tested on its own.
                ["Demo:Seed"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in Settings) settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!DeleteDatabase) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(dbPath + suffix); } catch (IOException) { }
    }
}
