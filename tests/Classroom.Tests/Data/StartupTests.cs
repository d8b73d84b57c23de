using System.Diagnostics;
using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Data;

public class StartupTests
{
    [Fact]
    public async Task Development_seeds_the_demo_accounts_and_class_once()
    {
        using var factory = new ClassroomFactory { Settings = { ["Demo:Seed"] = "true" } };
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, _, role) in DemoData.Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, "demo-classroom"));
            Assert.True(await users.IsInRoleAsync(user, role));
        }
        var demo = await db.Classes.Include(c => c.Enrollments).SingleAsync();
        Assert.Equal("Period 1", demo.Name);
        Assert.Equal(3, demo.Enrollments.Count);

        await DatabaseSetup.PrepareAsync(factory.Services);
        await DemoData.SeedAsync(factory.Services);
        Assert.Equal(1, await db.Classes.CountAsync());
        Assert.Equal(5, await db.Users.CountAsync());

        // The join code works as the README prints it.
        var client = factory.CreateBrowserLikeClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "Demo Joiner", ["Email"] = "joiner@example.org", ["Password"] = "a long password", ["ConfirmPassword"] = "a long password",
        });
        var joined = await client.PostFormAsync("/classes/join", new() { ["Code"] = "DEMO-P1" }, tokenFrom: "/classes");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("Period 1", await client.GetStringAsync("/classes"));
    }

    [Fact]
    public async Task Production_has_no_demo_accounts_and_shows_a_friendly_error_page()
    {
        using var factory = new ClassroomFactory { EnvironmentName = "Production" };
        var client = factory.CreateClient();
        var signIn = await client.SignInAsync("admin@example.com");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("do not match", await signIn.Content.ReadAsStringAsync());

        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().Users.CountAsync());

        var missing = await client.GetAsync("/lessons/nothing-here");
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("Exception", html);
    }

    [SqliteFact]
    public async Task The_database_file_is_in_WAL_mode()
    {
        using var factory = new ClassroomFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_bad_content_file_stops_start_up_with_one_clear_message()
    {
        var root = Directory.CreateTempSubdirectory("classroom-bad-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "articles"));
            File.WriteAllText(Path.Combine(root, "articles", "broken.md"), "---\ntitle: \"x\"\n---\nText.");
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Classroom.Web.dll")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Content__Path"] = root,
                    ["ConnectionStrings__Classroom"] = $"Data Source={Path.Combine(root, "app.db")}",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                },
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(60_000), "the app kept running with bad content");
            Assert.Equal(1, process.ExitCode);
            var lines = (await stderr).Trim().Split('\n');
            Assert.Equal("content/articles/broken.md, line 2: missing required field 'label'", lines[^1].Trim());
            Assert.DoesNotContain(" at ", await stderr); // a message, not a stack trace
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
