using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Grading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Infrastructure;

/// <summary>
/// A class "Period 1" (Ms. Rivera; Amira, Ben and Chloe) with the Tal Afar quiz assigned: Amira's attempt
/// is fully graded, Ben's essay waits for the teacher, Chloe has not started. Beside it, another teacher's
/// class "Period 9" with a student of its own, and an admin, for authorization tests. Built through
/// <see cref="TestData"/>, never from the demo seed.
/// </summary>
public sealed class ClassWorld
{
    public const string ClassInstructor = "rivera@school.test";
    public const string Admin = "admin@school.test";
    public const string StudentOfClass = "amira@school.test";
    public const string Student2 = "ben@school.test";
    public const string Student3 = "chloe@school.test";
    public const string OtherInstructor = "other.teacher@school.test";
    public const string StudentOfOtherClass = "other.student@school.test";
    public const string Password = TestData.Password;

    public int ClassId { get; private init; }
    public int OtherClassId { get; private init; }
    public int AssignmentId { get; private init; }
    public int StudentAttemptId { get; private init; }
    public int WaitingAttemptId { get; private init; }
    public int WaitingEssayResponseId { get; private init; }
    public string StudentOfClassId { get; private init; } = "";
    public string Student2Id { get; private init; } = "";
    public string Student3Id { get; private init; } = "";
    public string InstructorId { get; private init; } = "";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClassroomFactory, Task<ClassWorld>> Built = new();

    /// <summary>The world of this factory's database, built on first use.</summary>
    public static Task<ClassWorld> BuildAsync(ClassroomFactory factory)
    {
        lock (Built) return Built.GetValue(factory, f => BuildNowAsync(f));
    }

    private static async Task<ClassWorld> BuildNowAsync(ClassroomFactory factory)
    {
        var data = new TestData(factory);
        var teacher = await data.InstructorAsync("Ms. Rivera", ClassInstructor);
        await data.AdminAsync("Site Admin", Admin);
        var amira = await data.StudentAsync("Amira Haddad", StudentOfClass);
        var ben = await data.StudentAsync("Ben Okafor", Student2);
        var chloe = await data.StudentAsync("Chloe Martin", Student3);
        var otherTeacher = await data.InstructorAsync("Mr. Other", OtherInstructor);
        var otherStudent = await data.StudentAsync("Olga Other", StudentOfOtherClass);

        var existing = await data.DbAsync(db => db.Classes.Where(c => c.Name == "Period 1" && c.OwnerId == teacher.Id).Select(c => (int?)c.Id).SingleOrDefaultAsync());
        if (existing is not null) return await FindAsync(data, existing.Value, amira, ben, chloe, teacher);

        var period1 = await data.ClassAsync(teacher, "Period 1", [amira, ben, chloe]);
        var period9 = await data.ClassAsync(otherTeacher, "Period 9", [otherStudent]);
        var assignment = await data.AssignAsync(period1);
        var first = await data.SubmitAsync(amira, assignment, quiz => new()
        {
            [quiz.Questions.OfType<SingleChoiceQuestion>().First().Id] = new() { Choices = [quiz.Questions.OfType<SingleChoiceQuestion>().First().Options.First(o => o.Correct).Id] },
            [TestData.Only<EssayQuestion>(quiz)] = new() { Text = "The claim passes from unnamed military sources to a correspondent, then to Al-Jazeera, then to this page." },
            [OpenShortAnswer(quiz)] = new() { Text = "Because no one can check who they are." },
        });
        await data.SubmitAsync(ben, assignment, quiz => new()
        {
            [TestData.Only<EssayQuestion>(quiz)] = new() { Text = "The article is not very reliable because it uses sources that are not named." },
        });

        // The teacher has graded Amira's written answers (the essay with the rubric); Ben's wait.
        using (var scope = factory.Services.CreateScope())
        {
            var grading = scope.ServiceProvider.GetRequiredService<GradingService>();
            var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
            var principal = await Principal(scope.ServiceProvider, teacher.Id);
            foreach (var r in await db.Responses.AsNoTracking().Where(r => r.AttemptId == first && r.NeedsGrading).ToListAsync())
            {
                var essay = await IsEssayAsync(scope.ServiceProvider, r);
                var result = await grading.GradeAsync(r.Id, principal,
                    new GradeInput(essay ? [0, 0, 1] : null, essay ? null : 2, "Good: you named each step.", null, r.Stamp));
                Assert.Equal(GradeOutcome.Saved, result.Outcome);
            }
        }
        return await FindAsync(data, period1.Id, amira, ben, chloe, teacher);
    }

    public static string OpenShortAnswer(Classroom.Web.Content.QuizDefinition quiz) =>
        quiz.Questions.OfType<ShortAnswerQuestion>().First(q => q.NeedsInstructor).Id;

    private static async Task<bool> IsEssayAsync(IServiceProvider services, Response response)
    {
        var db = services.GetRequiredService<ClassroomDbContext>();
        var versionId = await db.Attempts.Where(a => a.Id == response.AttemptId).Select(a => a.QuizVersionId).SingleAsync();
        var quiz = await services.GetRequiredService<Classroom.Web.Features.Quizzes.QuizVersions>().DefinitionAsync(versionId);
        return quiz.Find(response.QuestionId) is EssayQuestion;
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> Principal(IServiceProvider services, string userId)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var factory = services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(userId))!);
    }

    private static async Task<ClassWorld> FindAsync(TestData data, int classId, Person amira, Person ben, Person chloe, Person teacher) =>
        await data.DbAsync(async db =>
        {
            var assignment = await db.Assignments.Where(a => a.ClassId == classId).OrderBy(a => a.Id).FirstAsync();
            var first = await db.Attempts.SingleAsync(a => a.AssignmentId == assignment.Id && a.StudentId == amira.Id);
            var waiting = await db.Attempts.SingleAsync(a => a.AssignmentId == assignment.Id && a.StudentId == ben.Id);
            var essayId = TestData.Only<EssayQuestion>(data.Catalog.QuizForLesson(assignment.LessonSlug)!);
            var essay = await db.Responses.SingleAsync(r => r.AttemptId == waiting.Id && r.QuestionId == essayId);
            var other = await db.Classes.SingleAsync(c => c.Name == "Period 9");
            return new ClassWorld
            {
                ClassId = classId, OtherClassId = other.Id, AssignmentId = assignment.Id,
                StudentAttemptId = first.Id, WaitingAttemptId = waiting.Id, WaitingEssayResponseId = essay.Id,
                StudentOfClassId = amira.Id, Student2Id = ben.Id, Student3Id = chloe.Id, InstructorId = teacher.Id,
            };
        });

    /// <summary>A client signed in as one of the world's people (the world is built first if need be).</summary>
    public static async Task<HttpClient> ClientAsync(ClassroomFactory factory, string? email)
    {
        await BuildAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        if (email is not null) await client.SignInOrFailAsync(email, Password);
        return client;
    }
}
