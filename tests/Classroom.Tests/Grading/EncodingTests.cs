using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Grading;

/// <summary>Student and teacher text is shown encoded everywhere: it can never become markup or script.</summary>
public class EncodingTests
{
    private const string Name = "<script>alert('name')</script>";
    private const string Essay = "<img src=x onerror=alert('essay')> and </textarea><script>alert(2)</script>";
    private const string Feedback = "<script>alert('feedback')</script>";

    [Fact]
    public async Task A_script_in_a_name_an_essay_and_feedback_appears_as_text_on_every_page()
    {
        using var factory = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        string code;
        using (var scope = factory.Services.CreateScope())
            code = (await scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().Classes.SingleAsync(c => c.Id == world.ClassId)).JoinCode;

        var student = factory.CreateBrowserLikeClient();
        await student.PostFormAsync("/account/register", new() { ["DisplayName"] = Name, ["Email"] = "evil@example.org", ["Password"] = "long enough pass", ["ConfirmPassword"] = "long enough pass" });
        var joined = await student.PostFormAsync("/classes/join", new() { ["Code"] = code }, tokenFrom: "/classes");
        Assert.True(joined.StatusCode == HttpStatusCode.Redirect, await joined.Content.ReadAsStringAsync());
        var start = await student.PostFormAsync($"/assignments/{world.AssignmentId}/start", [], tokenFrom: $"/assignments/{world.AssignmentId}");
        var attempt = int.Parse(start.Headers.Location!.OriginalString.Split('/').Last());
        var token = await student.GetAntiforgeryTokenAsync($"/attempts/{attempt}");
        await student.PostAsync($"/attempts/{attempt}/autosave", Attempts.AttemptClient.Form(token, [("present", "essay"), ("q.essay.text", Essay)]));
        var taking = await student.GetStringAsync($"/attempts/{attempt}");
        await student.PostAsync($"/attempts/{attempt}", Attempts.AttemptClient.Form(token, [("action", "submit"), ("confirm", "yes")]));

        int essayId;
        string? stamp;
        using (var scope = factory.Services.CreateScope())
        {
            var r = await scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().Responses.SingleAsync(x => x.AttemptId == attempt && x.QuestionId == "essay");
            (essayId, stamp) = (r.Id, r.Stamp);
        }
        var graded = await teacher.PostFormAsync($"/responses/{essayId}/grade", new()
        {
            ["stamp"] = stamp!, ["returnUrl"] = "/classes", ["level0"] = "0", ["level1"] = "0", ["level2"] = "0", ["feedback"] = Feedback,
        }, tokenFrom: "/classes");
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/release", [], tokenFrom: $"/assignments/{world.AssignmentId}");

        var pages = new Dictionary<string, string>
        {
            ["taking"] = taking,
            ["roster"] = await teacher.GetStringAsync($"/classes/{world.ClassId}"),
            ["assignment"] = await teacher.GetStringAsync($"/assignments/{world.AssignmentId}"),
            ["by question"] = await teacher.GetStringAsync($"/assignments/{world.AssignmentId}/grading/questions/essay"),
            ["by student"] = await teacher.GetStringAsync($"/assignments/{world.AssignmentId}/grading/attempts/{attempt}"),
            ["overview"] = await teacher.GetStringAsync($"/assignments/{world.AssignmentId}/grading"),
            ["gradebook"] = await teacher.GetStringAsync($"/classes/{world.ClassId}/gradebook"),
            ["review"] = await student.GetStringAsync($"/attempts/{attempt}/review"),
            ["student gradebook"] = await student.GetStringAsync($"/classes/{world.ClassId}/gradebook"),
        };
        foreach (var (page, html) in pages)
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("</textarea><script>", html);
        }
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;", pages["roster"]);
        Assert.Contains("&lt;img src=x onerror=alert(&#x27;essay&#x27;)&gt;", pages["by question"]);
        Assert.Contains("&lt;img src=x onerror=alert(&#x27;essay&#x27;)&gt;", pages["taking"]);
        Assert.Contains("&lt;script&gt;alert(&#x27;feedback&#x27;)&lt;/script&gt;", pages["review"]);
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;", pages["gradebook"]);

        var csv = await (await teacher.GetAsync($"/classes/{world.ClassId}/gradebook.csv")).Content.ReadAsStringAsync();
        Assert.Contains(Name, csv); // CSV is data, not HTML: the name is kept as typed
    }
}
