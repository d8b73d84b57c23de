using System.Net;
using System.Text;
using Classroom.Tests.Infrastructure;

namespace Classroom.Tests.Gradebook;

public class GradebookPageTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    [Fact]
    public async Task The_instructor_sees_every_student_with_needs_grading_cells_and_column_statistics()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var html = await teacher.GetStringAsync($"/classes/{world.ClassId}/gradebook");
        foreach (var name in new[] { "Amira Haddad", "Ben Okafor", "Chloe Martin" }) Assert.Contains(name, html);
        Assert.Contains("needs grading", html);
        Assert.Contains("Average", html);
        Assert.Contains("Median", html);
        Assert.Contains($"href=\"/assignments/{world.AssignmentId}/grading/attempts/{world.StudentAttemptId}\"", html);
    }

    [Fact]
    public async Task The_csv_downloads_with_a_byte_order_mark_a_header_and_a_row_per_student()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var teacher = await ClassWorld.ClientAsync(factory, ClassWorld.ClassInstructor);
        var response = await teacher.GetAsync($"/classes/{world.ClassId}/gradebook.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("period-1-gradebook.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Student,Email,Tal Afar: who says so? (28 points),Tal Afar: who says so?: status,Total,Possible,Percent", lines[0]);
        Assert.StartsWith($"Amira Haddad,{ClassWorld.StudentOfClass},", lines[1]);
        Assert.True(lines.Length >= 4);

        // Read back as a spreadsheet or another LMS would: every grade says whether it is final.
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(bytes), null, false);
        reader.ReadHeader();
        var statuses = new Dictionary<string, string>();
        while (reader.Read()) statuses[reader["Student"].ToString()!] = reader["Tal Afar: who says so?: status"].ToString()!;
        Assert.Equal("final", statuses["Amira Haddad"]);
        Assert.Equal("needs grading", statuses["Ben Okafor"]);
        Assert.Equal("not due", statuses["Chloe Martin"]);
    }

    [Fact]
    public async Task A_student_sees_only_their_own_row_and_only_released_scores()
    {
        var world = await ClassWorld.BuildAsync(factory);
        var student = await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass);
        var html = await student.GetStringAsync($"/classes/{world.ClassId}/gradebook");
        Assert.Contains("Amira Haddad", html);
        Assert.DoesNotContain("Ben Okafor", html);
        Assert.DoesNotContain(ClassWorld.Student2, html);
        Assert.DoesNotContain("Median", html);
        Assert.Contains(">submitted<", html); // not released yet: no points
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/classes/{world.ClassId}/gradebook.csv")).StatusCode);
    }
}
