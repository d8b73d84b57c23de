using Classroom.Web.Content;

namespace Classroom.Web.Features.Pdf;

/// <summary>For instructors: every key, explanation, evidence and rubric, then the lesson's annotations by category.</summary>
public sealed class AnswerKeyDocument(AnswerKeyModel model)
{
    /// <summary>A mark per category, so categories are told apart on black-and-white paper, not by colour.</summary>
    public static readonly IReadOnlyDictionary<string, string> Marks = new Dictionary<string, string>
    {
        ["named-source"] = "●", ["unnamed-source"] = "○", ["second-hand-report"] = "◆", ["interested-source"] = "◇",
        ["hedge"] = "▲", ["loaded-language"] = "△", ["opinion-as-fact"] = "■", ["framing-device"] = "□",
        ["disclosure"] = "★", ["aggregation-artefact"] = "☆", ["unsupported-claim"] = "✚", ["error"] = "✖",
    };

    public byte[] Render()
    {
        var c = new PdfCanvas(new PageFrame($"Answer key: {model.Title}", model.ClassName, model.Date, model.Paper));
        c.AddTogether([.. c.Text($"Answer key: {model.Title}", PdfCanvas.Title, after: 2),
            .. c.Text("For instructors. Keep away from students until grades are released.", PdfCanvas.SerifItalic, after: 8)]);
        foreach (var (q, i) in model.Quiz.Questions.Select((q, i) => (q, i)))
            c.AddTogether(Question(c, i + 1, q), keepFirst: 4);
        Annotations(c);
        return c.Finish();
    }

    private static List<Block> Question(PdfCanvas c, int number, Question q)
    {
        var blocks = QuestionParts.Heading(c, number, q);
        switch (q.Type)
        {
            case QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice:
                foreach (var o in q.Options)
                    blocks.AddRange(c.Labelled(o.Correct ? "✓" : "✗", PdfCanvas.SansBold, o.Text + (o.Correct ? "   (key)" : ""), PdfCanvas.Serif, 16, indent: 8));
                break;
            case QuestionTypes.TrueFalse:
                blocks.AddRange(c.Text($"Key: {(q.CorrectAnswer == true ? "True" : "False")}", PdfCanvas.SansBold, indent: 8));
                break;
            case QuestionTypes.Highlight:
                blocks.AddRange(c.Text($"Key: {string.Join(", ", q.KeySentences)}", PdfCanvas.SansBold, indent: 8));
                foreach (var s in q.Sentences.Where(s => q.KeySentences.Contains(s.Ref)))
                    blocks.AddRange(c.Labelled(s.Ref, PdfCanvas.SmallBold, s.Text, PdfCanvas.Serif, 26, indent: 8));
                break;
            case QuestionTypes.SourceLedger:
                foreach (var (row, r) in q.Rows.Select((row, r) => (row, r)))
                {
                    blocks.AddRange(c.Text($"Claim {r + 1} ({row.SentenceRef}) “{row.Quote}”", PdfCanvas.Serif, indent: 8));
                    blocks.AddRange(c.Text($"Source: {row.ModelSource}{(row.AcceptedSources.Count > 0 ? $" (accepted: {string.Join("; ", row.AcceptedSources)})" : " (judged by the instructor)")} · {(row.Named ? "named" : "not named")} · {row.Attribution}",
                        PdfCanvas.SansBold, indent: 16));
                }
                break;
            case QuestionTypes.ShortAnswer or QuestionTypes.Essay:
                if (q.AcceptedAnswers.Count > 0) blocks.AddRange(c.Text($"Accepted: {string.Join("; ", q.AcceptedAnswers)}", PdfCanvas.SansBold, indent: 8));
                if (q.ModelAnswer is not null) blocks.AddRange(c.Text($"Model answer: {q.ModelAnswer}", PdfCanvas.Serif, indent: 8));
                if (q.Rubric.Count > 0)
                {
                    blocks.AddRange(c.Text("Rubric", PdfCanvas.SansBold, indent: 8));
                    blocks.AddRange(QuestionParts.Rubric(c, q.Rubric));
                }
                break;
        }
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
            .Select(cat => $"{Marks[cat.Slug]} {cat.Label}")), PdfCanvas.Sans, after: 4));
        c.AddTogether(head);
        foreach (var a in lesson.Annotations)
        {
            var blocks = c.Labelled($"{Marks[a.Category.Slug]} {string.Join(",", a.SentenceRefs)}", PdfCanvas.SansBold,
                $"{a.Category.Label}: “{a.Quote}”", PdfCanvas.Serif, 52);
            blocks.AddRange(c.Text(a.Note, PdfCanvas.Sans, indent: 52, after: 4));
            c.AddTogether(blocks);
        }
    }
}
