using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using PdfSharp.Drawing;

namespace Classroom.Web.Features.Pdf;

/// <summary>How a question looks on paper: its heading and prompt, then the room to answer or the key.</summary>
public static class QuestionParts
{
    public static List<Block> Heading(PdfCanvas c, int number, Question q)
    {
        var blocks = c.Text($"Question {number} · {q.Kind.Label} · {q.Points:0.##} {(q.Points == 1 ? "point" : "points")}", PdfCanvas.Subheading);
        blocks.AddRange(c.Text(q.Prompt, PdfCanvas.Serif, after: 3));
        return blocks;
    }

    /// <summary>Boxes, sentence numbers, ledger rows or ruled lines: space sized to the question, as the question says.</summary>
    public static List<Block> AnswerSpace(PdfCanvas c, Question q)
    {
        var paper = new PdfPaper(c);
        q.PrintAnswerSpace(paper);
        return paper.Blocks;
    }

    /// <summary>The question's key, as the question prints it.</summary>
    public static List<Block> Key(PdfCanvas c, Question q)
    {
        var paper = new PdfPaper(c);
        q.PrintKey(paper);
        return paper.Blocks;
    }

    /// <summary>A row of choices, each with its own box: "☐ Named   ☐ Not named".</summary>
    public static Block BoxRow(IReadOnlyList<string> labels) => new(16, (g, x, top) =>
    {
        var left = x + 16;
        foreach (var label in labels)
        {
            g.DrawRectangle(new XPen(XColors.Black, 0.7), left, top + 3, 8, 8);
            g.DrawString(label, PdfCanvas.Sans, XBrushes.Black, new XPoint(left + 12, top + 10.5));
            left += 12 + PdfCanvas.TextWidth(label, PdfCanvas.Sans) + 18;
        }
    });

    public static Block WriteOn(PdfCanvas c, string label) => new(20, (g, x, top) =>
    {
        g.DrawString(label, PdfCanvas.Sans, XBrushes.Black, new XPoint(x + 16, top + 13));
        g.DrawLine(new XPen(XColors.Gray, 0.6), x + 60, top + 15, x + c.Width, top + 15);
    });

    /// <summary>A grid of "☐ 4.2" boxes, as many to a row as fit.</summary>
    public static List<Block> SentenceBoxes(PdfCanvas c, IReadOnlyList<string> refs, IReadOnlySet<string>? ticked = null)
    {
        const double cell = 46;
        var perRow = Math.Max(1, (int)((c.Width - 8) / cell));
        return refs.Chunk(perRow).Select(row => new Block(16, (g, x, top) =>
        {
            for (int i = 0; i < row.Length; i++)
            {
                var left = x + 8 + i * cell;
                g.DrawRectangle(new XPen(XColors.Black, 0.7), left, top + 3, 8, 8);
                if (ticked?.Contains(row[i]) == true) g.DrawString("✓", PdfCanvas.SansBold, XBrushes.Black, new XPoint(left + 0.5, top + 10.5));
                g.DrawString(row[i], PdfCanvas.Sans, XBrushes.Black, new XPoint(left + 11, top + 10.5));
            }
        })).ToList();
    }

    public static List<Block> Rubric(PdfCanvas c, IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<int>? chosen = null)
    {
        var blocks = new List<Block>();
        for (int i = 0; i < rubric.Count; i++)
        {
            var criterion = rubric[i];
            blocks.AddRange(c.Text(criterion.Name, PdfCanvas.SansBold, indent: 8));
            for (int l = 0; l < criterion.Levels.Count; l++)
            {
                var level = criterion.Levels[l];
                var mark = chosen is null ? "•" : chosen.Count > i && chosen[i] == l ? "✓ Chosen:" : "";
                var label = chosen is null ? "•" : mark;
                blocks.AddRange(c.Labelled(label, PdfCanvas.SansBold, $"{level.Label} ({level.Points:0.##}): {level.Description}", PdfCanvas.Sans,
                    chosen is null ? 10 : 56, indent: 16));
            }
        }
        return blocks;
    }
}
