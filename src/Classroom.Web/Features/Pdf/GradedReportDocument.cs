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
            $"Submitted {model.Submitted ?? "—"}{(model.Late ? " · LATE" : "")} · Total: {model.Score:0.##} of {model.MaxScore:0.##} points",
            PdfCanvas.SansBold, after: 8));
        c.AddTogether(head);
        foreach (var item in model.Items)
        {
            var blocks = QuestionParts.Heading(c, item.Number, item.Question);
            blocks.AddRange(c.Text(item.Waiting ? "Points: waiting for the instructor" : $"Points: {item.Points ?? 0:0.##} of {item.Question.Points:0.##}", PdfCanvas.SansBold, indent: 8));
            blocks.AddRange(Answer(c, item));
            if (item.Question.GradingRubric.Count > 0 && item.Levels is not null)
                blocks.AddRange(QuestionParts.Rubric(c, item.Question.GradingRubric, item.Levels));
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
        var blocks = c.Text("Answer:", PdfCanvas.SansBold, indent: 8);
        blocks.AddRange(c.Text(item.Question.AnswerText(item.Answer), PdfCanvas.Serif, indent: 16));
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
