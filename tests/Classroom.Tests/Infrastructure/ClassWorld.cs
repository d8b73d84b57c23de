using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Infrastructure;

/// <summary>
/// The demo class "Period 1" (instructor@example.com, students 1–3, the Tal Afar assignment with two
/// submitted attempts) plus another teacher's class with a student of its own, for authorization tests.
/// </summary>
public sealed class ClassWorld
{
    public const string ClassInstructor = "instructor@example.com";
    public const string Admin = "admin@example.com";
    public const string StudentOfClass = "student1@example.com";
    public const string OtherInstructor = "other.teacher@example.org";
    public const string StudentOfOtherClass = "other.student@example.org";
    public const string Password = "demo-classroom";

    public int ClassId { get; private init; }
    public int OtherClassId { get; private init; }
    public int AssignmentId { get; private init; }
    public int StudentAttemptId { get; private init; }
    public int WaitingAttemptId { get; private init; }
    public int WaitingEssayResponseId { get; private init; }
    public string StudentOfClassId { get; private init; } = "";
    public string Student2Id { get; private init; } = "";

    public static async Task<ClassWorld> BuildAsync(ClassroomFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        async Task<ApplicationUser> User(string email, string name, string role)
        {
            var existing = await users.FindByEmailAsync(email);
            if (existing is not null) return existing;
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded);
            await users.AddToRoleAsync(user, role);
            return user;
        }

        var otherTeacher = await User(OtherInstructor, "Mr. Other", Roles.Instructor);
        var otherStudent = await User(StudentOfOtherClass, "Olga Other", Roles.Student);
        var otherClass = await db.Classes.SingleOrDefaultAsync(c => c.Name == "Period 9");
        if (otherClass is null)
        {
            otherClass = new Class { Name = "Period 9", OwnerId = otherTeacher.Id, JoinCode = "OTHER999", TimeZone = "UTC", CreatedAt = DateTime.UtcNow };
            otherClass.Enrollments.Add(new Enrollment { StudentId = otherStudent.Id, JoinedAt = DateTime.UtcNow });
            db.Classes.Add(otherClass);
            await db.SaveChangesAsync();
        }

        var demo = await db.Classes.SingleAsync(c => c.Name == "Period 1");
        var assignment = await db.Assignments.SingleAsync(a => a.ClassId == demo.Id);
        var student1 = await users.FindByEmailAsync(StudentOfClass);
        var student2 = await users.FindByEmailAsync("student2@example.com");
        var attempt1 = await db.Attempts.SingleAsync(a => a.AssignmentId == assignment.Id && a.StudentId == student1!.Id);
        var attempt2 = await db.Attempts.SingleAsync(a => a.AssignmentId == assignment.Id && a.StudentId == student2!.Id);
        var essay = await db.Responses.SingleAsync(r => r.AttemptId == attempt2.Id && r.QuestionId == "essay");
        return new ClassWorld
        {
            ClassId = demo.Id,
            OtherClassId = otherClass.Id,
            AssignmentId = assignment.Id,
            StudentAttemptId = attempt1.Id,
            WaitingAttemptId = attempt2.Id,
            WaitingEssayResponseId = essay.Id,
            StudentOfClassId = student1!.Id,
            Student2Id = student2!.Id,
        };
    }

    public static async Task<HttpClient> ClientAsync(ClassroomFactory factory, string? email)
    {
        var client = factory.CreateBrowserLikeClient();
        if (email is not null) await client.SignInOrFailAsync(email, Password);
        return client;
    }
}
