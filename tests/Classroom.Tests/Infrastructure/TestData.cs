using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Infrastructure;

/// <summary>Someone a test made: an account with a role and a known password.</summary>
public sealed record Person(string Id, string Email, string Name, string Role);

/// <summary>
/// Builds the people, classes, assignments and attempts a test needs, through the app's own services,
/// so no test leans on the demo data (which the test factory does not seed).
/// </summary>
public sealed class TestData(ClassroomFactory factory)
{
    public const string Password = "test-password-1";

    public CourseCatalog Catalog => factory.Services.GetRequiredService<CourseCatalog>();

    private T Use<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async Task<Person> PersonAsync(string role, string name, string? email = null)
    {
        email ??= $"{new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}.{Guid.NewGuid().ToString("N")[..6]}@school.test";
        using var scope = factory.Services.CreateScope();
        var users = Use<UserManager<ApplicationUser>>(scope);
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null) return new Person(existing.Id, email, existing.DisplayName, role);
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return new Person(user.Id, email, name, role);
    }

    public Task<Person> StudentAsync(string name, string? email = null) => PersonAsync(Roles.Student, name, email);
    public Task<Person> InstructorAsync(string name, string? email = null) => PersonAsync(Roles.Instructor, name, email);
    public Task<Person> AdminAsync(string name = "Site Admin", string? email = null) => PersonAsync(Roles.Admin, name, email);

    public async Task<Class> ClassAsync(Person owner, string name, IEnumerable<Person> students, string zone = "UTC")
    {
        using var scope = factory.Services.CreateScope();
        var db = Use<ClassroomDbContext>(scope);
        var c = new Class
        {
            Name = name, OwnerId = owner.Id, TimeZone = zone, CreatedAt = DateTime.UtcNow,
            JoinCode = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        };
        foreach (var s in students) c.Enrollments.Add(new Enrollment { StudentId = s.Id, JoinedAt = DateTime.UtcNow });
        db.Classes.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>A lesson's quiz assigned to a class: open since yesterday, due in a week, unless <paramref name="change"/> says otherwise.</summary>
    public async Task<Assignment> AssignAsync(Class c, string lesson = "tal-afar-offensive", Action<Assignment>? change = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = Use<ClassroomDbContext>(scope);
        var quiz = Use<CourseCatalog>(scope).QuizForLesson(lesson)!;
        var version = await Use<QuizVersions>(scope).CurrentAsync(quiz);
        var now = DateTime.UtcNow;
        var assignment = new Assignment
        {
            ClassId = c.Id, QuizVersionId = version.Id, LessonSlug = lesson, Title = quiz.Title,
            OpensAt = now.AddDays(-1), DueAt = now.AddDays(7), AttemptsAllowed = 1,
            LatePolicy = LatePolicy.AcceptAndMarkLate, ReviewPolicy = ReviewPolicy.ScoreOnly,
            CreatedAt = now, CreatedById = c.OwnerId,
        };
        change?.Invoke(assignment);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        Use<TryFirstIndex>(scope).Invalidate();
        return assignment;
    }

    /// <summary>The student starts the assignment and submits these answers (question id → answer), as the app would.</summary>
    public async Task<int> SubmitAsync(Person student, Assignment assignment, Func<QuizDefinition, Dictionary<string, Answer>> answers)
    {
        using var scope = factory.Services.CreateScope();
        var db = Use<ClassroomDbContext>(scope);
        var fresh = await db.Assignments.Include(a => a.Class).SingleAsync(a => a.Id == assignment.Id);
        var quiz = await Use<QuizVersions>(scope).DefinitionAsync(fresh.QuizVersionId);
        var attempts = Use<AttemptService>(scope);
        var attempt = await attempts.StartForAssignmentAsync(student.Id, fresh, quiz, fresh.Class!.TimeZone);
        await attempts.SubmitAsync(attempt, quiz, answers(quiz));
        return attempt.Id;
    }

    public async Task<T> DbAsync<T>(Func<ClassroomDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(Use<ClassroomDbContext>(scope));
    }

    public async Task<HttpClient> ClientAsync(Person? person)
    {
        var client = factory.CreateBrowserLikeClient();
        if (person is not null) await client.SignInOrFailAsync(person.Email, Password);
        return client;
    }

    /// <summary>The id of the quiz's only question of a type (its essay, its ledger…).</summary>
    public static string Only<T>(QuizDefinition quiz) where T : Question => quiz.Questions.OfType<T>().Single().Id;
}
