namespace Classroom.Web.Content;

/// <summary>
/// "Words we use": every term a student is graded on, defined where they work (content/glossary.yml).
/// A term's key ties it to what it defines: "category:unnamed-source", "attribution:paraphrase",
/// "named-person", "named-organisation", "checkable", or any other stable name.
/// </summary>
public sealed record Glossary(IReadOnlyList<GlossarySection> Sections)
{
    public static readonly Glossary Empty = new([]);

    public IEnumerable<GlossaryTerm> Terms => Sections.SelectMany(s => s.Terms);

    public GlossaryTerm? Find(string key) => Terms.FirstOrDefault(t => t.Key == key);

    /// <summary>The page anchor of a term: /words#category-unnamed-source.</summary>
    public static string Anchor(string key) => new(key.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}

public sealed record GlossarySection(string Title, string? Intro, IReadOnlyList<GlossaryTerm> Terms);

public sealed record GlossaryTerm(string Key, string Term, string Definition, string? Example);

public static class GlossaryLoader
{
    public static Glossary Load(string root)
    {
        var path = Path.Combine(root, "glossary.yml");
        if (!File.Exists(path)) return Glossary.Empty;
        var yaml = new YamlFile("content/glossary.yml", File.ReadAllText(path));
        var keys = new HashSet<string>();
        var sections = yaml.Maps(yaml.Root, "sections", required: true).Select(s => new GlossarySection(
            yaml.Required(s, "title"), yaml.Optional(s, "intro"),
            yaml.Maps(s, "terms", required: true).Select(t =>
            {
                var key = yaml.Required(t, "key");
                if (!keys.Add(key)) throw yaml.Fault(t, $"duplicate key '{key}'");
                if (key.StartsWith("category:", StringComparison.Ordinal) && Taxonomy.Find(key["category:".Length..]) is null)
                    throw yaml.Fault(yaml.Child(t, "key")!, $"unknown category '{key["category:".Length..]}'");
                if (key.StartsWith("attribution:", StringComparison.Ordinal) && !LedgerValues.Attributions.Contains(key["attribution:".Length..]))
                    throw yaml.Fault(yaml.Child(t, "key")!, $"unknown attribution '{key["attribution:".Length..]}'");
                return new GlossaryTerm(key, yaml.Required(t, "term"), yaml.Required(t, "definition"), yaml.Optional(t, "example"));
            }).ToList())).ToList();
        return new Glossary(sections);
    }
}
