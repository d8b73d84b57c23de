using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Grading;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Data;
using Microsoft.AspNetCore.Identity;

using Classroom.Web.Features.Shared;

namespace Classroom.Web.Demo;

/// <summary>Demo accounts and a demo class, so a new teacher can try everything at once. Development only.</summary>
public static class DemoData
{
    public const string ClassName = "Period 1";
    /// <summary>Stored without the dash, like every code; shown as DEMO-P1.</summary>
    public const string JoinCode = "DEMOP1";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("admin@example.com", "Demo Admin", Roles.Admin),
        ("instructor@example.com", "Ms. Rivera", Roles.Instructor),
        ("student1@example.com", "Amira Haddad", Roles.Student),
        ("student2@example.com", "Ben Okafor", Roles.Student),
        ("student3@example.com", "Chloe Martin", Roles.Student),
    ];

    public static async Task SeedAsync(IServiceProvider root)
    {
        using var scope = root.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClassroomDbContext>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
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
        await SeedAssignmentAsync(services, demoClass, created);
    }

    /// <summary>The Tal Afar quiz assigned to the demo class, two students' work submitted, one essay graded and one waiting.</summary>
    private static async Task SeedAssignmentAsync(IServiceProvider services, Class demoClass, Dictionary<string, ApplicationUser> users)
    {
        var db = services.GetRequiredService<ClassroomDbContext>();
        var quiz = services.GetRequiredService<CourseCatalog>().QuizForLesson("tal-afar-offensive");
        if (quiz is null) return;
        var version = await services.GetRequiredService<QuizVersions>().CurrentAsync(quiz);
        var now = DateTime.UtcNow;
        var assignment = new Assignment
        {
            ClassId = demoClass.Id,
            QuizVersionId = version.Id,
            LessonSlug = quiz.LessonSlug,
            Title = quiz.Title,
            OpensAt = now.AddDays(-3),
            DueAt = now.AddDays(4),
            AttemptsAllowed = 1,
            LatePolicy = LatePolicy.AcceptAndMarkLate,
            ReviewPolicy = ReviewPolicy.ScoreOnly,
            CreatedAt = now.AddDays(-3),
            CreatedById = demoClass.OwnerId,
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();

        var attempts = services.GetRequiredService<AttemptService>();
        async Task<Attempt> Submit(string email, Dictionary<string, Answer> answers)
        {
            var attempt = await attempts.StartForAssignmentAsync(users[email].Id, assignment, quiz, demoClass.TimeZone);
            await attempts.SubmitAsync(attempt, quiz, answers);
            return attempt;
        }

        var first = await Submit("student1@example.com", new()
        {
            ["outlet"] = new Answer { Choices = ["not-stated"] },
            ["caption"] = new Answer { TrueFalse = true },
            ["via-al-jazeera"] = new Answer { Choices = ["success", "moved-in"] },
            ["unnamed-sentences"] = new Answer { Sentences = ["4.1", "4.2", "4.3"] },
            ["ledger"] = new Answer { Rows = [new("military sources", false, "according to"), new("the reporter", false, "direct quote"), new("Rupert Jones", true, "direct quote")] },
            ["hedge-word"] = new Answer { Text = "reportedly" },
            ["last-paragraph"] = new Answer { Choices = ["guess"] },
            ["why-names-matter"] = new Answer { Text = "Because you cannot check who they are or whether they have a reason to say it." },
            ["essay"] = new Answer { Text = "The claim about troops moving in comes from unnamed military sources, who told Al-Jazeera's correspondent in Erbil, who told Al-Jazeera, which this site copied. That is four steps. Rupert Jones is quoted directly and named, so I trust him more, even though he is on one side. The part about Barcelona is just the writer guessing." },
        });
        await Submit("student2@example.com", new()
        {
            ["outlet"] = new Answer { Choices = ["reuters"] },
            ["caption"] = new Answer { TrueFalse = true },
            ["via-al-jazeera"] = new Answer { Choices = ["success", "jones"] },
            ["unnamed-sentences"] = new Answer { Sentences = ["4.1", "6.1"] },
            ["hedge-word"] = new Answer { Text = "claim" },
            ["last-paragraph"] = new Answer { Choices = ["jones"] },
            ["why-names-matter"] = new Answer { Text = "They might be lying." },
            ["essay"] = new Answer { Text = "The article is not very reliable because it uses sources that are not named. I trust the general more." },
        });

        // The teacher has graded the first student's written answers; the second student's essay waits.
        var responses = db.Responses.Where(r => r.AttemptId == first.Id && (r.QuestionId == "essay" || r.QuestionId == "why-names-matter")).ToList();
        var essay = quiz.Find("essay")!;
        foreach (var response in responses)
        {
            var levels = new List<int> { 0, 0, 1 };
            response.Points = response.QuestionId == "essay" ? RubricScoring.Points(essay.GradingRubric, levels) : 2;
            response.RubricJson = response.QuestionId == "essay" ? RubricScoring.ToJson(levels) : null;
            response.Feedback = response.QuestionId == "essay"
                ? "You traced the chain clearly. Next time quote the article's exact words for each step."
                : "Exactly: no one can be held to what they said.";
            response.NeedsGrading = false;
            response.Stamp = Guid.NewGuid().ToString("N");
            db.ScoreChanges.Add(new ScoreChange { ResponseId = response.Id, ChangedById = demoClass.OwnerId, ChangedAt = now, NewPoints = response.Points });
        }
        await db.SaveChangesAsync();
        await AttemptScore.RecomputeAsync(db, first.Id);
    }
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds demo accounts and a demo class; only ever honoured in Development.</summary>
    public bool Seed { get; set; } = true;

    public const string Password = "demo-classroom";
}
