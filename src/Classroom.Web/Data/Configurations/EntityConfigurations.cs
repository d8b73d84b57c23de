using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Classroom.Web.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user) =>
        user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
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
