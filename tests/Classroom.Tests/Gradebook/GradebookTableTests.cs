using System.Globalization;
using System.Text;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Gradebook;
using Classroom.Web.Features.Shared;
using CsvHelper;

namespace Classroom.Tests.Gradebook;

public class GradebookTableTests
{
    private static readonly DateTime Now = new(2026, 4, 1, 12, 0, 0);
    private static readonly GradebookAssignment Past = new(1, 7, "Tal Afar", 20, Now.AddDays(-9), Now.AddDays(-2), 1, LatePolicy.AcceptAndMarkLate, true);
    private static readonly GradebookAssignment Future = new(2, 7, "Mosul", 10, Now.AddDays(-1), Now.AddDays(5), 1, LatePolicy.AcceptAndMarkLate, false);
    private static readonly GradebookStudent Ana = new("a", "Ana", "ana@example.org"), Ben = new("b", "Ben", "ben@example.org"), Cy = new("c", "Cy", "cy@example.org");

    private static GradebookTable Table(ExceptionBook? book = null, bool countUnfinished = false, params GradebookAttempt[] attempts) =>
        GradebookTable.Build([Cy, Ben, Ana], [Past, Future], attempts, book ?? ExceptionBook.Empty, Now, countUnfinished);

    private static GradebookAttempt Attempt(int id, string student, int assignment, AttemptStatus status, DateTime? at, decimal? score, bool returned = false) =>
        new(id, student, assignment, status, at, score, returned);

    [Fact]
    public void Rows_are_students_by_name_with_the_counting_attempt_an_honest_status_and_totals_of_final_grades()
    {
        var table = Table(null, false,
            Attempt(10, "a", 1, AttemptStatus.Graded, Now.AddDays(-3), 15),
            Attempt(11, "a", 1, AttemptStatus.Graded, Now.AddDays(-2.5), 18),
            Attempt(12, "b", 1, AttemptStatus.NeedsGrading, Now.AddDays(-1), 9),
            Attempt(13, "b", 2, AttemptStatus.Graded, Now.AddDays(-1), 6));
        Assert.Equal(["Ana", "Ben", "Cy"], table.Rows.Select(r => r.Student.Name));

        var ana = table.Rows[0];
        Assert.Equal(11, ana.Cells[0].AttemptId);  // highest score counts
        Assert.Equal((18m, CellStatus.Final, "final"), (ana.Cells[0].Points!.Value, ana.Cells[0].Status, ana.Cells[0].StatusText));
        Assert.Equal(90, ana.Cells[0].Percent);
        Assert.Equal(CellStatus.NotDue, ana.Cells[1].Status); // not due: nothing possible yet
        Assert.Equal((18m, 20m), (ana.Total, ana.Possible));

        var ben = table.Rows[1];
        Assert.Equal("needs grading, late", ben.Cells[0].StatusText);
        Assert.Equal(9, ben.Cells[0].Points);
        // The unfinished grade does not count by default; the final one does.
        Assert.Equal((6m, 10m), (ben.Total, ben.Possible));

        var cy = table.Rows[2];
        Assert.Equal((CellStatus.Missing, 0m), (cy.Cells[0].Status, cy.Cells[0].Points!.Value)); // past due, nothing submitted: 0 of 20
        Assert.Equal((0m, 20m), (cy.Total, cy.Possible));

        var all = Table(null, true, Attempt(12, "b", 1, AttemptStatus.NeedsGrading, Now.AddDays(-1), 9), Attempt(13, "b", 2, AttemptStatus.Graded, Now.AddDays(-1), 6));
        Assert.Equal((15m, 30m, 50m), (all.Rows[1].Total, all.Rows[1].Possible, all.Rows[1].Percent!.Value));
    }

    [Fact]
    public void Exceptions_change_what_is_missing_late_excused_and_counted()
    {
        StudentException Change(string student, ExceptionKind kind, string value, int? assignment = 1) =>
            new() { ClassId = 7, AssignmentId = assignment, StudentId = student, Kind = kind, Value = value, Reason = "plan", ById = "t", At = Now };
        var book = new ExceptionBook([
            Change("c", ExceptionKind.Extension, Now.AddDays(1).ToString("O", CultureInfo.InvariantCulture)),
            Change("b", ExceptionKind.Extension, Now.AddDays(-0.5).ToString("O", CultureInfo.InvariantCulture)),
            Change("a", ExceptionKind.Excused, "true"),
        ]);
        var table = Table(book, false,
            Attempt(1, "b", 1, AttemptStatus.Graded, Now.AddDays(-1), 12),
            Attempt(2, "a", 1, AttemptStatus.Graded, Now.AddDays(-3), 2, returned: true),
            Attempt(3, "a", 1, AttemptStatus.Graded, Now.AddDays(-3), 4));
        var (ana, ben, cy) = (table.Rows[0], table.Rows[1], table.Rows[2]);
        Assert.Equal((CellStatus.Excused, "excused", ""), (ana.Cells[0].Status, ana.Cells[0].StatusText, ana.Cells[0].Exceptions)); // said once, as the status
        Assert.Equal((0m, 0m), (ana.Total, ana.Possible));     // excused: neither for nor against
        Assert.Equal("final", ben.Cells[0].StatusText);        // submitted before the extended due time: not late
        Assert.Equal("extended", ben.Cells[0].Exceptions);
        Assert.Equal(CellStatus.NotDue, cy.Cells[0].Status);   // extended past now: not missing
        Assert.Equal((0m, 0m), (cy.Total, cy.Possible));
        Assert.Equal(new ColumnSummary(2, 12m, 12m), table.Columns[0]); // averages of final grades only
    }

    [Fact]
    public void A_returned_attempt_never_counts()
    {
        var table = Table(null, false,
            Attempt(1, "a", 1, AttemptStatus.Graded, Now.AddDays(-3), 19, returned: true),
            Attempt(2, "a", 1, AttemptStatus.InProgress, null, null));
        Assert.Equal((CellStatus.InProgress, (int?)null), (table.Rows[0].Cells[0].Status, table.Rows[0].Cells[0].AttemptId));
    }

    [Fact]
    public void The_csv_has_a_bom_a_status_column_per_assignment_and_escapes_formulas()
    {
        var evil = new GradebookStudent("e", "=HYPERLINK(\"http://x\",\"click\")", "+1@example.org");
        var odd = new GradebookStudent("o", "O'Brien, \"Jo\"", "-jo@example.org");
        var table = GradebookTable.Build([evil, odd, new("p", "@admin", "p@example.org")], [Past],
            [Attempt(1, "e", 1, AttemptStatus.Graded, Now.AddDays(-3), 12.5m)], ExceptionBook.Empty, Now);
        var bytes = GradebookCsv.Write(table);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Student,Email,Tal Afar (20 points),Tal Afar: status,Total,Possible,Percent", lines[0]);
        Assert.Equal(4, lines.Length);
        // A cell that starts like a formula gets a leading apostrophe, so a spreadsheet shows it as text.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",\"'+1@example.org\",12.5,final,12.5,20,62.5", lines);
        Assert.Contains("\"'@admin\",p@example.org,0,missing,0,20,0", lines);
        Assert.Contains("\"O'Brien, \"\"Jo\"\"\",\"'-jo@example.org\",0,missing,0,20,0", lines);

        using var reader = CsvReader.Create(new MemoryStream(bytes), null, false);
        reader.ReadHeader();
        var statuses = new List<string>();
        while (reader.Read()) statuses.Add(reader["Tal Afar: status"].ToString()!);
        Assert.Equal(["final", "missing", "missing"], statuses.Order());
    }
}
