namespace Classroom.Web.Content;

/// <summary>
/// Splits a paragraph into sentences. Tuned to news text as received: a full stop inside a token
/// ("U.S.-led", "abc.net.au") never ends a sentence, closing quotes and brackets stay with the
/// sentence they close, known abbreviations ("Maj.", "Gen.") do not end one, and a paragraph with
/// no final full stop is still one sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Maj", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Cpl", "Pvt",
        "Adm", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "No", "vs", "etc", "e.g", "i.e", "approx",
        "U.S", "U.K", "U.N", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    private const string Closers = "\"'”’)]*";
    private const string Openers = "\"'“‘([*";

    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var result = new List<(int, int)>();
        int start = SkipSpace(text, 0);
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '.' or '?' or '!')
            {
                int end = i + 1;
                while (end < text.Length && (text[end] is '.' or '?' or '!')) end++;
                while (end < text.Length && Closers.Contains(text[end])) end++;
                int next = SkipSpace(text, end);
                bool spaceFollows = next > end;
                if (spaceFollows && next < text.Length && StartsSentence(text[next]) && !IsAbbreviation(text, i))
                {
                    result.Add((start, end));
                    start = next;
                    i = next;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        int last = text.Length;
        while (last > start && char.IsWhiteSpace(text[last - 1])) last--;
        if (last > start) result.Add((start, last));
        return result;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || Openers.Contains(c);

    private static bool IsAbbreviation(string text, int dot)
    {
        if (text[dot] != '.') return false;
        int s = dot;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && !Openers.Contains(text[s - 1])) s--;
        var word = text[s..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        return Abbreviations.Contains(word);
    }
}
