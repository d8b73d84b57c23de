namespace Classroom.Web.Content.Questions;

/// <summary>
/// What a question can put on paper. The PDF documents implement it; a question says what to print
/// (boxes, numbered sentences, lines to write on, its key) and never how it is laid out.
/// </summary>
public interface IPaper
{
    /// <summary>One line per label, each with an empty box to tick.</summary>
    void Boxes(IReadOnlyList<string> labels);

    /// <summary>Labels side by side on one line, each with its own box: "☐ Named   ☐ Not named".</summary>
    void BoxRow(IReadOnlyList<string> labels);

    /// <summary>A grid of sentence numbers with a box each ("☐ 4.2").</summary>
    void SentenceBoxes(IReadOnlyList<string> refs);

    /// <summary>A label and a line to write on ("Source: ______").</summary>
    void WriteOn(string label);

    /// <summary>Ruled lines for writing.</summary>
    void Lines(int count);

    /// <summary>A small instruction.</summary>
    void Hint(string text);

    /// <summary>Ordinary text.</summary>
    void Text(string text);

    /// <summary>A line in bold.</summary>
    void Strong(string text);

    /// <summary>A line with a mark before it: "✓ option text".</summary>
    void Marked(string mark, string text);

    /// <summary>A sentence of the article with its number.</summary>
    void Sentence(string reference, string text);

    /// <summary>A rubric: criteria and their levels.</summary>
    void Rubric(IReadOnlyList<RubricCriterion> rubric);

    /// <summary>Vertical space.</summary>
    void Gap(double points);
}
