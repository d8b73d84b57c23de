using Classroom.Web.Data.Entities;
using Classroom.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Classroom.Web.Data;

public sealed record DatabaseConnection(string ConnectionString);

public static class DatabaseSetup
{
    /// <summary>`ConnectionStrings:Classroom`, or a file data/classroom.db under the content root.</summary>
    public static string ConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var configured = config.GetConnectionString("Classroom");
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(env.ContentRootPath, "data", "classroom.db")}" : configured);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>Applies migrations, switches the file to WAL, brings old rows up to date, and makes the roles.</summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ClassroomDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await Upgrades.AutoMarksBackfill.RunAsync(db);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
