using Classroom.Web.Content;
using Classroom.Web.Content.Questions;

namespace Classroom.Web.Features.Pdf;

/// <summary>For instructors: every key, explanation, evidence and rubric, then the lesson's annotations by category.</summary>
public sealed class AnswerKeyDocument(AnswerKeyModel model)
{
    /// <summary>A mark per category, so categories are told apart on black-and-white paper, not by colour.</summary>
    public byte[] Render()
    {
        var c = new PdfCanvas(new PageFrame($"Answer key: {model.Title}", model.ClassName, model.Date, model.Paper));
        c.AddTogether([.. c.Text($"Answer key: {model.Title}", PdfCanvas.Title, after: 2),
            .. c.Text("For instructors. Keep away from students until grades are released.", PdfCanvas.SerifItalic, after: 8)]);
        if (model.Quiz.TeacherNotes is { } notes)
        {
            c.AddTogether([.. c.Text("Teacher notes", PdfCanvas.Heading, after: 2), .. c.Text(ContentLoader.ToPlainText(notes).Split('\n')[0], PdfCanvas.Serif)]);
            foreach (var line in ContentLoader.ToPlainText(notes).Split('\n').Skip(1).Where(l => l.Trim().Length > 0))
                c.AddTogether(c.Text(line.Trim(), PdfCanvas.Serif, after: 2));
            c.Space(8);
        }
        foreach (var (q, i) in model.Quiz.Questions.Select((q, i) => (q, i)))
            c.AddTogether(Question(c, i + 1, q), keepFirst: 4);
        Annotations(c);
        return c.Finish();
    }

    private static List<Block> Question(PdfCanvas c, int number, Question q)
    {
        var blocks = QuestionParts.Heading(c, number, q);
        blocks.AddRange(QuestionParts.Key(c, q));
        blocks.AddRange(c.Text($"Why: {q.Explanation}", PdfCanvas.Serif, indent: 8));
        foreach (var e in q.Evidence)
            blocks.AddRange(c.Text($"Evidence ({e.SentenceRef}): “{e.Quote}”", PdfCanvas.SerifItalic, indent: 8));
        blocks.Add(new Block(10, (_, _, _) => { }));
        return blocks;
    }

    private void Annotations(PdfCanvas c)
    {
        var lesson = model.Lesson;
        if (lesson.Annotations.Count == 0) return;
        var head = c.Text("The lesson's annotations", PdfCanvas.Heading, after: 2);
        head.AddRange(c.Text("Each category has its own mark: " + string.Join("   ", lesson.Annotations.Select(a => a.Category).Distinct()
            .Select(cat => $"{cat.Symbol} {cat.Label}")), PdfCanvas.Sans, after: 4));
        c.AddTogether(head);
        foreach (var a in lesson.Annotations)
        {
            var blocks = c.Labelled($"{a.Category.Symbol} {string.Join(",", a.SentenceRefs)}", PdfCanvas.SansBold,
                $"{a.Category.Label}: “{a.Quote}”", PdfCanvas.Serif, 52);
            blocks.AddRange(c.Text(a.Note, PdfCanvas.Sans, indent: 52, after: 4));
            c.AddTogether(blocks);
        }
    }
}
