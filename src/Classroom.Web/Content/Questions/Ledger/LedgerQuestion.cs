namespace Classroom.Web.Content.Questions;

/// <summary>
/// One claim of a ledger question: the quote, and the key for its three cells. The source cell is
/// closed when <see cref="AcceptedSources"/> lists answers; otherwise a teacher judges it.
/// </summary>
public sealed record LedgerQuestionRow(string Quote, string SentenceRef, IReadOnlyList<string> AcceptedSources, string ModelSource, bool Named, string Attribution)
{
    /// <summary>Every way of attributing this claim a careful student could defend; the first is <see cref="Attribution"/>.</summary>
    public IReadOnlyList<string> AcceptedAttributions { get; init; } = [];

    public bool AcceptsAttribution(string? given) =>
        given is not null && (AcceptedAttributions.Count > 0 ? AcceptedAttributions : [Attribution]).Contains(given, StringComparer.OrdinalIgnoreCase);

    public bool AcceptsSource(string? given) => SourceNames.Matches(given, AcceptedSources.Append(ModelSource).ToList());
}

/// <summary>
/// Fill a row or two of the source ledger: who is the source, named or not, how attributed. Each row
/// has three cells of equal worth; open source cells are left to the instructor.
/// </summary>
public sealed record LedgerQuestion : Question
{
    public const int MaxSourceLength = 300;

    public IReadOnlyList<LedgerQuestionRow> Rows { get; init; } = [];


    protected override bool NeedsPerson() => Rows.Any(r => r.AcceptedSources.Count == 0);

    public static Question Read(QuestionYaml y) => y.Common(new LedgerQuestion
    {
        Rows = y.Maps("rows", required: true).Select(row =>
        {
            var quote = y.File.Required(row, "quote");
            var span = y.Locate(row, quote);
            // One way of attributing, or a list of every way a careful student could defend (the first is the key shown).
            var attributions = (y.File.Child(row, "attribution") is YamlDotNet.RepresentationModel.YamlSequenceNode
                ? y.File.Strings(row, "attribution", required: true)
                : [y.File.Required(row, "attribution")]).Select(a => a.ToLowerInvariant()).ToList();
            foreach (var attribution in attributions.Where(a => !LedgerValues.Attributions.Contains(a)))
                throw y.Fault(y.Child(row, "attribution"), $"field 'attribution' must be one of {string.Join(", ", LedgerValues.Attributions.Select(a => $"'{a}'"))}, not '{attribution}'");
            return new LedgerQuestionRow(quote, ContentLoader.SentenceRefs(y.Article, span)[0],
                y.File.Strings(row, "accepted_sources", required: false), y.File.Required(row, "source"),
                y.YesNo(row, "named"), attributions[0]) { AcceptedAttributions = attributions };
        }).ToList(),
    });

    public override AutoScore Score(Answer a)
    {
        int right = 0;
        var correct = new List<string>();
        var wrong = new List<string>();
        for (int i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var given = a.Row(i);
            void Mark(bool ok, string part) { if (ok) { right++; correct.Add($"{i + 1}.{part}"); } else wrong.Add($"{i + 1}.{part}"); }
            if (row.AcceptedSources.Count > 0) Mark(row.AcceptsSource(given.Source), "source");
            Mark(given.Named == row.Named, "named");
            Mark(row.AcceptsAttribution(given.Attribution), "attribution");
        }
        return new AutoScore(Scoring.Share(right, Rows.Count * 3, Points), NeedsInstructor, correct, wrong);
    }

    public override Answer ReadForm(FormFields form)
    {
        var prefix = FieldName + ".r";
        foreach (var k in form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var row = k[prefix.Length..].Split('.')[0];
            if (!int.TryParse(row, out var n) || n < 1 || n > Rows.Count)
                throw new BadAnswerException($"Question '{Id}' has no ledger row '{row}'.");
        }
        return new Answer
        {
            Rows = Rows.Select((_, i) =>
            {
                var cell = $"{prefix}{i + 1}.";
                var source = form.Text(cell + "source");
                if (source.Length > MaxSourceLength)
                    throw new BadAnswerException($"A ledger source may be at most {MaxSourceLength} characters.");
                var named = form.Values(cell + "named").SingleOrDefault() switch
                {
                    null => (bool?)null,
                    "yes" => true,
                    "no" => false,
                    var other => throw new BadAnswerException($"'Named' takes yes or no, not '{other}'."),
                };
                var attribution = form.Values(cell + "attribution").SingleOrDefault();
                if (attribution is not null && !LedgerValues.Attributions.Contains(attribution))
                    throw new BadAnswerException($"'{attribution}' is not a way of attributing a claim.");
                return new LedgerAnswerRow(source, named, attribution);
            }).ToList(),
        };
    }

    public static string NamedWord(bool? named) => named is bool n ? (n ? "named" : "not named") : "—";

    public override string AnswerText(Answer answer) => string.Join(" | ", Rows.Select((_, i) =>
    {
        var given = answer.Row(i);
        return $"Claim {i + 1}: source “{given.Source}”, {NamedWord(given.Named)}, {given.Attribution ?? "—"}";
    }));

    public override string KeyText() => string.Join(" | ", Rows.Select((r, i) => $"Claim {i + 1}: {r.ModelSource}, {NamedWord(r.Named)}, {r.Attribution}"));

    public override void PrintAnswerSpace(IPaper paper)
    {
        for (int i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            paper.Text($"Claim {i + 1} (sentence {row.SentenceRef}): “{row.Quote}”");
            paper.WriteOn("Source:");
            paper.BoxRow(["Named", "Not named"]);
            paper.BoxRow(["Direct quote", "Paraphrase", "According to", "None"]);
            paper.Gap(4);
        }
    }

    public override void PrintKey(IPaper paper)
    {
        foreach (var (row, r) in Rows.Select((row, r) => (row, r)))
        {
            paper.Text($"Claim {r + 1} ({row.SentenceRef}) “{row.Quote}”");
            paper.Strong($"Source: {row.ModelSource}{(row.AcceptedSources.Count > 0 ? $" (accepted: {string.Join("; ", row.AcceptedSources)})" : " (judged by the instructor)")} · {NamedWord(row.Named)} · {row.Attribution}");
        }
    }
}
