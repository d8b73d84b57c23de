using System.Diagnostics;
using System.Net;
using Classroom.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Classroom.Tests.Data;

/// <summary>Health is honest, and a database that cannot be written stops start-up with one clear line.</summary>
public class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_for_orchestrators_and_health_lists_no_redis_when_none_is_set()
    {
        using var factory = new ClassroomFactory();
        var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Health_says_degraded_when_the_redis_it_is_told_to_use_does_not_answer_and_sign_in_still_works()
    {
        // A port nothing listens on: the instance cannot share limits, but it still serves (counting for itself),
        // so it stays in the proxy (200) while saying it is degraded.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var factory = new ClassroomFactory();
        factory.Settings["ConnectionStrings:Redis"] = $"127.0.0.1:{port},connectTimeout=500";
        var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        var data = new TestData(factory);
        var ava = await data.StudentAsync("Ava Adams");
        var signedIn = factory.CreateClient(new() { AllowAutoRedirect = false });
        await signedIn.SignInOrFailAsync(ava.Email);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/account")).StatusCode);
    }

    [SqliteFact]
    public async Task Health_is_unhealthy_while_the_database_cannot_be_written()
    {
        using var factory = new ClassroomFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Another process holds the write lock: the app's probe cannot write.
        using var blocker = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        blocker.Open();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            begin.ExecuteNonQuery();
        }
        await Task.Delay(TimeSpan.FromSeconds(10.5)); // past the time one answer stands
        var blocked = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
        Assert.Equal("Unhealthy", await blocked.Content.ReadAsStringAsync());
        using (var end = blocker.CreateCommand())
        {
            end.CommandText = "ROLLBACK;";
            end.ExecuteNonQuery();
        }
    }

    public static TheoryData<string, string> Unwritable => new()
    {
        // A folder that is really a file, and a folder on a read-only file system (true even for root).
        { "a file where the folder should be", "{file}/data/classroom.db" },
        { "a read-only file system", "/proc/classroom-test/classroom.db" },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task A_database_path_that_cannot_be_written_stops_start_up_with_one_line(string why, string template)
    {
        var folder = Directory.CreateTempSubdirectory("classroom-unwritable-").FullName;
        try
        {
            var file = Path.Combine(folder, "not-a-folder");
            await File.WriteAllTextAsync(file, "");
            var path = template.Replace("{file}", file);
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Classroom.Web.dll")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ConnectionStrings__Classroom"] = $"Data Source={path}",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                },
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(60_000), $"{why}: the app kept running");
            Assert.Equal(1, process.ExitCode);
            var lines = (await stderr).Trim().Split('\n');
            Assert.Single(lines);
            Assert.Contains(Path.GetDirectoryName(path)!, lines[0]);
            Assert.StartsWith("The database", lines[0]);
            Assert.DoesNotContain(" at ", lines[0]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
