using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Classroom.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on. By default each app under test gets its own SQLite file. With
/// CLASSROOM_TEST_DATABASE=postgres and CLASSROOM_TEST_POSTGRES set to a server (test.sh starts a throw-away one
/// on loopback), each gets its own PostgreSQL database instead, copied from a template migrated once per run.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CLASSROOM_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server, without a database name: Host=127.0.0.1;Port=…;Username=postgres.</summary>
    public static string Server => Environment.GetEnvironmentVariable("CLASSROOM_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CLASSROOM_TEST_DATABASE=postgres needs CLASSROOM_TEST_POSTGRES (the server's connection string)");

    private static readonly string Template = $"classroom_template_{Environment.ProcessId}";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task? templateReady;

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString();

    /// <summary>A new database with the current schema (from the template), named after <paramref name="key"/>, unless it exists already.</summary>
    public static async Task<string> CreateAsync(string key)
    {
        var name = "t_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..24];
        await Gate.WaitAsync();
        try
        {
            templateReady ??= MakeTemplateAsync();
            await templateReady;
            await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            Gate.Release();
        }
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>An empty database, not from the template (for tests of migrations themselves).</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "e_" + Guid.NewGuid().ToString("N")[..24];
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    public static PostgresClassroomDbContext Open(string database) =>
        new(new DbContextOptionsBuilder<PostgresClassroomDbContext>().UseNpgsql(ConnectionString(database)).Options);

    private static async Task MakeTemplateAsync()
    {
        await DropAsync(Template);
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Template}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using (var db = Open(Template))
            await db.Database.MigrateAsync();
        // A template must have no one connected when it is copied.
        NpgsqlConnection.ClearAllPools();
    }
}

/// <summary>A fact about SQLite itself (its file, its locks, the November 2026 fixture): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres) Skip = "SQLite only; the PostgreSQL run has its own tests of this";
    }
}

/// <summary>A fact about PostgreSQL itself: skipped in the SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = "PostgreSQL only; test.sh runs the suite a second time on a PostgreSQL server";
    }
}
