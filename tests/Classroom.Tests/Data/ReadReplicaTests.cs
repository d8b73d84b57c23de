using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Classroom.Tests.Data;

/// <summary>
/// Reporting pages read through ConnectionStrings:ClassroomRead when it is set: here a PostgreSQL role that may
/// only read, as a standby server would be. The gradebook, its CSV and PDF and a printed report all work on it,
/// the app really connects as that role, and a write through it is refused by the database.
/// </summary>
public class ReadReplicaTests
{
    [PostgresFact]
    public async Task Reports_are_read_through_a_read_only_connection_and_still_show_every_student()
    {
        var reader = $"classroom_reader_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(TestDatabase.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {reader} LOGIN", admin);
            await create.ExecuteNonQueryAsync();
        }
        using var factory = new ClassroomFactory();
        factory.Settings["ConnectionStrings:ClassroomRead"] = TestDatabase.ConnectionString("{database}") + $";Username={reader}";
        var world = await ClassWorld.BuildAsync(factory);
        await using (var owner = new NpgsqlConnection(TestDatabase.ConnectionString(factory.PostgresDatabase!)))
        {
            await owner.OpenAsync();
            await using var grant = new NpgsqlCommand($"GRANT USAGE ON SCHEMA public TO {reader}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader};", owner);
            await grant.ExecuteNonQueryAsync();
        }

        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var html = await teacher.GetStringAsync($"/classes/{world.ClassId}/gradebook");
        foreach (var name in new[] { "Amira Haddad", "Ben Okafor", "Chloe Martin" }) Assert.Contains(name, html);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/classes/{world.ClassId}/gradebook.csv")).StatusCode);
        var pdf = await teacher.GetAsync($"/classes/{world.ClassId}/gradebook.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/attempts/{world.StudentAttemptId}/report.pdf")).StatusCode);

        await using (var owner = new NpgsqlConnection(TestDatabase.ConnectionString(factory.PostgresDatabase!)))
        {
            await owner.OpenAsync();
            await using var seen = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE usename = @role AND datname = current_database()", owner);
            seen.Parameters.AddWithValue("role", reader);
            Assert.True((long)(await seen.ExecuteScalarAsync())! >= 1, "the reporting pages did not connect as the read-only role");
        }

        using var scope = factory.Services.CreateScope();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDb>();
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            reporting.Db.Database.ExecuteSqlRawAsync("""UPDATE "Classes" SET "Name" = 'changed through a replica'"""));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public void Without_a_read_connection_reports_use_the_primary()
    {
        using var factory = new ClassroomFactory();
        using var scope = factory.Services.CreateScope();
        Assert.Same(scope.ServiceProvider.GetRequiredService<ClassroomDbContext>(), scope.ServiceProvider.GetRequiredService<ReportingDb>().Db);
    }
}
