using System.Globalization;
using CsvHelper;

namespace Classroom.Web.Features.Gradebook;

/// <summary>
/// The gradebook as CSV a spreadsheet opens without fixing: UTF-8 with a byte-order mark, one header
/// row, plain numbers, and any cell that starts like a formula (=, +, -, @) escaped so it stays text.
/// Each assignment has two columns: its points, and its status ("final", "needs grading", "missing",
/// "excused", "in progress", "not due", with ", late" and any exception in brackets), so no unfinished
/// grade passes for a final one. Totals follow the same rule as the page.
/// </summary>
public static class GradebookCsv
{
    public static byte[] Write(GradebookTable table)
    {
        return Classroom.Web.Features.Shared.CsvFiles.Write(csv =>
        {
            csv.WriteField("Student");
            csv.WriteField("Email");
            foreach (var a in table.Assignments)
            {
                csv.WriteField($"{a.Title} ({a.MaxScore.ToString("0.##", CultureInfo.InvariantCulture)} points)");
                csv.WriteField($"{a.Title}: status");
            }
            csv.WriteField("Total");
            csv.WriteField("Possible");
            csv.WriteField("Percent");
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                csv.WriteField(row.Student.Name);
                csv.WriteField(row.Student.Email);
                foreach (var cell in row.Cells)
                {
                    csv.WriteField(cell.Points?.ToString("0.##", CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(cell.Exceptions.Length > 0 ? $"{cell.StatusText} ({cell.Exceptions})" : cell.StatusText);
                }
                csv.WriteField(row.Total.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(row.Possible.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(row.Percent?.ToString("0.#", CultureInfo.InvariantCulture) ?? "");
                csv.EndRecord();
            }
        });
    }
}
