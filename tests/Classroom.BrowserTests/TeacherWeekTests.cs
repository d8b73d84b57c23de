using System.Text;
using System.Text.RegularExpressions;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Quizzes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Classroom.BrowserTests;

/// <summary>
/// The teacher's week in Chromium: the home page, an extension and extra time as the student then meets them,
/// returning work, the gradebook's statuses, and the quiz page on a phone and a wide screen. Axe on every page.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class TeacherWeekTests(BrowserFixture fixture)
{
    private const string Password = "a long passphrase";
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Shot(name + ".png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<IPage> SignInAsync(string email, string password = Password, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return page;
    }

    private sealed record Seeded(string TeacherEmail, int ClassId, int AssignmentId, Dictionary<string, (string Id, string Email)> Students);

    /// <summary>A teacher, a class in London's zone with these students, and the Tal Afar quiz assigned with <paramref name="change"/>.</summary>
    private async Task<Seeded> SeedAsync(string[] students, Action<Assignment> change)
    {
        using var scope = fixture.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var db = services.GetRequiredService<ClassroomDbContext>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        async Task<ApplicationUser> Person(string name, string role)
        {
            var user = new ApplicationUser { UserName = $"{name.Split(' ')[0].ToLowerInvariant()}.{tag}@example.org", Email = $"{name.Split(' ')[0].ToLowerInvariant()}.{tag}@example.org", DisplayName = name, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, role);
            return user;
        }
        var teacher = await Person("Mr. Okonjo", Roles.Instructor);
        var people = new Dictionary<string, (string, string)>();
        var c = new Class { Name = $"Period {tag[..2]}", OwnerId = teacher.Id, TimeZone = "Europe/London", CreatedAt = DateTime.UtcNow, JoinCode = tag.ToUpperInvariant() + "ZZ" };
        foreach (var name in students)
        {
            var s = await Person(name, Roles.Student);
            people[name] = (s.Id, s.Email!);
            c.Enrollments.Add(new Enrollment { StudentId = s.Id, JoinedAt = DateTime.UtcNow });
        }
        db.Classes.Add(c);
        await db.SaveChangesAsync();
        var quiz = services.GetRequiredService<CourseCatalog>().QuizForLesson("tal-afar-offensive")!;
        var version = await services.GetRequiredService<QuizVersions>().CurrentAsync(quiz);
        var assignment = new Assignment
        {
            ClassId = c.Id, QuizVersionId = version.Id, LessonSlug = "tal-afar-offensive", Title = "Tal Afar: who says so?",
            OpensAt = DateTime.UtcNow.AddDays(-2), DueAt = DateTime.UtcNow.AddDays(3), AttemptsAllowed = 1,
            LatePolicy = LatePolicy.AcceptAndMarkLate, ReviewPolicy = ReviewPolicy.ScoreOnly, CreatedAt = DateTime.UtcNow, CreatedById = teacher.Id,
        };
        change(assignment);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return new Seeded(teacher.Email!, c.Id, assignment.Id, people);
    }

    private async Task SubmitDirectAsync(Seeded world, string student, Dictionary<string, Answer> answers)
    {
        using var scope = fixture.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClassroomDbContext>();
        var assignment = await db.Assignments.Include(a => a.Class).SingleAsync(a => a.Id == world.AssignmentId);
        var quiz = await services.GetRequiredService<QuizVersions>().DefinitionAsync(assignment.QuizVersionId);
        var attempts = services.GetRequiredService<AttemptService>();
        var attempt = await attempts.StartForAssignmentAsync(world.Students[student].Id, assignment, quiz, assignment.Class!.TimeZone);
        await attempts.SubmitAsync(attempt, quiz, answers);
    }

    [Fact]
    public async Task Class_insight_shows_the_class_on_the_article_and_opens_a_sentence_by_keyboard()
    {
        string[] names = ["Ava Adams", "Ben Brown", "Cleo Chen", "Dev Das", "Eve Ekwu"];
        var world = await SeedAsync(names, _ => { });
        var quiz = fixture.Services.GetRequiredService<CourseCatalog>().QuizForLesson("tal-afar-offensive")!;
        var highlight = quiz.Questions.OfType<HighlightQuestion>().First();
        var choice = quiz.Questions.OfType<SingleChoiceQuestion>().First();
        for (int i = 0; i < names.Length; i++)
            await SubmitDirectAsync(world, names[i], new()
            {
                [highlight.Id] = new Answer { Sentences = highlight.KeySentences.Take(1 + i % highlight.KeySentences.Count).ToList() },
                [choice.Id] = new Answer { Choices = [choice.Options[i % choice.Options.Count].Id] },
            });

        var teacher = await SignInAsync(world.TeacherEmail);
        await teacher.GotoAsync($"/assignments/{world.AssignmentId}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Class insight" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Class insight"), Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("How the class scored") })).ToBeVisibleAsync();
        await CheckAsync(teacher, "insight");

        // The first key sentence: everyone marked it. Open it from the keyboard and read who.
        var first = teacher.Locator($"#q-{highlight.Id} .class-article summary").Filter(new() { HasText = "✓ in the key" }).First;
        await first.FocusAsync();
        await teacher.Keyboard.PressAsync("Enter");
        var who = teacher.Locator($"#q-{highlight.Id} .class-article details[open] .share-who").First;
        await Assertions.Expect(who).ToContainTextAsync("Marked it (5)");
        await Assertions.Expect(who).ToContainTextAsync("Ava Adams");
        await CheckAsync(teacher, "insight-sentence-open");

        var phone = await SignInAsync(world.TeacherEmail, width: 390, height: 844);
        await phone.GotoAsync($"/assignments/{world.AssignmentId}/insight");
        var wide = await phone.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling on a phone; too wide: " + wide);
        await CheckAsync(phone, "insight-phone");
    }

    [Fact]
    public async Task The_teacher_home_says_what_to_do_next_and_a_blank_answer_takes_one_key()
    {
        var world = await SeedAsync(["Ava Adams", "Ben Brown", "Cleo Chen"], _ => { });
        await SubmitDirectAsync(world, "Ava Adams", new() { ["essay"] = new Answer { Text = "Unnamed sources told a correspondent, who told Al-Jazeera." } });
        await SubmitDirectAsync(world, "Ben Brown", new() { ["outlet"] = new Answer { Choices = ["reuters"] } });

        var teacher = await SignInAsync(world.TeacherEmail);
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Your week", Level = 1 })).ToBeVisibleAsync();
        var section = teacher.Locator(".week-class").First;
        await Assertions.Expect(section).ToContainTextAsync("2 of 3 submitted");
        await Assertions.Expect(section).ToContainTextAsync("Not started: Cleo Chen.");
        await Assertions.Expect(section).ToContainTextAsync("Recent submissions");
        await Assertions.Expect(teacher.Locator(".nav-user")).ToContainTextAsync("Mr. Okonjo");
        await CheckAsync(teacher, "home-teacher");

        // Straight into the queue: Ben left the short answer blank, so focus is on "Give 0" and Enter grades it.
        await section.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Grade \\d+ answers") }).ClickAsync();
        await teacher.WaitForURLAsync(new Regex("/grading/questions/"));
        await CheckAsync(teacher, "grading-blank-offer");
        var give0 = teacher.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Give 0: blank answer") });
        await give0.First.FocusAsync();
        await teacher.Keyboard.PressAsync("Enter");
        await Assertions.Expect(teacher.Locator(".flash")).ToContainTextAsync("0 points for a blank answer");
    }

    [Fact]
    public async Task An_extension_and_extra_time_as_the_student_meets_them()
    {
        var world = await SeedAsync(["Eli Extended", "Tess Timed"], a =>
        {
            a.DueAt = DateTime.UtcNow.AddHours(-2);
            a.LatePolicy = LatePolicy.Refuse;
            a.TimeLimitMinutes = 10;
        });
        var teacher = await SignInAsync(world.TeacherEmail);

        // The extension, from the assignment's student list.
        await teacher.GotoAsync($"/assignments/{world.AssignmentId}");
        await teacher.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Exceptions for Eli Extended") }).ClickAsync();
        var newDue = DateTime.UtcNow.AddDays(2);
        var london = TimeZoneInfo.ConvertTimeFromUtc(newDue, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await teacher.GetByLabel("New due time (Europe/London)").FillAsync(london.ToString("yyyy-MM-ddTHH:mm"));
        await teacher.GetByLabel("Reason", new() { Exact = true }).First.FillAsync("Away on a school trip");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Extend" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".flash")).ToContainTextAsync("Due time for this student");
        await Assertions.Expect(teacher.Locator(".history-list")).ToContainTextAsync("Reason: Away on a school trip");
        await CheckAsync(teacher, "exceptions-extension");

        // Double time for Tess, from the class roster.
        await teacher.GotoAsync($"/classes/{world.ClassId}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Time limits for Tess Timed: standard" }).ClickAsync();
        await teacher.GetByLabel("Time limits ×").SelectOptionAsync("2");
        await teacher.GetByLabel("Reason (for example, the accommodation plan)").FillAsync("Accommodation plan");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".flash")).ToContainTextAsync("×2");
        await CheckAsync(teacher, "exceptions-time");

        // Eli sees his own date and can start though the class's due time has passed.
        var eli = await SignInAsync(world.Students["Eli Extended"].Email, width: 390, height: 844);
        await Assertions.Expect(eli.Locator(".work-table")).ToContainTextAsync("(extended for you)");
        await CheckAsync(eli, "home-student-extended");
        await eli.GotoAsync($"/assignments/{world.AssignmentId}");
        await eli.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await eli.WaitForURLAsync(new Regex("/attempts/\\d+$"));

        // Tess has no extension, so this assignment is closed for her (late work refused).
        var tess = await SignInAsync(world.Students["Tess Timed"].Email);
        await tess.GotoAsync($"/assignments/{world.AssignmentId}");
        await Assertions.Expect(tess.GetByRole(AriaRole.Button, new() { Name = "Start" })).ToHaveCountAsync(0);
        await Assertions.Expect(tess.Locator("main")).ToContainTextAsync("20 minutes");
    }

    [Fact]
    public async Task Extra_time_shows_on_the_quiz_clock_and_returned_work_keeps_the_first_answers()
    {
        var world = await SeedAsync(["Tia Timed", "Rex Returned"], a => a.TimeLimitMinutes = 15);
        await SubmitDirectAsync(world, "Rex Returned", new() { ["essay"] = new Answer { Text = "My first go at the chain of sources." } });
        var teacher = await SignInAsync(world.TeacherEmail);
        await teacher.GotoAsync($"/classes/{world.ClassId}/students/{world.Students["Tia Timed"].Id}/time");
        await teacher.GetByLabel("Time limits ×").SelectOptionAsync("1.5");
        await teacher.GetByLabel("Reason (for example, the accommodation plan)").FillAsync("Plan");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Return Rex's attempt for resubmission.
        await teacher.GotoAsync($"/assignments/{world.AssignmentId}/students/{world.Students["Rex Returned"].Id}");
        await teacher.GetByLabel("Reason for returning attempt 1").FillAsync("Submitted before finishing");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Return attempt 1" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".flash")).ToContainTextAsync("Returned for resubmission");
        await CheckAsync(teacher, "exceptions-returned");

        var tia = await SignInAsync(world.Students["Tia Timed"].Email);
        await tia.GotoAsync($"/assignments/{world.AssignmentId}");
        await Assertions.Expect(tia.Locator("main")).ToContainTextAsync("23 minutes");
        await tia.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await tia.WaitForURLAsync(new Regex("/attempts/\\d+$"));
        await Assertions.Expect(tia.Locator(".deadline")).ToContainTextAsync("(Europe/London)");
        await Assertions.Expect(tia.Locator(".countdown")).ToContainTextAsync(new Regex("2[23] min"));

        var rex = await SignInAsync(world.Students["Rex Returned"].Email);
        await rex.GotoAsync($"/assignments/{world.AssignmentId}");
        await Assertions.Expect(rex.Locator("main")).ToContainTextAsync("returned to you for another try");
        await rex.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Resume|Start)") }).ClickAsync();
        await rex.WaitForURLAsync(new Regex("/attempts/\\d+$"));
        await Assertions.Expect(rex.Locator("#question-essay textarea")).ToHaveValueAsync("My first go at the chain of sources.");
        await rex.Locator("#question-essay textarea").FillAsync("My second go: unnamed sources, a correspondent, Al-Jazeera, this page.");
        await Assertions.Expect(rex.Locator("#state-essay")).ToContainTextAsync("Saved at");
        await Assertions.Expect(rex.Locator("#state-essay")).ToContainTextAsync("(Europe/London)");
        await QuizSteps.SubmitAsync(rex);
        await CheckAsync(rex, "student-resubmitted");
    }

    [Fact]
    public async Task The_gradebook_csv_says_per_cell_whether_a_grade_is_final_and_the_page_shows_it_too()
    {
        var world = await SeedAsync(["Ann Final", "Bo Waiting", "Cy Missing", "Di Excused"], a => { a.DueAt = DateTime.UtcNow.AddMinutes(30); });
        await SubmitDirectAsync(world, "Ann Final", new() { ["outlet"] = new Answer { Choices = ["not-stated"] } });
        await SubmitDirectAsync(world, "Bo Waiting", new() { ["essay"] = new Answer { Text = "Some words." } });
        using (var scope = fixture.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
            // Ann's open answers are graded (0 each), the due time passes, Di is excused.
            foreach (var r in await db.Responses.Where(r => r.Attempt!.StudentId == world.Students["Ann Final"].Id && r.NeedsGrading).ToListAsync())
            {
                r.Points = 0; r.NeedsGrading = false;
            }
            var attempt = await db.Attempts.SingleAsync(a => a.StudentId == world.Students["Ann Final"].Id);
            attempt.Status = AttemptStatus.Graded;
            foreach (var submitted in await db.Attempts.Where(a => a.AssignmentId == world.AssignmentId).ToListAsync())
                submitted.SubmittedAt = DateTime.UtcNow.AddMinutes(-10); // both on time
            (await db.Assignments.SingleAsync(a => a.Id == world.AssignmentId)).DueAt = DateTime.UtcNow.AddMinutes(-1);
            db.StudentExceptions.Add(new StudentException { ClassId = world.ClassId, AssignmentId = world.AssignmentId, StudentId = world.Students["Di Excused"].Id,
                Kind = ExceptionKind.Excused, Value = "true", Reason = "Moved class", ById = world.Students["Ann Final"].Id, At = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var teacher = await SignInAsync(world.TeacherEmail);
        await teacher.GotoAsync($"/classes/{world.ClassId}/gradebook");
        await CheckAsync(teacher, "gradebook-statuses");
        var download = await teacher.RunAndWaitForDownloadAsync(() => teacher.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        string Row(string name) => csv.Split("\r\n").Single(l => l.StartsWith(name, StringComparison.Ordinal));
        Assert.True(Row("Ann Final").Contains(",final,"), Row("Ann Final"));
        Assert.Contains(",needs grading,", Row("Bo Waiting"));
        Assert.Contains(",missing,", Row("Cy Missing"));
        Assert.Contains(",excused,", Row("Di Excused"));
    }

    [Fact]
    public async Task The_quiz_page_on_a_phone_and_beside_its_article_on_a_wide_screen()
    {
        var world = await SeedAsync(["Pia Phone"], _ => { });
        var phone = await SignInAsync(world.Students["Pia Phone"].Email, width: 390, height: 844);
        await phone.GotoAsync($"/assignments/{world.AssignmentId}");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await phone.WaitForURLAsync(new Regex("/attempts/\\d+$"));
        // The article folds away above the questions; the page never scrolls sideways.
        await Assertions.Expect(phone.Locator(".take-article-item").First).ToHaveJSPropertyAsync("open", false);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await phone.Locator(".take-article-item summary").First.ClickAsync();
        await Assertions.Expect(phone.Locator(".take-article .sent-num").First).ToBeVisibleAsync();
        await CheckAsync(phone, "quiz-phone-article-open");

        // Tabbing to a sentence far down the page never leaves it under the sticky save bar.
        var sentence = phone.Locator("#question-unnamed-sentences input[type=checkbox]").Last;
        await sentence.FocusAsync();
        var bar = await phone.Locator(".attempt-bar").BoundingBoxAsync();
        var box = await sentence.BoundingBoxAsync();
        Assert.True(box!.Y >= bar!.Y + bar.Height, $"sentence at {box.Y} under the bar ending at {bar.Y + bar.Height}");
        Assert.True(box.Width >= 24 && box.Height >= 24, $"sentence box {box.Width}x{box.Height}");
        await phone.ScreenshotAsync(new() { Path = Shot("quiz-phone-focused.png") });

        // Wide: the article is beside the questions, its sentence numbers visible.
        var wide = await SignInAsync(world.Students["Pia Phone"].Email, width: 1440, height: 900);
        await wide.GotoAsync(phone.Url);
        var article = await wide.Locator(".take-article").BoundingBoxAsync();
        var form = await wide.Locator("#quiz-form").BoundingBoxAsync();
        Assert.True(article!.X + article.Width <= form!.X, "the article sits left of the questions");
        await Assertions.Expect(wide.Locator(".take-article-item").First).ToHaveJSPropertyAsync("open", true);
        await CheckAsync(wide, "quiz-wide");

        // Note buttons on the lesson page are at least 24 by 24 and carry their kind's symbol.
        await wide.GotoAsync("/lessons/mosul-retreat");
        var sizes = await wide.EvaluateAsync<double[][]>("() => Array.from(document.querySelectorAll('button.ann-ref')).map(b => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })");
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(s[0] >= 24 && s[1] >= 24, $"note button {s[0]}x{s[1]}"));
        Assert.False(string.IsNullOrWhiteSpace(await wide.Locator("button.ann-ref .cat-symbol").First.InnerTextAsync()));
        await CheckAsync(wide, "lesson-symbols");
    }
}
