namespace Classroom.Web.Content.Questions;

/// <summary>A sentence offered in a highlight question, with its reference ("4.2").</summary>
public sealed record HighlightSentence(string Ref, int Paragraph, string Text);

/// <summary>
/// Mark every sentence of the article that fits the prompt. Sentences are the unit, so it works by
/// keyboard, by screen reader and on paper. Hits minus false marks, never below 0, as a share of the key.
/// </summary>
public sealed record HighlightQuestion : Question
{
    /// <summary>The taxonomy category the prompt asks about, if any.</summary>
    public string? Category { get; init; }
    public IReadOnlyList<string> KeySentences { get; init; } = [];
    /// <summary>Every sentence of the article, kept in the version so an attempt renders the text it was taken on.</summary>
    public IReadOnlyList<HighlightSentence> Sentences { get; init; } = [];


    public static Question Read(QuestionYaml y)
    {
        var category = y.Optional("category");
        if (category is not null && Taxonomy.Find(category) is null)
            throw y.Fault("category", $"unknown category '{category}'");
        var key = y.Strings("answer", required: true);
        var keyNodes = y.File.List(y.Node, "answer", true);
        for (int i = 0; i < key.Count; i++)
            if (y.FindSentence(key[i]) is null)
                throw y.Fault(keyNodes[i], $"highlight key sentence '{key[i]}' does not exist in article '{y.Article.Slug}'");
        return y.Common(new HighlightQuestion
        {
            Category = category,
            KeySentences = key,
            Sentences = y.Article.Sentences.Select(s => new HighlightSentence(s.Ref, s.Paragraph, s.Text)).ToList(),
        });
    }

    public override AutoScore Score(Answer a)
    {
        var key = KeySentences.ToHashSet();
        var marks = a.Sentences.Distinct().ToList();
        var hits = marks.Where(key.Contains).ToList();
        var falseMarks = marks.Where(m => !key.Contains(m)).ToList();
        return new AutoScore(Scoring.Share(hits.Count - falseMarks.Count, key.Count, Points), false, hits, falseMarks);
    }

    public override Answer ReadForm(FormFields form)
    {
        var values = form.Values(FieldName);
        foreach (var v in values.Where(v => Sentences.All(s => s.Ref != v)))
            throw new BadAnswerException($"Sentence '{v}' is not a sentence of the article.");
        return new Answer { Sentences = values.Distinct().OrderBy(SentenceOrder).ToList() };
    }

    public override string AnswerText(Answer answer) =>
        answer.Sentences.Count == 0 ? "No sentences marked." : "Sentences marked: " + string.Join(", ", answer.Sentences);

    public override string KeyText() => string.Join(", ", KeySentences);

    public override void PrintAnswerSpace(IPaper paper)
    {
        paper.Hint("Tick the number of every sentence that fits (the numbers are beside the article above).");
        paper.SentenceBoxes(Sentences.Select(s => s.Ref).ToList());
    }

    public override void PrintKey(IPaper paper)
    {
        paper.Strong($"Key: {KeyText()}");
        foreach (var s in Sentences.Where(s => KeySentences.Contains(s.Ref))) paper.Sentence(s.Ref, s.Text);
    }

    public static (int, int) SentenceOrder(string reference)
    {
        var parts = reference.Split('.');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }
}
