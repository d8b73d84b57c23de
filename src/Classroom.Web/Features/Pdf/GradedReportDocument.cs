using Classroom.Web.Content;

namespace Classroom.Web.Features.Pdf;

/// <summary>One student's graded attempt: each answer, its points, rubric levels and feedback, and the total.</summary>
public sealed class GradedReportDocument(GradedReportModel model, Paper paper, DateTime date)
{
    public byte[] Render()
    {
        var c = new PdfCanvas(new PageFrame($"Graded report: {model.AssignmentTitle}", model.ClassName, date, paper));
        c.NewSection(model.Student);
        Compose(c, model);
        return c.Finish();
    }

    /// <summary>Draws a report onto a canvas; the class set calls this once per student.</summary>
    public static void Compose(PdfCanvas c, GradedReportModel model)
    {
        var head = c.Text(model.Student, PdfCanvas.Title, after: 2);
        head.AddRange(c.Text($"{model.AssignmentTitle}{(model.ClassName is null ? "" : " · " + model.ClassName)}", PdfCanvas.Serif));
        head.AddRange(c.Text(
            $"Submitted {(model.SubmittedAt is DateTime at ? at.ToString("d MMMM yyyy, HH:mm") + " UTC" : "—")}{(model.Late ? " · LATE" : "")} · Total: {model.Score:0.##} of {model.MaxScore:0.##} points",
            PdfCanvas.SansBold, after: 8));
        c.AddTogether(head);
        foreach (var item in model.Items)
        {
            var blocks = QuestionParts.Heading(c, item.Number, item.Question);
            blocks.AddRange(c.Text(item.Waiting ? "Points: waiting for the instructor" : $"Points: {item.Points ?? 0:0.##} of {item.Question.Points:0.##}", PdfCanvas.SansBold, indent: 8));
            blocks.AddRange(Answer(c, item));
            if (item.Question.Rubric.Count > 0 && item.Levels is not null)
                blocks.AddRange(QuestionParts.Rubric(c, item.Question.Rubric, item.Levels));
            if (!string.IsNullOrWhiteSpace(item.Feedback))
            {
                blocks.AddRange(c.Text("Feedback:", PdfCanvas.SansBold, indent: 8));
                blocks.AddRange(c.Text(item.Feedback, PdfCanvas.Serif, indent: 16));
            }
            blocks.Add(new Block(8, (_, _, _) => { }));
            c.AddTogether(blocks, keepFirst: 5);
        }
    }

    private static List<Block> Answer(PdfCanvas c, ReportItem item)
    {
        var q = item.Question;
        var a = item.Answer;
        string text = q.Type switch
        {
            QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice => a.Choices.Count == 0 ? "No answer." : string.Join("; ", q.Options.Where(o => a.Choices.Contains(o.Id)).Select(o => o.Text)),
            QuestionTypes.TrueFalse => a.TrueFalse is bool tf ? (tf ? "True" : "False") : "No answer.",
            QuestionTypes.Highlight => a.Sentences.Count == 0 ? "No sentences marked." : "Sentences marked: " + string.Join(", ", a.Sentences),
            QuestionTypes.SourceLedger => string.Join(" | ", q.Rows.Select((row, i) =>
            {
                var given = i < a.Rows.Count ? a.Rows[i] : new Quizzes.LedgerAnswerRow(null, null, null);
                return $"Claim {i + 1}: source “{given.Source}”, {(given.Named is bool n ? (n ? "named" : "not named") : "—")}, {given.Attribution ?? "—"}";
            })),
            _ => string.IsNullOrWhiteSpace(a.Text) ? "No answer." : a.Text!,
        };
        var blocks = c.Text("Answer:", PdfCanvas.SansBold, indent: 8);
        blocks.AddRange(c.Text(text, PdfCanvas.Serif, indent: 16));
        return blocks;
    }
}

/// <summary>Every student's graded report for one assignment, each starting on a new page.</summary>
public sealed class ClassSetDocument(ClassSetModel model)
{
    public byte[] Render()
    {
        var c = new PdfCanvas(new PageFrame($"Class set: {model.AssignmentTitle}", model.ClassName, model.Date, model.Paper));
        if (model.Reports.Count == 0)
        {
            c.AddTogether(c.Text("No one has submitted this assignment yet.", PdfCanvas.Serif));
        }
        foreach (var report in model.Reports)
        {
            c.NewSection(report.Student);
            GradedReportDocument.Compose(c, report);
        }
        return c.Finish();
    }
}
