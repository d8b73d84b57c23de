using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Data;

/// <summary>
/// The app's database. This class is the SQLite model and owns the SQLite migrations (Data/Migrations);
/// <see cref="PostgresClassroomDbContext"/> is the same model on PostgreSQL with its own migrations, as EF
/// recommends for a second provider. Everything else asks for a ClassroomDbContext and gets the configured one.
/// </summary>
public class ClassroomDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public ClassroomDbContext(DbContextOptions<ClassroomDbContext> options) : base(options) { }

    /// <summary>For a provider's own context type (so its migrations are found by that type).</summary>
    protected ClassroomDbContext(DbContextOptions options) : base(options) { }

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LessonRead> LessonReads => Set<LessonRead>();
    public DbSet<Class> Classes => Set<Class>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<QuizVersion> QuizVersions => Set<QuizVersion>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<ClassInstructor> ClassInstructors => Set<ClassInstructor>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ScoreChange> ScoreChanges => Set<ScoreChange>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<StudentException> StudentExceptions => Set<StudentException>();
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();
    public DbSet<ResetCode> ResetCodes => Set<ResetCode>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClassroomDbContext).Assembly);
    }
}
