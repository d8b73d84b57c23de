using System.Text;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Gradebook;

namespace Classroom.Tests.Gradebook;

public class GradebookTableTests
{
    private static readonly DateTime Now = new(2026, 4, 1, 12, 0, 0);
    private static readonly GradebookAssignment Past = new(1, "Tal Afar", 20, Now.AddDays(-2), true);
    private static readonly GradebookAssignment Future = new(2, "Mosul", 10, Now.AddDays(5), false);
    private static readonly GradebookStudent Ana = new("a", "Ana", "ana@example.org"), Ben = new("b", "Ben", "ben@example.org"), Cy = new("c", "Cy", "cy@example.org");

    private static GradebookTable Table(params GradebookAttempt[] attempts) => GradebookTable.Build([Cy, Ben, Ana], [Past, Future], attempts, Now);

    [Fact]
    public void Rows_are_students_by_name_with_the_counting_attempt_totals_and_late_marks()
    {
        var table = Table(
            new(10, "a", 1, AttemptStatus.Graded, Now.AddDays(-3), 15),
            new(11, "a", 1, AttemptStatus.Graded, Now.AddDays(-2.5), 18),
            new(12, "b", 1, AttemptStatus.NeedsGrading, Now.AddDays(-1), 9),
            new(13, "b", 2, AttemptStatus.Graded, Now.AddDays(-1), 6));
        Assert.Equal(["Ana", "Ben", "Cy"], table.Rows.Select(r => r.Student.Name));

        var ana = table.Rows[0];
        Assert.Equal(11, ana.Cells[0].AttemptId);  // highest score counts
        Assert.Equal(18, ana.Cells[0].Points);
        Assert.Equal(90, ana.Cells[0].Percent);
        Assert.False(ana.Cells[0].Late);
        Assert.Null(ana.Cells[1].Points);           // not due yet: no cell, nothing possible
        Assert.Equal((18m, 20m), (ana.Total, ana.Possible));

        var ben = table.Rows[1];
        Assert.True(ben.Cells[0].Late);
        Assert.True(ben.Cells[0].NeedsGrading);
        Assert.Equal((15m, 30m, 50m), (ben.Total, ben.Possible, ben.Percent!.Value));

        var cy = table.Rows[2];
        Assert.True(cy.Cells[0].Missing);           // past due, nothing submitted: 0 of 20
        Assert.Equal((0m, 20m), (cy.Total, cy.Possible));
    }

    [Fact]
    public void Each_assignment_has_an_average_and_a_median_of_submitted_work()
    {
        var table = Table(
            new(1, "a", 1, AttemptStatus.Graded, Now.AddDays(-3), 18),
            new(2, "b", 1, AttemptStatus.Graded, Now.AddDays(-3), 9),
            new(3, "c", 1, AttemptStatus.Graded, Now.AddDays(-3), 10));
        Assert.Equal(new ColumnSummary(3, 12.33m, 10m), table.Columns[0]);
        Assert.Equal(new ColumnSummary(0, null, null), table.Columns[1]);
        var two = Table(new(1, "a", 1, AttemptStatus.Graded, Now, 18), new(2, "b", 1, AttemptStatus.Graded, Now, 9));
        Assert.Equal(13.5m, two.Columns[0].Median);
    }

    [Fact]
    public void The_csv_has_a_bom_one_header_and_escapes_formulas()
    {
        var evil = new GradebookStudent("e", "=HYPERLINK(\"http://x\",\"click\")", "+1@example.org");
        var odd = new GradebookStudent("o", "O'Brien, \"Jo\"", "-jo@example.org");
        var table = GradebookTable.Build([evil, odd, new("p", "@admin", "p@example.org")], [Past], [new(1, "e", 1, AttemptStatus.Graded, Now.AddDays(-3), 12.5m)], Now);
        var bytes = GradebookCsv.Write(table);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Student,Email,Tal Afar (20 points),Total,Possible,Percent", lines[0]);
        Assert.Equal(4, lines.Length);
        // A cell that starts like a formula gets a leading apostrophe, so a spreadsheet shows it as text.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",\"'+1@example.org\",12.5,12.5,20,62.5", lines);
        Assert.Contains("\"'@admin\",p@example.org,0,0,20,0", lines);
        Assert.Contains("\"O'Brien, \"\"Jo\"\"\",\"'-jo@example.org\",0,0,20,0", lines);
    }
}
