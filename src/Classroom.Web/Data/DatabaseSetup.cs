using Classroom.Web.Data.Entities;
using Classroom.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Classroom.Web.Data;

public sealed record DatabaseConnection(string ConnectionString);

/// <summary>The site cannot start; the message names the path and the fault in one line.</summary>
public sealed class StartupException(string message) : Exception(message);

public static class DatabaseSetup
{
    /// <summary>
    /// `ConnectionStrings:Classroom`. For SQLite it may be left out (a file data/classroom.db under the content
    /// root), and the file's folder is made and checked for writing; PostgreSQL needs it set.
    /// </summary>
    public static string ConnectionString(IConfiguration config, IHostEnvironment env, DatabaseProvider provider)
    {
        var configured = config.GetConnectionString("Classroom");
        if (provider == DatabaseProvider.Postgres)
            return string.IsNullOrWhiteSpace(configured)
                ? throw new StartupException("Database:Provider is Postgres, but ConnectionStrings:Classroom is not set (for example Host=db;Database=classroom;Username=classroom;Password=…).")
                : WithPreparedStatements(configured);
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(env.ContentRootPath, "data", "classroom.db")}" : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
            EnsureWritable(Path.GetFullPath(builder.DataSource));
        return builder.ToString();
    }

    /// <summary>
    /// The app asks the same few dozen queries over and over: Npgsql prepares the 30 most used on each connection
    /// (a quarter less time per autosave under load), unless the connection string says otherwise (set
    /// Max Auto Prepare=0 behind PgBouncer in transaction mode, which cannot keep prepared statements).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 30 }.ToString();
    }

    /// <summary>The database's folder exists (or is made) and the file can be written; otherwise start-up stops with one clear line.</summary>
    private static void EnsureWritable(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The database folder {folder} cannot be created: {e.Message}");
        }
        try
        {
            using var probe = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The database file {file} cannot be written: {e.Message}");
        }
    }

    /// <summary>
    /// At start: migrates unless Database:MigrateAtStartup is off (several instances migrate once, with the
    /// `migrate` command, instead); SQLite is switched to WAL. Without migrating, the database must already be
    /// current, or start-up stops with one line saying so.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateAtStartup)
        {
            await MigrateAsync(services);
            return;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
            throw new StartupException($"The database is not up to date ({pending.Count} migrations to apply, the first {pending[0]}), and Database:MigrateAtStartup is off: run `dotnet Classroom.Web.dll migrate` first.");
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    /// <summary>Applies migrations, switches SQLite to WAL, brings old rows up to date, and makes the roles. Safe to run again.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ClassroomDbContext>();
        try
        {
            await db.Database.MigrateAsync();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14 or 10) // read-only, cannot open, I/O error
        {
            throw new StartupException($"The database {db.Database.GetDbConnection().DataSource} cannot be written: {e.Message}");
        }
        catch (Npgsql.NpgsqlException e) when (e.InnerException is System.Net.Sockets.SocketException or TimeoutException || e is Npgsql.PostgresException { SqlState: "28P01" or "3D000" or "28000" })
        {
            throw new StartupException($"The PostgreSQL database cannot be reached or opened: {e.Message}");
        }
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await Upgrades.AutoMarksBackfill.RunAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
