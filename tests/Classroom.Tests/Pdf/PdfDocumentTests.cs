using Classroom.Web.Content.Questions;
using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Pdf;
using Classroom.Web.Features.Quizzes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Pdf;

public class PdfDocumentTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private CourseCatalog Catalog => factory.Services.GetRequiredService<CourseCatalog>();

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public void The_pdf_fonts_travel_inside_the_app_so_a_bare_machine_can_print()
    {
        var resolver = new DejaVuFontResolver();
        foreach (var face in DejaVuFontResolver.Faces)
        {
            var font = resolver.GetFont(face);
            Assert.NotNull(font);
            Assert.True(font.Length > 100_000, $"{face} is only {font.Length} bytes");
        }
        Assert.Equal("DejaVuSerif-Italic", resolver.ResolveTypeface("DejaVu Serif", false, true)!.FaceName);
        Assert.True(File.Exists(Path.Combine(Paths.RepoRoot, "src", "Classroom.Web", "Features", "Pdf", "Fonts", "LICENSE")));
    }

    [Fact]
    public async Task The_worksheet_has_every_numbered_sentence_every_question_and_no_keys()
    {
        var lesson = Catalog.FindLesson("tal-afar-offensive")!;
        var quiz = Catalog.QuizForLesson("tal-afar-offensive")!;
        var response = await factory.CreateClient().GetAsync("/lessons/tal-afar-offensive/worksheet.pdf");
        Assert.Equal("tal-afar-offensive-worksheet.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfText.FlatAsync(pdf);
        foreach (var s in lesson.Article!.Sentences)
            Assert.Contains($"{s.Ref} {PdfText.Fold(s.Text)}", text);
        foreach (var q in quiz.Questions)
            Assert.Contains(PdfText.Fold(q.Prompt), text);
        foreach (var g in lesson.GuidingQuestions) Assert.Contains(PdfText.Fold(g), text);
        foreach (var q in quiz.Questions)
        {
            Assert.DoesNotContain(PdfText.Fold(q.Explanation), text);
            if (q is WrittenQuestion { ModelAnswer: { Length: > 20 } model }) Assert.DoesNotContain(PdfText.Fold(model)[..20], text);
        }
        Assert.DoesNotContain("(key)", text);

        var fonts = await PdfText.FontsAsync(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        Assert.All(fonts, f => Assert.Contains("DejaVu", f.Name));
        Assert.Contains("MIT", await PdfText.InfoFieldAsync(pdf, "Creator"));

        var (pages, width, height) = await PdfText.InfoAsync(pdf);
        Assert.InRange(pages, 3, 8);
        Assert.Equal((595.28, 841.89), (width, height));
        var perPage = await PdfText.PagesAsync(pdf);
        for (int i = 0; i < pages; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages}", perPage[i]);
            Assert.Contains("Worksheet: Who says so?", perPage[i]);
        }
    }

    [Fact]
    public async Task No_question_is_split_from_its_options_and_no_heading_ends_a_page()
    {
        foreach (var lesson in Catalog.Lessons)
        {
            var pages = await PdfText.PagesAsync(await PdfAsync(factory.CreateClient(), $"/lessons/{lesson.Slug}/worksheet.pdf"));
            var quiz = Catalog.QuizForLesson(lesson.Slug)!;
            foreach (var (q, i) in quiz.Questions.Select((q, i) => (q, i)))
            {
                var page = pages.Single(p => p.Contains($"Question {i + 1} · "));
                var flat = PdfText.Fold(page);
                Assert.Contains(PdfText.Fold(q.Prompt), flat);
                if (q is ChoiceQuestion choice) Assert.Contains(PdfText.Fold(choice.Options[^1].Text), flat);
                if (q is TrueFalseQuestion) Assert.Contains("False", flat[flat.IndexOf($"Question {i + 1} · ", StringComparison.Ordinal)..]);
            }
            foreach (var page in pages)
            {
                // The last line of text above the footer is never a heading.
                var lines = page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("Classroom: reading") && !l.StartsWith("Page ")).ToList();
                Assert.DoesNotMatch("^(Question \\d+ · |Quiz: |Questions to discuss$|The article: )", lines[^1]);
            }
        }
    }

    [Fact]
    public async Task Each_document_is_linked_where_a_person_would_look_for_it()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        Assert.Contains("href=\"/lessons/tal-afar-offensive/worksheet.pdf\"", await factory.CreateClient().GetStringAsync("/lessons/tal-afar-offensive"));
        var assignment = await teacher.GetStringAsync($"/assignments/{world.AssignmentId}");
        Assert.Contains($"href=\"/assignments/{world.AssignmentId}/answer-key.pdf\"", assignment);
        Assert.Contains($"href=\"/assignments/{world.AssignmentId}/class-set.pdf\"", assignment);
        Assert.Contains($"href=\"/classes/{world.ClassId}/gradebook.pdf\"", await teacher.GetStringAsync($"/classes/{world.ClassId}/gradebook"));
        var student = await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass);
        Assert.DoesNotContain("report.pdf", await student.GetStringAsync($"/attempts/{world.StudentAttemptId}/review"));
        await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/release", [], tokenFrom: $"/assignments/{world.AssignmentId}");
        try
        {
            Assert.Contains($"href=\"/attempts/{world.StudentAttemptId}/report.pdf\"", await student.GetStringAsync($"/attempts/{world.StudentAttemptId}/review"));
        }
        finally
        {
            await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/unrelease", [], tokenFrom: $"/assignments/{world.AssignmentId}");
        }
    }

    [Fact]
    public async Task Every_lesson_has_a_worksheet_and_letter_paper_can_be_asked_for()
    {
        foreach (var lesson in Catalog.Lessons)
        {
            var pdf = await PdfAsync(factory.CreateClient(), $"/lessons/{lesson.Slug}/worksheet.pdf");
            Assert.Contains(PdfText.Fold(lesson.Title), await PdfText.FlatAsync(pdf));
        }
        var letter = await PdfAsync(factory.CreateClient(), "/lessons/mosul-final-phase/worksheet.pdf?paper=letter");
        var (_, width, height) = await PdfText.InfoAsync(letter);
        Assert.Equal((612, 792), (width, height));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/lessons/nope/worksheet.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_worksheet_text_reads_back_in_reading_order()
    {
        var text = await PdfText.FlatAsync(await PdfAsync(factory.CreateClient(), "/lessons/perverse-caliphate/worksheet.pdf"));
        var at = text.IndexOf("The article:", StringComparison.Ordinal);
        foreach (var s in Catalog.FindArticle("perverse-caliphate")!.Sentences)
        {
            var next = text.IndexOf($"{s.Ref} {PdfText.Fold(s.Text)}", at, StringComparison.Ordinal);
            Assert.True(next > at, $"sentence {s.Ref} is not where a reader would find it next");
            at = next;
        }
    }

    [Fact]
    public async Task The_answer_key_is_for_the_classes_instructors_only_and_carries_keys_rubrics_and_annotations()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var url = $"/assignments/{world.AssignmentId}/answer-key.pdf";
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var text = await PdfText.FlatAsync(await PdfAsync(teacher, url));
        var quiz = Catalog.QuizForLesson("tal-afar-offensive")!;
        Assert.Contains("The article does not say (key)", text);
        Assert.Contains("Key: 3.1, 4.1, 4.3", text);
        foreach (var q in quiz.Questions) Assert.Contains(PdfText.Fold(q.Explanation), text);
        Assert.Contains("Traces claims back hand by hand", text);
        Assert.Contains("No evidence", text);
        Assert.Contains("○ Unnamed source", text);   // categories carry a mark and a name, not a colour
        Assert.Contains("◆ Second-hand report", text);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await ClassWorld.ClientAsync(factory, ClassWorld.OtherInstructor)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserLikeClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync("/assignments/99999/answer-key.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_student_gets_only_their_own_report_and_only_once_released()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var url = $"/attempts/{world.StudentAttemptId}/report.pdf";
        var student = await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass);
        var classmate = await ClassWorld.ClientAsync(factory, ClassWorld.Student2);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        Assert.Equal(HttpStatusCode.NotFound, (await student.GetAsync(url)).StatusCode);

        var teacherCopy = await PdfText.FlatAsync(await PdfAsync(teacher, url));
        Assert.Contains("Amira Haddad", teacherCopy);

        await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/release", [], tokenFrom: $"/assignments/{world.AssignmentId}");
        try
        {
            var text = await PdfText.FlatAsync(await PdfAsync(student, url));
            Assert.Contains("Amira Haddad", text);
            var attempt = await new TestData(factory).DbAsync(db => db.Attempts.SingleAsync(a => a.Id == world.StudentAttemptId));
            Assert.Contains("Good: you named each step.", text);
            Assert.Contains("The claim passes from unnamed military sources to a correspondent", text);
            Assert.Contains("✓ Chosen: Proficient (3)", text);
            Assert.Contains($"Total: {attempt.Score:0.##} of {attempt.MaxScore:0.##} points", text);
            Assert.DoesNotContain("Ben Okafor", text);
            Assert.DoesNotContain("The article is not very reliable", text);
            Assert.Equal(HttpStatusCode.NotFound, (await classmate.GetAsync(url)).StatusCode);
        }
        finally
        {
            await teacher.PostFormAsync($"/assignments/{world.AssignmentId}/unrelease", [], tokenFrom: $"/assignments/{world.AssignmentId}");
        }
    }

    [Fact]
    public async Task The_gradebook_is_landscape_with_the_header_row_on_every_page()
    {
        var world = await ClassWorld.BuildAsync(factory);
        await AddStudentsAsync(world, 45, essay: null);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var pdf = await PdfAsync(teacher, $"/classes/{world.ClassId}/gradebook.pdf");
        var (pages, width, height) = await PdfText.InfoAsync(pdf);
        Assert.True(width > height);
        Assert.True(pages >= 2, $"{pages} pages");
        foreach (var page in await PdfText.PagesAsync(pdf))
        {
            Assert.Contains("Student", page);
            Assert.Contains("Tal Afar: who says so? (28)", page);
        }
        Assert.Contains("Median", await PdfText.FlatAsync(pdf));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass)).GetAsync($"/classes/{world.ClassId}/gradebook.pdf")).StatusCode);
    }

    private async Task AddStudentsAsync(ClassWorld world, int count, string? essay, string prefix = "Pupil")
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ClassroomDbContext>();
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var attempts = sp.GetRequiredService<AttemptService>();
        var assignment = await db.Assignments.Include(a => a.Class).SingleAsync(a => a.Id == world.AssignmentId);
        var quiz = await sp.GetRequiredService<QuizVersions>().DefinitionAsync(assignment.QuizVersionId);
        for (int i = 0; i < count; i++)
        {
            var email = $"{prefix.ToLowerInvariant()}{i:00}-{Guid.NewGuid():N}@example.org";
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = $"{prefix} {i:00}", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            db.Enrollments.Add(new Enrollment { ClassId = assignment.ClassId, StudentId = user.Id, JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            var attempt = await attempts.StartForAssignmentAsync(user.Id, assignment, quiz, "UTC");
            await attempts.SubmitAsync(attempt, quiz, new Dictionary<string, Answer>
            {
                ["outlet"] = new() { Choices = ["not-stated"] },
                ["essay"] = new() { Text = essay ?? $"Essay by {prefix} {i:00}: the chain runs from unnamed sources to Al-Jazeera." },
            });
        }
    }

    [Fact]
    public async Task A_class_set_of_thirty_starts_each_student_on_a_new_page_and_a_long_essay_continues_cleanly()
    {
        using var fresh = new ClassroomFactory();
        var world = await ClassWorld.BuildAsync(fresh);
        var test = new PdfDocumentTests(fresh);
        var longEssay = string.Join(" ", Enumerable.Range(1, 700).Select(i => $"word{i}")) + " <b>not bold</b> \u0007bell";
        await test.AddStudentsAsync(world, 1, longEssay, prefix: "Zed");
        await test.AddStudentsAsync(world, 27, essay: null);
        var teacher = await ClassWorld.ClientAsync(fresh, ClassWorld.ClassInstructor);
        var response = await teacher.GetAsync($"/assignments/{world.AssignmentId}/class-set.pdf");
        Assert.Equal("period-1-tal-afar-offensive-class-set.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = await PdfText.PagesAsync(pdf);

        // 2 demo students + 28 added = 30 reports, each starting on a page whose body opens with the name.
        var names = new List<string> { "Amira Haddad", "Ben Okafor" };
        names.AddRange(Enumerable.Range(0, 27).Select(i => $"Pupil {i:00}"));
        names.Add("Zed 00");
        foreach (var name in names)
        {
            var first = Array.FindIndex(pages, p => p.Contains($"Class set: Tal Afar: who says so? · {name}"));
            Assert.True(first >= 0, $"no page for {name}");
            var body = pages[first].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            Assert.Equal(name, body[2]); // header line, class and date line, then the report's title
        }
        Assert.DoesNotContain(pages, p => p.Contains("· Amira Haddad") && p.Contains("Ben Okafor\n"));

        var zed = string.Join(" ", pages.Where(p => p.Contains("· Zed 00")));
        Assert.True(pages.Count(p => p.Contains("· Zed 00")) >= 2, "the long essay should run onto a second page");
        var flat = PdfText.Fold(zed);
        Assert.Contains("word1 word2 word3", flat);
        Assert.Contains("word699 word700", flat);
        var tail = flat[Math.Max(0, flat.IndexOf("word700", StringComparison.Ordinal))..];
        Assert.True(tail.Contains("<b>not bold</b> [U+0007]bell"), tail[..Math.Min(200, tail.Length)]); // student text prints as typed, control characters shown
        var (count, _, _) = await PdfText.InfoAsync(pdf);
        Assert.True(count >= 30);
        Assert.Contains($"Page {count} of {count}", pages[^1]);
    }
}
