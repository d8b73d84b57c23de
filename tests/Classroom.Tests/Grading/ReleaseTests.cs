using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Grading;

/// <summary>Before release, nothing a student receives carries keys, explanations, rubric levels or scores the policy hides.</summary>
public class ReleaseTests
{
    // Read from the course itself, so a content correction does not break the test.
    private static readonly Classroom.Web.Content.QuizDefinition Quiz = Classroom.Web.Content.ContentLoader.Load(Paths.Content).QuizForLesson("tal-afar-offensive")!;
    private static readonly string Explanation = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(Quiz.Questions.Single(q => q.Id == "outlet").Explanation);
    private static readonly string ModelAnswer = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(Quiz.Questions.Single(q => q.Id == "essay").KeyText());

    private static async Task<(ClassroomFactory Factory, ClassWorld World, HttpClient Teacher, HttpClient Student, int Attempt)> SubmittedAsync(string policy)
    {
        var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var created = await teacher.PostFormAsync($"/classes/{world.ClassId}/assignments", new()
        {
            ["Lesson"] = "tal-afar-offensive", ["Title"] = "Tal Afar, " + policy, ["OpensAt"] = "2020-01-01T00:00", ["DueAt"] = "2099-01-01T00:00",
            ["AttemptsAllowed"] = "1", ["LatePolicy"] = "AcceptAndMarkLate", ["ReviewPolicy"] = policy,
        }, tokenFrom: $"/classes/{world.ClassId}/assignments/new");
        var assignment = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var student = await ClassWorld.ClientAsync(factory, ClassWorld.Student3);
        var start = await student.PostFormAsync($"/assignments/{assignment}/start", [], tokenFrom: $"/assignments/{assignment}");
        var attempt = int.Parse(start.Headers.Location!.OriginalString.Split('/').Last());
        var token = await student.GetAntiforgeryTokenAsync($"/attempts/{attempt}");
        var submitted = await student.PostAsync($"/attempts/{attempt}", Attempts.AttemptClient.Form(token,
            [("present", "outlet"), ("q.outlet", "not-stated"), ("present", "essay"), ("q.essay.text", "My essay about the chain of sources."), ("action", "submit"), ("confirm", "yes")]));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return (factory, world, teacher, student, attempt);
    }

    private static async Task GradeEssayAsync(ClassroomFactory factory, HttpClient teacher, int attempt)
    {
        using var scope = factory.Services.CreateScope();
        var essay = await scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().Responses.SingleAsync(r => r.AttemptId == attempt && r.QuestionId == "essay");
        var response = await teacher.PostFormAsync($"/responses/{essay.Id}/grade", new()
        {
            ["stamp"] = essay.Stamp!, ["returnUrl"] = "/classes", ["level0"] = "0", ["level1"] = "1", ["level2"] = "2", ["feedback"] = "A clear chain; quote more.",
        }, tokenFrom: "/classes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<int> AssignmentOf(ClassroomFactory factory, int attempt)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().Attempts.SingleAsync(a => a.Id == attempt)).AssignmentId!.Value;
    }

    [Fact]
    public async Task Nothing_until_release_hides_scores_keys_feedback_and_levels_until_the_teacher_releases()
    {
        var (factory, world, teacher, student, attempt) = await SubmittedAsync("NothingUntilRelease");
        using var _ = factory;
        await GradeEssayAsync(factory, teacher, attempt);

        var before = await student.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains("Your instructor will release your grade and feedback.", before);
        Assert.Contains("My essay about the chain of sources.", before); // their own words are always theirs to read
        foreach (var hidden in new[] { Explanation, ModelAnswer, "A clear chain; quote more.", "✓ in the key", "Chosen:", "points</span>", "Evidence in the article" })
            Assert.DoesNotContain(hidden, before);
        var list = await student.GetStringAsync("/assignments");
        Assert.Contains(">Submitted<", list);
        Assert.DoesNotContain("Score:", list);
        var grades = await student.GetStringAsync($"/classes/{world.ClassId}/gradebook");
        Assert.DoesNotContain(">9<", grades);

        var assignment = await AssignmentOf(factory, attempt);
        await teacher.PostFormAsync($"/assignments/{assignment}/release", [], tokenFrom: $"/assignments/{assignment}");

        var after = await student.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains("A clear chain; quote more.", after);
        Assert.Contains("✓ Chosen:", after);
        Assert.Contains(Explanation, after);
        Assert.Contains("of 28 points", after);
        Assert.Contains("Grades released", await student.GetStringAsync("/assignments"));
    }

    [Fact]
    public async Task Score_only_shows_the_automatic_score_at_once_but_never_the_keys()
    {
        var (factory, _, teacher, student, attempt) = await SubmittedAsync("ScoreOnly");
        using var __ = factory;
        await GradeEssayAsync(factory, teacher, attempt);
        var before = await student.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains("<strong>1</strong> of 28 points", before); // the outlet question, scored automatically
        Assert.Contains("Waiting for your instructor", before);
        Assert.DoesNotContain("A clear chain; quote more.", before);
        Assert.DoesNotContain(Explanation, before);

        var assignment = await AssignmentOf(factory, attempt);
        await teacher.PostFormAsync($"/assignments/{assignment}/release", [], tokenFrom: $"/assignments/{assignment}");
        var after = await student.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains("A clear chain; quote more.", after);
        Assert.Contains("<strong>7</strong> of 28 points", after); // 1 + rubric 3 + 2 + 1
        Assert.DoesNotContain(Explanation, after);
        Assert.DoesNotContain("✓ in the key", after);
    }

    [Fact]
    public async Task Score_and_keys_shows_keys_at_once_and_teacher_grades_after_release()
    {
        var (factory, _, teacher, student, attempt) = await SubmittedAsync("ScoreAndKeys");
        using var __ = factory;
        await GradeEssayAsync(factory, teacher, attempt);
        var before = await student.GetStringAsync($"/attempts/{attempt}/review");
        Assert.Contains(Explanation, before);
        Assert.Contains("✓ in the key", before);
        Assert.DoesNotContain("A clear chain; quote more.", before);
        Assert.DoesNotContain("✓ Chosen:", before);
    }

    [Fact]
    public async Task Hiding_grades_again_takes_them_back_from_students()
    {
        var (factory, _, teacher, student, attempt) = await SubmittedAsync("NothingUntilRelease");
        using var __ = factory;
        await GradeEssayAsync(factory, teacher, attempt);
        var assignment = await AssignmentOf(factory, attempt);
        await teacher.PostFormAsync($"/assignments/{assignment}/release", [], tokenFrom: $"/assignments/{assignment}");
        await teacher.PostFormAsync($"/assignments/{assignment}/unrelease", [], tokenFrom: $"/assignments/{assignment}");
        Assert.DoesNotContain("A clear chain; quote more.", await student.GetStringAsync($"/attempts/{attempt}/review"));
    }
}
