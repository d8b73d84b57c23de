using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Classroom.Web.Infrastructure;

/// <summary>
/// Healthy only if the database takes a write: a one-row probe, at most once every ten seconds (between
/// probes the last answer stands), waiting at most three seconds for the database's write lock.
/// </summary>
public sealed class DatabaseHealthCheck(ClassroomDbContext db, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(10);
    // One answer per database, so several apps in one process (tests) never share one.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, HealthCheckResult Result)> Last = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = db.Database.GetConnectionString() ?? "";
        if (Last.TryGetValue(key, out var known) && now - known.At < ProbeEvery) return known.Result;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (Last.TryGetValue(key, out var again) && now - again.At < ProbeEvery) return again.Result;
            HealthCheckResult result;
            try
            {
                db.Database.SetCommandTimeout(TimeSpan.FromSeconds(3));
                var stamp = now.ToString("O");
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO "SiteSettings" ("Key", "Value") VALUES ('health-probe', {stamp}) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value" """,
                    cancellationToken);
                result = HealthCheckResult.Healthy("the database takes writes");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = HealthCheckResult.Unhealthy($"the database does not take writes: {e.GetBaseException().Message}");
            }
            Last[key] = (clock.GetUtcNow().UtcDateTime, result);
            return result;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>
/// On PostgreSQL, the server answers a query (the check the HealthChecks.NpgSql package makes); on SQLite there
/// is no server to ask, which is healthy.
/// </summary>
public sealed class PostgresHealthCheck(Microsoft.Extensions.Options.IOptions<DatabaseOptions> options, DatabaseConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        options.Value.Provider != DatabaseProvider.Postgres
            ? Task.FromResult(HealthCheckResult.Healthy("not used: the database is SQLite"))
            : new HealthChecks.NpgSql.NpgSqlHealthCheck(new HealthChecks.NpgSql.NpgSqlHealthCheckOptions(connection.ConnectionString)).CheckHealthAsync(context, cancellationToken);
}
