using System.Globalization;
using System.Text;
using Classroom.Web.Content;

namespace Classroom.Web.Features.Quizzes;

/// <summary>
/// The automatic part of a response's score. <see cref="Points"/> is what the machine awards;
/// when <see cref="NeedsInstructor"/> is true, a person still has to score the open part and the
/// machine's points (if any) are only the closed part.
/// </summary>
public sealed record AutoScore(decimal Points, bool NeedsInstructor, IReadOnlyList<string> Correct, IReadOnlyList<string> Wrong);

/// <summary>
/// Scoring rules as pure functions over plain data (DESIGN.md, "Quizzes").
/// Rounding: every question's points are rounded once, to two decimals, half away from zero;
/// totals are sums of rounded question points, so what a student sees adds up.
/// </summary>
public static class Scoring
{
    public static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);

    public static AutoScore Score(Question question, Answer answer) => question.Type switch
    {
        QuestionTypes.SingleChoice => Single(question, answer),
        QuestionTypes.TrueFalse => TrueFalse(question, answer),
        QuestionTypes.MultipleChoice => Multiple(question, answer),
        QuestionTypes.Highlight => Highlight(question, answer),
        QuestionTypes.ShortAnswer => ShortAnswer(question, answer),
        QuestionTypes.SourceLedger => Ledger(question, answer),
        QuestionTypes.Essay => new AutoScore(0, true, [], []),
        _ => throw new ArgumentOutOfRangeException(nameof(question), question.Type, "unknown question type"),
    };

    private static AutoScore Single(Question q, Answer a)
    {
        var right = a.Choices.Count == 1 && q.Options.Any(o => o.Correct && o.Id == a.Choices[0]);
        return new AutoScore(right ? q.Points : 0, false, right ? a.Choices : [], right ? [] : a.Choices);
    }

    private static AutoScore TrueFalse(Question q, Answer a)
    {
        var right = a.TrueFalse is not null && a.TrueFalse == q.CorrectAnswer;
        return new AutoScore(right ? q.Points : 0, false, [], []);
    }

    /// <summary>Right picks minus wrong picks, never below 0, as a share of the right options.</summary>
    private static AutoScore Multiple(Question q, Answer a)
    {
        var key = q.Options.Where(o => o.Correct).Select(o => o.Id).ToHashSet();
        var picks = a.Choices.Distinct().ToList();
        var right = picks.Where(key.Contains).ToList();
        var wrong = picks.Where(p => !key.Contains(p)).ToList();
        return new AutoScore(Share(right.Count - wrong.Count, key.Count, q.Points), false, right, wrong);
    }

    /// <summary>Hits minus false marks, never below 0, as a share of the key's sentences.</summary>
    private static AutoScore Highlight(Question q, Answer a)
    {
        var key = q.KeySentences.ToHashSet();
        var marks = a.Sentences.Distinct().ToList();
        var hits = marks.Where(key.Contains).ToList();
        var falseMarks = marks.Where(m => !key.Contains(m)).ToList();
        return new AutoScore(Share(hits.Count - falseMarks.Count, key.Count, q.Points), false, hits, falseMarks);
    }

    private static AutoScore ShortAnswer(Question q, Answer a)
    {
        if (q.AcceptedAnswers.Count == 0) return new AutoScore(0, true, [], []);
        var right = Matches(a.Text, q.AcceptedAnswers);
        return new AutoScore(right ? q.Points : 0, false, [], []);
    }

    /// <summary>
    /// Each row has three parts (source, named or not, how attributed), all worth the same.
    /// Closed parts are scored here; a source with no accepted answers is left to the instructor.
    /// </summary>
    private static AutoScore Ledger(Question q, Answer a)
    {
        var parts = q.Rows.Count * 3;
        int right = 0;
        var correct = new List<string>();
        var wrong = new List<string>();
        for (int i = 0; i < q.Rows.Count; i++)
        {
            var row = q.Rows[i];
            var given = i < a.Rows.Count ? a.Rows[i] : new LedgerAnswerRow(null, null, null);
            void Mark(bool ok, string part) { if (ok) { right++; correct.Add($"{i + 1}.{part}"); } else wrong.Add($"{i + 1}.{part}"); }
            if (row.AcceptedSources.Count > 0) Mark(Matches(given.Source, row.AcceptedSources), "source");
            Mark(given.Named == row.Named, "named");
            Mark(string.Equals(given.Attribution, row.Attribution, StringComparison.OrdinalIgnoreCase), "attribution");
        }
        return new AutoScore(Share(right, parts, q.Points), q.NeedsInstructor, correct, wrong);
    }

    private static decimal Share(int earned, int outOf, decimal points) =>
        outOf == 0 ? 0 : Round(Math.Max(0, earned) * points / outOf);

    public static bool Matches(string? text, IReadOnlyList<string> accepted)
    {
        var given = Normalize(text);
        return given.Length > 0 && accepted.Any(a => Normalize(a) == given);
    }

    /// <summary>Case, spacing and punctuation do not count: "  Reportedly! " matches "reportedly".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder();
        bool space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(c);
                space = false;
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) space = true;
        }
        return builder.ToString();
    }
}
