using Classroom.Web.Content;
using PdfSharp.Drawing;

namespace Classroom.Web.Features.Pdf;

/// <summary>How a question looks on paper: its heading and prompt, then the room to answer or the key.</summary>
public static class QuestionParts
{
    public static List<Block> Heading(PdfCanvas c, int number, Question q)
    {
        var blocks = c.Text($"Question {number} · {QuestionTypes.Label(q.Type)} · {q.Points:0.##} {(q.Points == 1 ? "point" : "points")}", PdfCanvas.Subheading);
        blocks.AddRange(c.Text(q.Prompt, PdfCanvas.Serif, after: 3));
        return blocks;
    }

    /// <summary>Boxes, sentence numbers, ledger rows or ruled lines: space sized to the question.</summary>
    public static List<Block> AnswerSpace(PdfCanvas c, Question q)
    {
        var blocks = new List<Block>();
        switch (q.Type)
        {
            case QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice:
                foreach (var option in q.Options) blocks.AddRange(c.Labelled("", PdfCanvas.Sans, option.Text, PdfCanvas.Serif, 18, indent: 8, box: true));
                if (q.Type == QuestionTypes.MultipleChoice) blocks.AddRange(c.Text("Tick every option that applies.", PdfCanvas.Small, indent: 8));
                break;
            case QuestionTypes.TrueFalse:
                blocks.AddRange(c.Labelled("", PdfCanvas.Sans, "True", PdfCanvas.Serif, 18, indent: 8, box: true));
                blocks.AddRange(c.Labelled("", PdfCanvas.Sans, "False", PdfCanvas.Serif, 18, indent: 8, box: true));
                break;
            case QuestionTypes.Highlight:
                blocks.AddRange(c.Text("Tick the number of every sentence that fits (the numbers are beside the article above).", PdfCanvas.Small, indent: 8));
                blocks.AddRange(SentenceBoxes(c, q.Sentences.Select(s => s.Ref).ToList()));
                break;
            case QuestionTypes.SourceLedger:
                for (int i = 0; i < q.Rows.Count; i++)
                {
                    var row = q.Rows[i];
                    blocks.AddRange(c.Text($"Claim {i + 1} (sentence {row.SentenceRef}): “{row.Quote}”", PdfCanvas.Serif, indent: 8));
                    blocks.Add(LedgerLine(c, "Source:"));
                    blocks.Add(BoxRow(["Named", "Not named"]));
                    blocks.Add(BoxRow(["Direct quote", "Paraphrase", "According to", "None"]));
                    blocks.Add(new Block(4, (_, _, _) => { }));
                }
                break;
            case QuestionTypes.ShortAnswer:
                // A one-word answer needs one line; a sentence or two, a few.
                blocks.AddRange(c.Rules(q.AcceptedAnswers.Count > 0 ? 1 : Math.Clamp(q.MaxLength / 150, 2, 6), indent: 8));
                break;
            case QuestionTypes.Essay:
                blocks.AddRange(c.Rules(18, indent: 8));
                break;
        }
        return blocks;
    }

    /// <summary>A row of choices, each with its own box: "☐ Named   ☐ Not named".</summary>
    private static Block BoxRow(IReadOnlyList<string> labels) => new(16, (g, x, top) =>
    {
        var left = x + 16;
        foreach (var label in labels)
        {
            g.DrawRectangle(new XPen(XColors.Black, 0.7), left, top + 3, 8, 8);
            g.DrawString(label, PdfCanvas.Sans, XBrushes.Black, new XPoint(left + 12, top + 10.5));
            left += 12 + PdfCanvas.TextWidth(label, PdfCanvas.Sans) + 18;
        }
    });

    private static Block LedgerLine(PdfCanvas c, string label) => new(20, (g, x, top) =>
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
