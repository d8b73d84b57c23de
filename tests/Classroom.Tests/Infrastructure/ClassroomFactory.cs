using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Infrastructure;

/// <summary>
/// The real app over its own database (a SQLite file, or a PostgreSQL database when the suite runs on
/// PostgreSQL: see <see cref="TestDatabase"/>), in Development but without the demo seed: tests build what they
/// need with <see cref="TestData"/>.
/// </summary>
public class ClassroomFactory : WebApplicationFactory<Program>
{
    private readonly string dbPath = Path.Combine(Path.GetTempPath(), $"classroom-test-{Guid.NewGuid():N}.db");

    public string EnvironmentName { get; init; } = "Development";
    public Dictionary<string, string?> Settings { get; } = new();
    /// <summary>Two factories given the same path share one database, like one app restarted.</summary>
    public string DatabasePath { get => dbPath; init => dbPath = value; }
    public bool DeleteDatabase { get; init; } = true;
    public Action<IServiceCollection>? TestServices { get; init; }

    private string? postgresName;

    /// <summary>The PostgreSQL database of this app (null on SQLite).</summary>
    public string? PostgresDatabase => postgresName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (TestDatabase.IsPostgres && postgresName is null)
            postgresName = TestDatabase.CreateAsync(dbPath).GetAwaiter().GetResult(); // two factories given one path share it
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Classroom"] = postgresName is null ? $"Data Source={dbPath}" : TestDatabase.ConnectionString(postgresName),
                ["Database:Provider"] = postgresName is null ? "Sqlite" : "Postgres",
                ["Throttle:AddressPostsPerMinute"] = "10000",
                // Tests build their own people and classes (TestData); the demo seed is tested on its own.
                ["Demo:Seed"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            // "{database}" in a setting stands for this app's PostgreSQL database (known only now).
            foreach (var (key, value) in Settings) settings[key] = postgresName is null ? value : value?.Replace("{database}", postgresName);
            config.AddInMemoryCollection(settings);
        });
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>
    /// The test server has no network, so every request gets a client address: one school address by default,
    /// or the one a test names in the X-Test-Client-Address header (to be a pupil elsewhere, or a flood).
    /// </summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";
        public static readonly System.Net.IPAddress School = System.Net.IPAddress.Parse("203.0.113.10");

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var given)
                    ? given : School;
                await nextMiddleware();
            });
            next(app);
        };
    }

    public const string AddressHeader = ClientAddress.Header;

    /// <summary>A client that appears to come from another address.</summary>
    public HttpClient CreateClientFrom(string address)
    {
        var client = CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!DeleteDatabase) return;
        if (postgresName is not null)
        {
            TestDatabase.DropAsync(postgresName).GetAwaiter().GetResult();
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(dbPath + suffix); } catch (IOException) { }
    }
}
