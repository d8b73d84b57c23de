using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Classroom.Web.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        user.Property(u => u.MustChangePassword).HasDefaultValue(false);
    }
}

public sealed class LessonReadConfiguration : IEntityTypeConfiguration<LessonRead>
{
    public void Configure(EntityTypeBuilder<LessonRead> read)
    {
        read.Property(r => r.LessonSlug).HasMaxLength(100).IsRequired();
        read.HasIndex(r => new { r.UserId, r.LessonSlug }).IsUnique();
        read.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ClassConfiguration : IEntityTypeConfiguration<Class>
{
    public void Configure(EntityTypeBuilder<Class> c)
    {
        c.Property(x => x.Name).HasMaxLength(100).IsRequired();
        c.Property(x => x.Term).HasMaxLength(50);
        c.Property(x => x.JoinCode).HasMaxLength(12).IsRequired();
        c.Property(x => x.TimeZone).HasMaxLength(64).IsRequired();
        c.HasIndex(x => x.JoinCode).IsUnique();
        c.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> e)
    {
        e.HasIndex(x => new { x.ClassId, x.StudentId }).IsUnique();
        e.HasOne(x => x.Class).WithMany(c => c.Enrollments).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuizVersionConfiguration : IEntityTypeConfiguration<QuizVersion>
{
    public void Configure(EntityTypeBuilder<QuizVersion> v)
    {
        v.Property(x => x.QuizSlug).HasMaxLength(100).IsRequired();
        v.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
        v.Property(x => x.DefinitionJson).IsRequired();
        v.HasIndex(x => new { x.QuizSlug, x.ContentHash }).IsUnique();
    }
}

public sealed class AttemptConfiguration : IEntityTypeConfiguration<Attempt>
{
    public void Configure(EntityTypeBuilder<Attempt> a)
    {
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.HasOne(x => x.QuizVersion).WithMany().HasForeignKey(x => x.QuizVersionId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.StudentId, x.QuizVersionId });
        // Defaults match what the migration that added these columns gave existing rows, so a migrated and a
        // freshly created database are the same.
        a.Property(x => x.Scope).HasMaxLength(120).IsRequired().HasDefaultValue("");
        a.Property(x => x.Number).HasDefaultValue(0);
        a.Property(x => x.OpenScope).HasMaxLength(120);
        // The database, not a count in code, keeps attempt limits under parallel starts.
        a.HasIndex(x => new { x.StudentId, x.Scope, x.Number }).IsUnique();
        a.HasIndex(x => new { x.StudentId, x.OpenScope }).IsUnique();
        // An assignment with attempts cannot be deleted: its students' work would lose its context.
        a.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> r)
    {
        r.Property(x => x.QuestionId).HasMaxLength(100).IsRequired();
        r.Property(x => x.AnswerJson).IsRequired();
        r.HasOne(x => x.Attempt).WithMany(a => a.Responses).HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.AttemptId, x.QuestionId }).IsUnique();
        r.Property(x => x.Feedback).HasMaxLength(10_000);
        r.Property(x => x.Stamp).IsConcurrencyToken();
        r.Property(x => x.Seq).HasDefaultValue(0L);
    }
}

public sealed class ClassInstructorConfiguration : IEntityTypeConfiguration<ClassInstructor>
{
    public void Configure(EntityTypeBuilder<ClassInstructor> c)
    {
        c.HasIndex(x => new { x.ClassId, x.InstructorId }).IsUnique();
        c.HasOne(x => x.Class).WithMany(x => x.CoInstructors).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.Instructor).WithMany().HasForeignKey(x => x.InstructorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> a)
    {
        a.Property(x => x.Title).HasMaxLength(200).IsRequired();
        a.Property(x => x.LessonSlug).HasMaxLength(100).IsRequired();
        a.Property(x => x.LatePolicy).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.ReviewPolicy).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.LessonMarkup).HasConversion<string>().HasMaxLength(20).HasDefaultValue(LessonMarkup.OpenBook).HasSentinel((LessonMarkup)(-1));
        a.HasOne(x => x.Class).WithMany(c => c.Assignments).HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne(x => x.QuizVersion).WithMany().HasForeignKey(x => x.QuizVersionId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScoreChangeConfiguration : IEntityTypeConfiguration<ScoreChange>
{
    public void Configure(EntityTypeBuilder<ScoreChange> s)
    {
        s.Property(x => x.Reason).HasMaxLength(1_000);
        s.HasOne(x => x.Response).WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne(x => x.ChangedBy).WithMany().HasForeignKey(x => x.ChangedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> s)
    {
        s.Property(x => x.Id).HasMaxLength(40);
        s.Property(x => x.Address).HasMaxLength(64);
        s.Property(x => x.Device).HasMaxLength(200);
        s.Property(x => x.EndReason).HasMaxLength(100);
        s.HasIndex(x => x.UserId);
        s.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> e)
    {
        e.Property(x => x.Kind).HasMaxLength(60).IsRequired();
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Address).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(300);
        e.HasIndex(x => x.At);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => x.Email);
    }
}

public sealed class ResetCodeConfiguration : IEntityTypeConfiguration<ResetCode>
{
    public void Configure(EntityTypeBuilder<ResetCode> r)
    {
        r.Property(x => x.CodeHash).HasMaxLength(64).IsRequired();
        r.HasIndex(x => x.UserId);
        r.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> s)
    {
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(100);
        s.Property(x => x.Value).HasMaxLength(1000);
    }
}

public sealed class StudentExceptionConfiguration : IEntityTypeConfiguration<StudentException>
{
    public void Configure(EntityTypeBuilder<StudentException> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Value).HasMaxLength(40);
        e.Property(x => x.Reason).HasMaxLength(300).IsRequired();
        e.HasIndex(x => new { x.ClassId, x.StudentId });
        e.HasOne<Class>().WithMany().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.ById).OnDelete(DeleteBehavior.Restrict);
    }
}
