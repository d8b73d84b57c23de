namespace Classroom.Web.Content.Questions;

/// <summary>
/// Whether a source a student typed names the same source as an accepted answer. Case, spacing and
/// punctuation do not count, nor do leading titles and ranks ("Maj. Gen.", "Major General", "Dr") or a
/// leading "the". Every other form (a surname alone, "the spokesman", "Pentagon") must be listed as an
/// alias in the quiz file, so what is accepted is always written down.
/// </summary>
public static class SourceNames
{
    private static readonly HashSet<string> Titles =
    [
        "mr", "mrs", "ms", "dr", "prof", "professor", "sir",
        "maj", "major", "gen", "general", "lt", "lieutenant", "col", "colonel", "brig", "brigadier",
        "capt", "captain", "sgt", "sergeant", "cpl", "corporal", "adm", "admiral", "cmdr", "commander",
    ];

    public static string Normalize(string? text)
    {
        var words = Scoring.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && (words[0] == "the" || Titles.Contains(words[0]))) words.RemoveAt(0);
        return string.Join(' ', words);
    }

    public static bool Matches(string? given, IReadOnlyList<string> accepted)
    {
        var answer = Normalize(given);
        return answer.Length > 0 && accepted.Any(alias => Normalize(alias) == answer);
    }
}
