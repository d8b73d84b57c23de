using Classroom.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Classroom.Web.Infrastructure;

public sealed class DatabaseHealthCheck(ClassroomDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database not reachable");
}
