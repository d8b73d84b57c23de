using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Classroom.Web.Content.Questions;

/// <summary>
/// The automatic part of a response's score. <see cref="Points"/> is what the machine awards;
/// when <see cref="NeedsInstructor"/> is true, a person still has to score the open part and the
/// machine's points (if any) are only the closed part. <see cref="Correct"/> and <see cref="Wrong"/>
/// name the parts (an option id, a sentence "4.2", a ledger cell "1.source", "answer") that were right
/// or wrong; they are stored with the response, so review shows the verdict given at submission.
/// </summary>
public sealed record AutoScore(decimal Points, bool NeedsInstructor, IReadOnlyList<string> Correct, IReadOnlyList<string> Wrong)
{
    public bool IsRight(string part) => Correct.Contains(part);
    public bool IsWrong(string part) => Wrong.Contains(part);

    public string MarksJson() => JsonSerializer.Serialize(new StoredMarks(Correct, Wrong), QuizJson.Options);

    /// <summary>The stored verdict of a response, with its points.</summary>
    public static AutoScore FromStored(decimal? points, bool needsInstructor, string? marksJson)
    {
        var marks = string.IsNullOrEmpty(marksJson) ? null : JsonSerializer.Deserialize<StoredMarks>(marksJson, QuizJson.Options);
        return new AutoScore(points ?? 0, needsInstructor, marks?.Correct ?? [], marks?.Wrong ?? []);
    }

    private sealed record StoredMarks(IReadOnlyList<string> Correct, IReadOnlyList<string> Wrong);
}

/// <summary>
/// Shared arithmetic of scoring (DESIGN.md, "Quizzes"). Rounding: every question's points are rounded
/// once, to two decimals, half away from zero; totals are sums of rounded question points, so what a
/// student sees adds up.
/// </summary>
public static class Scoring
{
    public static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);

    /// <summary>A share of the points: <paramref name="earned"/> of <paramref name="outOf"/>, never below 0.</summary>
    public static decimal Share(int earned, int outOf, decimal points) =>
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
