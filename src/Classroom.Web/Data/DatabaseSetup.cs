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
    /// <summary>`ConnectionStrings:Classroom`, or a file data/classroom.db under the content root.</summary>
    public static string ConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetConnectionString("Classroom");
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(env.ContentRootPath, "data", "classroom.db")}" : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
            EnsureWritable(Path.GetFullPath(builder.DataSource));
        return builder.ToString();
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

    /// <summary>Applies migrations, switches the file to WAL, brings old rows up to date, and makes the roles.</summary>
    public static async Task PrepareAsync(IServiceProvider services)
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
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await Upgrades.AutoMarksBackfill.RunAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
