namespace Classroom.Web.Content;

public sealed record Article(
    string Slug,
    string Title,
    string Label,
    string Outlet,
    string Date,
    string Byline,
    string PhotoCredit,
    string SeedFile,
    IReadOnlyList<Paragraph> Paragraphs)
{
    public IEnumerable<Sentence> Sentences => Paragraphs.SelectMany(p => p.Sentences);

    public Sentence? FindSentence(int paragraph, int sentence) =>
        paragraph >= 1 && paragraph <= Paragraphs.Count
            ? Paragraphs[paragraph - 1].Sentences.ElementAtOrDefault(sentence - 1)
            : null;
}

/// <summary>A paragraph of the article as received; numbers start at 1 and never change.</summary>
public sealed record Paragraph(int Number, string Text, IReadOnlyList<Sentence> Sentences);

/// <summary>A sentence; <see cref="Start"/> and <see cref="End"/> are offsets into its paragraph's text.</summary>
public sealed record Sentence(int Paragraph, int Number, string Text, int Start, int End)
{
    /// <summary>"4.2" means paragraph 4, sentence 2: the reference used on screen, on paper and in quiz keys.</summary>
    public string Ref => $"{Paragraph}.{Number}";
}

/// <summary>Where a quote sits in an article.</summary>
public sealed record TextSpan(int Paragraph, int Start, int End);
