using Classroom.Web.Content;

namespace Classroom.Web.Features.Pdf;

/// <summary>The printable lesson: the article with paragraph and sentence numbers, guiding questions, and the quiz with room to answer. No keys.</summary>
public sealed class WorksheetDocument(WorksheetModel model)
{
    public byte[] Render()
    {
        var c = new PdfCanvas(new PageFrame($"Worksheet: {model.Lesson.Title}", model.ClassName, model.Date, model.Paper));
        Header(c);
        if (model.Article is not null) Article(c);
        GuidingQuestions(c);
        if (model.Quiz is not null) Quiz(c);
        if (model.Glossary.Sections.Count > 0) Words(c);
        return c.Finish();
    }

    private void Header(PdfCanvas c)
    {
        var blocks = c.Text(model.Lesson.Title, PdfCanvas.Title, after: 4);
        blocks.AddRange(c.Text("Name: ______________________________    Class: ______________    Date: ______________", PdfCanvas.Sans, after: 6));
        blocks.AddRange(c.Text(model.Lesson.Summary, PdfCanvas.Serif, after: 6));
        c.AddTogether(blocks);
    }

    private void Article(PdfCanvas c)
    {
        var a = model.Article!;
        var head = c.Text($"The article: {a.Label}", PdfCanvas.Heading, after: 2);
        head.AddRange(c.Text($"Headline: {a.Title} · Outlet: {a.Outlet} · Date: {a.Date} · Byline: {a.Byline} · Photo credit: {a.PhotoCredit}", PdfCanvas.Small, after: 2));
        head.AddRange(c.Text("Printed exactly as received, errors included. Each sentence is numbered: 4.2 is paragraph 4, sentence 2.", PdfCanvas.Small, after: 4));
        var first = a.Paragraphs[0].Sentences[0];
        head.AddRange(c.Labelled(first.Ref, PdfCanvas.SmallBold, first.Text, PdfCanvas.Serif, 26));
        c.AddTogether(head, keepFirst: head.Count);
        foreach (var paragraph in a.Paragraphs)
        {
            foreach (var sentence in paragraph.Sentences)
            {
                if (sentence == first) continue;
                // A sentence is never split from its number; a long one may run onto the next page line by line.
                c.AddTogether(c.Labelled(sentence.Ref, PdfCanvas.SmallBold, sentence.Text, PdfCanvas.Serif, 26), keepFirst: 2);
            }
            c.Space(4);
        }
    }

    private void GuidingQuestions(PdfCanvas c)
    {
        var blocks = c.Text("Questions to discuss", PdfCanvas.Heading, after: 2);
        for (int i = 0; i < model.Lesson.GuidingQuestions.Count; i++)
            blocks.AddRange(c.Labelled($"{i + 1}.", PdfCanvas.Sans, model.Lesson.GuidingQuestions[i], PdfCanvas.Serif, 16));
        c.Space(8);
        c.AddTogether(blocks, keepFirst: 2);
    }

    /// <summary>The back page: every word the course grades, as on /words.</summary>
    private void Words(PdfCanvas c)
    {
        c.NewPage();
        c.AddTogether([.. c.Text("Words we use", PdfCanvas.Heading, after: 2),
            .. c.Text("The marks and words the course grades, defined. Also at /words on the course site.", PdfCanvas.Small, after: 6)]);
        foreach (var part in model.Glossary.Sections)
        {
            var blocks = c.Text(part.Title, PdfCanvas.Subheading, after: 2);
            var first = true;
            foreach (var term in part.Terms)
            {
                var entry = c.Labelled(term.Term, PdfCanvas.SansBold, term.Definition, PdfCanvas.Sans, 120);
                if (first) { blocks.AddRange(entry); c.AddTogether(blocks); first = false; }
                else c.AddTogether(entry);
            }
            c.Space(4);
        }
    }

    private void Quiz(PdfCanvas c)
    {
        var quiz = model.Quiz!;
        c.Space(8);
        c.AddTogether([.. c.Text($"Quiz: {quiz.Title}", PdfCanvas.Heading), .. c.Text($"{quiz.Questions.Count} questions, {quiz.MaxPoints:0.##} points.", PdfCanvas.Sans, after: 6)], keepFirst: 2);
        foreach (var (q, i) in quiz.Questions.Select((q, i) => (q, i)))
        {
            var blocks = QuestionParts.Heading(c, i + 1, q);
            blocks.AddRange(QuestionParts.AnswerSpace(c, q));
            blocks.Add(new Block(10, (_, _, _) => { }));
            // A question stays with its options and answer space; an essay's lines may continue overleaf.
            c.AddTogether(blocks, keepFirst: Math.Min(blocks.Count, q is Content.Questions.EssayQuestion ? 8 : blocks.Count));
        }
    }
}
