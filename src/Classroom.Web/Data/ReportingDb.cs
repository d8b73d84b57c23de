using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Classroom.Web.Data;

/// <summary>
/// How reporting pages (gradebook, its CSV and PDF, printed reports and class sets) reach the database: a read
/// replica when ConnectionStrings:ClassroomRead is set (a PostgreSQL standby, or any connection that may only
/// read), otherwise the primary. Queries through it track nothing. Access checks stay on the primary.
/// A replica may lag its primary by a moment: a grade saved a second ago can be missing from a report; every
/// page that changes anything reads the primary.
/// </summary>
public sealed class ReadReplica
{
    private readonly Lazy<Func<ClassroomDbContext>?> factory;

    public ReadReplica(IConfiguration config, IOptions<DatabaseOptions> options)
    {
        var connection = config.GetConnectionString("ClassroomRead");
        Configured = !string.IsNullOrWhiteSpace(connection);
        factory = new Lazy<Func<ClassroomDbContext>?>(() =>
        {
            if (!Configured) return null;
            if (options.Value.Provider == DatabaseProvider.Postgres)
            {
                var pg = new DbContextOptionsBuilder<PostgresClassroomDbContext>().UseNpgsql(DatabaseSetup.WithPreparedStatements(connection!))
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
                return () => new PostgresClassroomDbContext(pg);
            }
            var sqlite = new DbContextOptionsBuilder<ClassroomDbContext>().UseSqlite(connection)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
            return () => new ClassroomDbContext(sqlite);
        });
    }

    public bool Configured { get; }

    public ClassroomDbContext? Create() => factory.Value?.Invoke();
}

/// <summary>The context a reporting page reads with, for one request (see <see cref="ReadReplica"/>).</summary>
public sealed class ReportingDb : IDisposable
{
    private readonly ClassroomDbContext? owned;

    public ReportingDb(ReadReplica replica, IServiceProvider services)
    {
        owned = replica.Create();
        Db = owned ?? services.GetRequiredService<ClassroomDbContext>();
    }

    public ClassroomDbContext Db { get; }

    public void Dispose() => owned?.Dispose();
}
