using System.Globalization;
using PdfSharp.Drawing;

namespace Classroom.Web.Features.Pdf;

/// <summary>The gradebook on landscape pages, the header row repeated on each.</summary>
public sealed class GradebookDocument(GradebookPdfModel model)
{
    private const double RowHeight = 18;

    public byte[] Render()
    {
        var c = new PdfCanvas(new PageFrame($"Gradebook: {model.ClassName}", model.ClassName, model.Date, model.Paper, Landscape: true));
        var t = model.Table;
        c.AddTogether(c.Text($"Gradebook: {model.ClassName}", PdfCanvas.Title, after: 6));
        var nameWidth = Math.Min(170, c.Width * 0.25);
        var totalWidth = 90.0;
        var cellWidth = t.Assignments.Count == 0 ? 0 : Math.Min(140, (c.Width - nameWidth - totalWidth) / t.Assignments.Count);

        var header = HeaderRow(c, nameWidth, cellWidth, totalWidth);
        c.Add(header);
        c.RepeatOnNewPage = header;
        foreach (var row in t.Rows)
        {
            var cells = row.Cells.Select(cell => (cell.Points is decimal p ? $"{p:0.##} " : "") + cell.StatusText + (cell.Exceptions.Length > 0 ? " †" : "")).ToList();
            c.Add(Row(row.Student.Name, cells, $"{row.Total:0.##}/{row.Possible:0.##} {(row.Percent is decimal p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "")}", nameWidth, cellWidth, totalWidth, PdfCanvas.Sans));
        }
        c.RepeatOnNewPage = null;
        c.Add(Row("Average", t.Columns.Select(col => col.Average?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—").ToList(), "", nameWidth, cellWidth, totalWidth, PdfCanvas.SansBold));
        c.Add(Row("Median", t.Columns.Select(col => col.Median?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—").ToList(), "", nameWidth, cellWidth, totalWidth, PdfCanvas.SansBold));
        c.Space(6);
        c.AddTogether(c.Text("final: every answer graded · needs grading: points are the automatic part so far · late: submitted after the student's due time · missing: past due, nothing submitted (counts 0) · excused: counts neither way · † the student has an exception (extension, extra attempts or time, a returned attempt).", PdfCanvas.Small));
        c.AddTogether(c.Text(t.CountUnfinished ? "Totals count final grades, missing work, and grades still being marked (their automatic part)." : "Totals count final grades and missing work; grades still being marked do not count yet.", PdfCanvas.Small));
        return c.Finish();
    }

    private Block HeaderRow(PdfCanvas c, double nameWidth, double cellWidth, double totalWidth)
    {
        var titles = model.Table.Assignments.Select(a => PdfCanvas.Wrap($"{a.Title} ({a.MaxScore:0.##})", PdfCanvas.SmallBold, cellWidth - 6).Take(3).ToList()).ToList();
        var height = Math.Max(1, titles.Count == 0 ? 1 : titles.Max(l => l.Count)) * PdfCanvas.LineHeight(PdfCanvas.SmallBold) + 6;
        return new Block(height, (g, x, top) =>
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 233, 227)), x, top, c.Width, height);
            g.DrawString("Student", PdfCanvas.SmallBold, XBrushes.Black, new XPoint(x + 3, top + 10));
            for (int i = 0; i < titles.Count; i++)
                for (int l = 0; l < titles[i].Count; l++)
                    g.DrawString(titles[i][l], PdfCanvas.SmallBold, XBrushes.Black, new XPoint(x + nameWidth + i * cellWidth + 3, top + 10 + l * PdfCanvas.LineHeight(PdfCanvas.SmallBold)));
            g.DrawString("Total", PdfCanvas.SmallBold, XBrushes.Black, new XPoint(x + c.Width - totalWidth + 3, top + 10));
            g.DrawLine(new XPen(XColors.Black, 0.8), x, top + height, x + c.Width, top + height);
        });
    }

    private static Block Row(string name, IReadOnlyList<string> cells, string total, double nameWidth, double cellWidth, double totalWidth, XFont font) =>
        new(RowHeight, (g, x, top) =>
        {
            g.DrawString(PdfCanvas.Clip(name, font, nameWidth - 6), font, XBrushes.Black, new XPoint(x + 3, top + 12));
            for (int i = 0; i < cells.Count; i++)
                g.DrawString(PdfCanvas.Clip(cells[i], font, cellWidth - 6), font, XBrushes.Black, new XPoint(x + nameWidth + i * cellWidth + 3, top + 12));
            g.DrawString(total, font, XBrushes.Black, new XPoint(x + nameWidth + cells.Count * cellWidth + 3, top + 12));
            g.DrawLine(new XPen(XColors.LightGray, 0.5), x, top + RowHeight, x + nameWidth + cells.Count * cellWidth + totalWidth, top + RowHeight);
        });
}
