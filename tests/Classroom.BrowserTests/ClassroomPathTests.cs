using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Classroom.BrowserTests;

/// <summary>A teacher runs a class end to end and a student works in it, in Chromium, with axe on every page.</summary>
[Collection(nameof(BrowserCollection))]
public class ClassroomPathTests(BrowserFixture fixture)
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Shot(name + ".png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<IPage> SignInAsync(string email, string password = "demo-classroom")
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return page;
    }

    [Fact]
    public async Task A_teacher_runs_a_class_and_a_student_works_in_it()
    {
        // The teacher creates a class and copies its code.
        var teacher = await SignInAsync("instructor@example.com");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Classes", Exact = true }).ClickAsync();
        await CheckAsync(teacher, "teacher-classes");
        await teacher.GetByLabel("Class name").FillAsync("Period 2");
        await teacher.GetByLabel("Term").FillAsync("Spring");
        await teacher.GetByLabel("Time zone").SelectOptionAsync("Europe/London");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Create class" }).ClickAsync();
        await teacher.WaitForURLAsync(new Regex("/classes/\\d+$"));
        var classUrl = teacher.Url;
        var code = (await teacher.Locator("#join-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        await teacher.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Copy code" }).ClickAsync();
        Assert.Equal(code, await teacher.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await CheckAsync(teacher, "teacher-class");

        // It assigns the Tal Afar quiz.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Assign a quiz" }).ClickAsync();
        await CheckAsync(teacher, "teacher-assign");
        await teacher.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Tal Afar offensive") }).CheckAsync();
        await teacher.GetByLabel("Opens", new() { Exact = true }).FillAsync("2020-01-01T08:00");
        await teacher.GetByLabel("Due", new() { Exact = true }).FillAsync("2099-01-01T08:00");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await teacher.WaitForURLAsync(new Regex("/assignments/\\d+$"));
        var assignmentUrl = teacher.Url;
        await CheckAsync(teacher, "teacher-assignment");

        // A new student signs up, joins with the code, and takes the assignment.
        var student = await fixture.NewPageAsync(390, 844);
        await student.GotoAsync("/account/register");
        await student.GetByLabel("Your name").FillAsync("Rosa Reader");
        await student.GetByLabel("Email").FillAsync("rosa@example.org");
        await student.GetByLabel("Password", new() { Exact = true }).FillAsync("a long passphrase");
        await student.GetByLabel("Password again").FillAsync("a long passphrase");
        await student.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // A new student in no class lands on a prompt for the code.
        await Assertions.Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Join your class" })).ToBeVisibleAsync();
        await CheckAsync(student, "student-join-prompt");
        await student.GetByLabel("Join code").FillAsync(code.ToLowerInvariant());
        await student.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(student.Locator(".flash")).ToContainTextAsync("You joined Period 2");
        await CheckAsync(student, "student-class");
        await student.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).ClickAsync();
        await Assertions.Expect(student.Locator(".assignment-card").First).ToContainTextAsync("Open");
        await CheckAsync(student, "student-assignments");
        await student.GetByRole(AriaRole.Link, new() { Name = "Tal Afar: who says so?" }).ClickAsync();
        await CheckAsync(student, "student-assignment");
        await student.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await student.WaitForURLAsync(new Regex("/attempts/\\d+$"));
        await student.GetByRole(AriaRole.Radio, new() { Name = "The article does not say" }).CheckAsync();
        await Assertions.Expect(student.Locator("#state-outlet")).ToContainTextAsync("Saved at");
        await student.Locator("#question-essay textarea").FillAsync("Unnamed military sources told a correspondent in Erbil, who told Al-Jazeera, which this page retells.");
        await Assertions.Expect(student.Locator("#state-essay")).ToContainTextAsync("Saved at");
        await QuizSteps.SubmitAsync(student);
        Assert.Contains("Waiting for your instructor", await student.ContentAsync());
        await CheckAsync(student, "student-review-before-release");

        // The teacher grades the essay with the keyboard only.
        await teacher.GotoAsync(assignmentUrl + "/grading");
        await CheckAsync(teacher, "teacher-grading");
        await teacher.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 9") }).ClickAsync();
        var card = teacher.Locator(".grade-card", new() { HasText = "Rosa Reader" });
        await card.GetByRole(AriaRole.Radio).First.FocusAsync();
        await teacher.Keyboard.PressAsync("Space");          // criterion 1: Proficient
        await teacher.Keyboard.PressAsync("Tab");
        await teacher.Keyboard.PressAsync("Space");          // criterion 2: Proficient
        await teacher.Keyboard.PressAsync("ArrowRight");     // … no, Emergent
        await teacher.Keyboard.PressAsync("Tab");
        await teacher.Keyboard.PressAsync("Space");          // criterion 3: Proficient
        await teacher.Keyboard.PressAsync("Tab");            // "or type the points instead", left empty
        await teacher.Keyboard.PressAsync("Tab");            // feedback
        await teacher.Keyboard.TypeAsync("You traced the chain. Quote the article's words next time.");
        await teacher.Keyboard.PressAsync("Tab");            // the save button
        await teacher.Keyboard.PressAsync("Enter");
        await Assertions.Expect(teacher.Locator(".flash")).ToContainTextAsync("Saved: 8 of 9 points");
        await CheckAsync(teacher, "teacher-graded");

        // Release, then export the gradebook.
        await teacher.GotoAsync(assignmentUrl);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Release grades" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".flash")).ToContainTextAsync("released");
        await teacher.GotoAsync(classUrl + "/gradebook");
        await CheckAsync(teacher, "teacher-gradebook");
        var download = await teacher.RunAndWaitForDownloadAsync(() => teacher.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal("period-2-gradebook.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Rosa Reader,rosa@example.org,9,", csv);

        // The student sees the released grade and feedback.
        await student.ReloadAsync();
        var review = await student.ContentAsync();
        Assert.Contains("You traced the chain. Quote the article", review);
        Assert.Contains("<strong>9</strong> of 28 points", review);
        await CheckAsync(student, "student-review-released");
        await student.GotoAsync("/assignments");
        await Assertions.Expect(student.Locator(".assignment-card").First).ToContainTextAsync("Grades released");
    }
}
