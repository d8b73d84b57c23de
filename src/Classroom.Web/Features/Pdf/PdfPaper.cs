using Classroom.Web.Content.Questions;

namespace Classroom.Web.Features.Pdf;

/// <summary>What a question prints, turned into blocks on a PDF canvas.</summary>
public sealed class PdfPaper(PdfCanvas c) : IPaper
{
    public List<Block> Blocks { get; } = [];

    public void Boxes(IReadOnlyList<string> labels)
    {
        foreach (var label in labels) Blocks.AddRange(c.Labelled("", PdfCanvas.Sans, label, PdfCanvas.Serif, 18, indent: 8, box: true));
    }

    public void BoxRow(IReadOnlyList<string> labels) => Blocks.Add(QuestionParts.BoxRow(labels));
    public void SentenceBoxes(IReadOnlyList<string> refs) => Blocks.AddRange(QuestionParts.SentenceBoxes(c, refs));
    public void WriteOn(string label) => Blocks.Add(QuestionParts.WriteOn(c, label));
    public void Lines(int count) => Blocks.AddRange(c.Rules(count, indent: 8));
    public void Hint(string text) => Blocks.AddRange(c.Text(text, PdfCanvas.Small, indent: 8));
    public void Text(string text) => Blocks.AddRange(c.Text(text, PdfCanvas.Serif, indent: 8));
    public void Strong(string text) => Blocks.AddRange(c.Text(text, PdfCanvas.SansBold, indent: 8));
    public void Marked(string mark, string text) => Blocks.AddRange(c.Labelled(mark, PdfCanvas.SansBold, text, PdfCanvas.Serif, 16, indent: 8));
    public void Sentence(string reference, string text) => Blocks.AddRange(c.Labelled(reference, PdfCanvas.SmallBold, text, PdfCanvas.Serif, 26, indent: 8));
    public void Rubric(IReadOnlyList<RubricCriterion> rubric) => Blocks.AddRange(QuestionParts.Rubric(c, rubric));
    public void Gap(double points) => Blocks.Add(new Block(points, (_, _, _) => { }));
}
