using Classroom.Web.Data.Entities;
using Classroom.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Data;

/// <summary>Demo accounts and a demo class, so a new teacher can try everything at once. Development only.</summary>
public static class DemoData
{
    public const string ClassName = "Period 1";
    public const string JoinCode = "DEMO-P1";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("admin@example.com", "Demo Admin", Roles.Admin),
        ("instructor@example.com", "Ms. Rivera", Roles.Instructor),
        ("student1@example.com", "Amira Haddad", Roles.Student),
        ("student2@example.com", "Ben Okafor", Roles.Student),
        ("student3@example.com", "Chloe Martin", Roles.Student),
    ];

    public static async Task SeedAsync(ClassroomDbContext db, UserManager<ApplicationUser> users)
    {
        if (await users.FindByEmailAsync(Accounts[0].Email) is not null) return; // seeded once

        var created = new Dictionary<string, ApplicationUser>();
        foreach (var (email, name, role) in Accounts)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var result = await users.CreateAsync(user, DemoOptions.Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
            created[email] = user;
        }

        var now = DateTime.UtcNow;
        var demoClass = new Class
        {
            Name = ClassName,
            Term = "Demo term",
            OwnerId = created["instructor@example.com"].Id,
            JoinCode = JoinCode,
            TimeZone = "UTC",
            CreatedAt = now,
        };
        foreach (var student in Accounts.Where(a => a.Role == Roles.Student))
            demoClass.Enrollments.Add(new Enrollment { StudentId = created[student.Email].Id, JoinedAt = now });
        db.Classes.Add(demoClass);
        await db.SaveChangesAsync();
    }
}
