using System.Diagnostics;
using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Classroom.Tests.Data;

/// <summary>
/// The PostgreSQL migrations build exactly the schema the model describes, keep saved answers through upgrades,
/// and a database that stops taking writes shows in /health. Run against the throw-away server test.sh starts.
/// </summary>
public class PostgresTests
{
    [Fact]
    public void The_postgres_model_has_no_change_that_lacks_a_migration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the PostgreSQL migrations' snapshot: run `dotnet ef migrations add <Name> --context PostgresClassroomDbContext --output-dir Data/Migrations/Postgres --namespace Classroom.Web.Data.Migrations.Postgres` in src/Classroom.Web.");
    }

    [Theory]
    [InlineData("Host=db;Database=classroom;Username=app", "30")]
    [InlineData("Host=db;Database=classroom;Username=app;Max Auto Prepare=0", "0")]
    [InlineData("Host=db;Database=classroom;Username=app;MaxAutoPrepare=5", "5")]
    public void Postgres_connections_prepare_the_frequent_queries_unless_the_connection_string_says_otherwise(string configured, string expected)
    {
        var used = new Npgsql.NpgsqlConnectionStringBuilder(Classroom.Web.Data.DatabaseSetup.WithPreparedStatements(configured));
        Assert.Equal(int.Parse(expected), used.MaxAutoPrepare);
        Assert.Equal("db", used.Host);
        Assert.Equal("classroom", used.Database);
    }

    [PostgresFact]
    public async Task Migrating_an_empty_database_gives_the_same_schema_as_the_model()
    {
        var migrated = await TestDatabase.CreateEmptyAsync();
        var created = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using (var db = TestDatabase.Open(migrated)) await db.Database.MigrateAsync();
            await using (var db = TestDatabase.Open(created)) await db.Database.EnsureCreatedAsync();
            var expected = await DescribeAsync(created);
            var actual = await DescribeAsync(migrated);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
        finally
        {
            await TestDatabase.DropAsync(migrated);
            await TestDatabase.DropAsync(created);
        }
    }

    [PostgresFact]
    public async Task Upgrading_from_the_first_migration_keeps_every_answer_already_saved()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using (var db = TestDatabase.Open(name))
            {
                var first = db.Database.GetMigrations().First();
                await db.GetService<IMigrator>().MigrateAsync(first);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "AspNetUsers" ("Id", "DisplayName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "MustChangePassword") VALUES ('u1', 'Student', false, false, false, false, 0, false);
                    INSERT INTO "QuizVersions" ("Id", "QuizSlug", "ContentHash", "DefinitionJson", "CreatedAt") VALUES (1, 'q', 'h', '{{}}', '2026-01-01');
                    INSERT INTO "Attempts" ("Id", "QuizVersionId", "StudentId", "Status", "StartedAt", "MaxScore", "Scope", "Number") VALUES (1, 1, 'u1', 'Submitted', '2026-01-01', 10, 'practice:q', 1);
                    INSERT INTO "Responses" ("AttemptId", "QuestionId", "AnswerJson", "SavedAt", "NeedsGrading", "Seq") VALUES (1, 'essay', '{{"text":"every word"}}', '2026-01-01', false, 0);
                    """);
            }
            await using (var db = TestDatabase.Open(name))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var response = await db.Responses.SingleAsync();
                Assert.Equal("{\"text\":\"every word\"}", response.AnswerJson);
                Assert.Equal(DateTimeKind.Utc, response.SavedAt.Kind); // times come back as UTC
                Assert.Equal(new DateTime(2026, 1, 1), response.SavedAt);
            }
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [PostgresFact]
    public async Task Health_is_unhealthy_while_the_database_takes_no_writes()
    {
        using var factory = new ClassroomFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await using (var admin = new NpgsqlConnection(TestDatabase.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var readOnly = new NpgsqlCommand($"ALTER DATABASE \"{factory.PostgresDatabase}\" SET default_transaction_read_only = on", admin);
            await readOnly.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(11)); // the probe's answer is kept for ten seconds
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    /// <summary>Tables, columns (type, nullability, default), indexes and foreign keys, as sorted text.</summary>
    private static async Task<List<string>> DescribeAsync(string database)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database));
        await connection.OpenAsync();
        async Task Read(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        }
        await Read("""
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            """);
        await Read("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'");
        await Read("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

/// <summary>With several instances, one command migrates and instances with MigrateAtStartup off refuse an out-of-date database.</summary>
public class MigrateCommandTests
{
    [Fact]
    public async Task The_migrate_command_brings_an_empty_database_up_to_date_and_an_instance_that_does_not_migrate_waits_for_it()
    {
        var (connection, provider, cleanup) = await EmptyDatabaseAsync();
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Classroom"] = connection, ["Database__Provider"] = provider, ["Database__MigrateAtStartup"] = "false",
            };
            // Not migrated yet: the instance stops at once with one line naming the command.
            var (exit, stderr) = await RunAsync(environment, []);
            Assert.Equal(1, exit);
            Assert.Contains("run `dotnet Classroom.Web.dll migrate` first", stderr);

            (exit, _) = await RunAsync(environment, ["migrate"]);
            Assert.Equal(0, exit);
            await using var app = await AppProcess.StartAsync(environment);
            using var client = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(app.Url + "/health")).StatusCode);
            (exit, _) = await RunAsync(environment, ["migrate"]); // again: nothing to do, still fine
            Assert.Equal(0, exit);
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task<(string Connection, string Provider, Func<Task> Cleanup)> EmptyDatabaseAsync()
    {
        if (TestDatabase.IsPostgres)
        {
            var name = await TestDatabase.CreateEmptyAsync();
            return (TestDatabase.ConnectionString(name), "Postgres", () => TestDatabase.DropAsync(name));
        }
        var file = Path.Combine(Path.GetTempPath(), $"classroom-migrate-{Guid.NewGuid():N}.db");
        return ($"Data Source={file}", "Sqlite", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            return Task.CompletedTask;
        });
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(Dictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Classroom.Web.dll"), .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{AppProcess.FreePort()}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Classroom.Web.dll {string.Join(' ', args)} kept running: {await stdout}");
        }
        return (process.ExitCode, await stderr);
    }
}
