using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Classes;

public sealed class MatrixFixture : IAsyncLifetime
{
    public ClassroomFactory Factory { get; } = new();
    public ClassWorld World { get; private set; } = null!;
    private readonly Dictionary<string, HttpClient> clients = new();

    public async Task InitializeAsync()
    {
        World = await ClassWorld.BuildAsync(Factory);
        foreach (var who in AuthorizationMatrixTests.Roles)
            clients[who] = await ClassWorld.ClientAsync(Factory, AuthorizationMatrixTests.EmailOf(who));
    }

    public HttpClient Client(string who) => clients[who];

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Every new page and action against anonymous, a student of the class, a student of another class, the class's instructor, another instructor and an admin.</summary>
public class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    public static readonly string[] Roles = ["anonymous", "student of class", "student of other class", "class instructor", "other instructor", "admin"];

    public static string? EmailOf(string who) => who switch
    {
        "anonymous" => null,
        "student of class" => ClassWorld.StudentOfClass,
        "student of other class" => ClassWorld.StudentOfOtherClass,
        "class instructor" => ClassWorld.ClassInstructor,
        "other instructor" => ClassWorld.OtherInstructor,
        _ => ClassWorld.Admin,
    };

    // Expected status for: anonymous, student of class, student of other class, class instructor, other instructor, admin.
    private const int Login = 302;

    public static TheoryData<string, int[]> Pages => new()
    {
        { "/classes/{class}", [Login, 200, 404, 200, 404, 200] },
        { "/classes/{class}/assignments/new", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}", [Login, 200, 404, 200, 404, 200] },
        { "/assignments/{assignment}/edit", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}/grading", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}/grading/questions/essay", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}/grading/attempts/{attempt}", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}/insight", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}/insight/responses.csv", [Login, 403, 403, 200, 404, 200] },
        { "/assignments/{assignment}/insight/items.csv", [Login, 403, 403, 200, 404, 200] },
        { "/classes/{class}/gradebook", [Login, 200, 404, 200, 404, 200] },
        { "/classes/{class}/gradebook.csv", [Login, 403, 404, 200, 404, 200] },
        { "/attempts/{attempt}/review", [Login, 200, 404, 404, 404, 404] },
        { "/classes", [Login, 200, 200, 200, 200, 200] },
        { "/assignments", [Login, 200, 200, 302, 302, 302] },
    };

    private string Url(string template) => template
        .Replace("{class}", fixture.World.ClassId.ToString())
        .Replace("{assignment}", fixture.World.AssignmentId.ToString())
        .Replace("{attempt}", fixture.World.StudentAttemptId.ToString());

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_answers_each_kind_of_user_as_it_should(string page, int[] expected)
    {
        for (int i = 0; i < Roles.Length; i++)
        {
            var response = await fixture.Client(Roles[i]).GetAsync(Url(page));
            Assert.True((int)response.StatusCode == expected[i], $"{Roles[i]} on {page}: expected {expected[i]}, got {(int)response.StatusCode}");
            if (Roles[i] == "anonymous") Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString);
        }
    }

    public static TheoryData<string, int[]> Actions => new()
    {
        { "/classes/{class}/code", [Login, 403, 403, 200, 404, 200] }, // unconfirmed: the confirmation page, nothing changed
        { "/classes/{class}/settings", [Login, 403, 403, 302, 404, 302] },
        { "/classes/{class}/instructors", [Login, 403, 403, 422, 404, 422] },
        { "/classes/{class}/assignments", [Login, 403, 403, 422, 404, 422] },
        { "/assignments/{assignment}", [Login, 403, 403, 422, 404, 422] },
        { "/assignments/{assignment}/unrelease", [Login, 403, 403, 302, 404, 302] },
        { "/responses/{response}/grade", [Login, 403, 403, 422, 404, 422] },
        { "/classes/{other}/students/{student}/remove", [Login, 403, 403, 404, 404, 404] },
        { "/classes/{class}/students/{student}/remove", [Login, 403, 403, 200, 404, 200] }, // unconfirmed
        { "/assignments/{assignment}/delete", [Login, 403, 403, 409, 404, 409] }, // it has attempts
        { "/assignments/{assignment}/students/{student}/extension", [Login, 403, 403, 422, 404, 422] }, // no reason given
        { "/classes/{class}/students/{student}/time", [Login, 403, 403, 422, 404, 422] }, // no multiplier given
    };

    /// <summary>
    /// Refused users change nothing: the class's join code, name, assignment and the waiting essay stay as they were.
    /// (Allowed users post an empty or harmless form here; their real actions are tested elsewhere.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_refuses_whoever_may_not_do_it_and_changes_nothing(string action, int[] expected)
    {
        var url = Url(action).Replace("{response}", fixture.World.WaitingEssayResponseId.ToString())
            .Replace("{other}", fixture.World.OtherClassId.ToString()).Replace("{student}", fixture.World.StudentOfClassId);
        for (int i = 0; i < Roles.Length; i++)
        {
            var before = await SnapshotAsync();
            var client = fixture.Client(Roles[i]);
            var token = await client.GetAntiforgeryTokenAsync("/account/login");
            var fields = url.EndsWith("/settings") ? new Dictionary<string, string> { ["Name"] = "Period 1", ["TimeZone"] = "UTC" } : [];
            fields["__RequestVerificationToken"] = token;
            var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode == expected[i], $"{Roles[i]} posting {action}: expected {expected[i]}, got {(int)response.StatusCode}");
            // A refusal, or (200) a confirmation page, changes nothing.
            if (Roles[i] == "anonymous" || expected[i] is 200 or 400 or 403 or 404 or 409 or 422)
                Assert.Equal(before, await SnapshotAsync());
        }
    }

    private async Task<string> SnapshotAsync()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
        var c = await db.Classes.AsNoTracking().SingleAsync(x => x.Id == fixture.World.ClassId);
        var a = await db.Assignments.AsNoTracking().SingleAsync(x => x.Id == fixture.World.AssignmentId);
        var r = await db.Responses.AsNoTracking().SingleAsync(x => x.Id == fixture.World.WaitingEssayResponseId);
        var enrolled = await db.Enrollments.CountAsync(e => e.RemovedAt == null);
        var teachers = await db.ClassInstructors.CountAsync();
        var exceptions = await db.StudentExceptions.CountAsync();
        var assignments = await db.Assignments.CountAsync();
        return $"{c.Name}|{c.JoinCode}|{c.ArchivedAt}|{a.Title}|{a.DueAt:o}|{r.Points}|{r.Feedback}|{r.Stamp}|{enrolled}|{teachers}|{exceptions}|{assignments}";
    }
}
