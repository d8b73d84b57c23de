using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Classroom.Web.Data;

/// <summary>
/// The same model on PostgreSQL, with its own generated migrations in Data/Migrations/Postgres. Times are stored
/// as UTC wall-clock values in <c>timestamp without time zone</c>, exactly as SQLite keeps them, so no code
/// depends on which database holds them.
/// </summary>
public sealed class PostgresClassroomDbContext(DbContextOptions<PostgresClassroomDbContext> options) : ClassroomDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // Every time in the app is UTC; Npgsql wants Kind=Unspecified for this column type, and the app reads Kind=Utc back.
        builder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UtcWallClock>();
        builder.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<UtcWallClock>();
    }

    private sealed class UtcWallClock() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>For `dotnet ef migrations add … --context PostgresClassroomDbContext`: no server is needed to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClassroomDbContext>
{
    public PostgresClassroomDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClassroomDbContext>()
            .UseNpgsql("Host=localhost;Database=classroom_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options);
}
