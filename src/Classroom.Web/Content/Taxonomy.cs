namespace Classroom.Web.Content;

/// <summary>The one vocabulary of sourcing and framing used by annotations, questions, ledgers and PDFs.</summary>
public sealed record Category(string Slug, string Label, string Description, string Pattern);

public static class Taxonomy
{
    // Pattern is how the category is told apart without colour (on screen and in black-and-white print).
    public static readonly IReadOnlyList<Category> All =
    [
        new("named-source", "Named source", "A person on record, with name and role.", "solid"),
        new("unnamed-source", "Unnamed source", "Sources the reader cannot identify: \"military sources\", \"officials\", \"experts\".", "dashed"),
        new("second-hand-report", "Second-hand report", "The article repeats what another outlet reported.", "double"),
        new("interested-source", "Interested source", "A party to the fight, or its outlet, speaking about itself or its enemy.", "dotted"),
        new("hedge", "Hedge / unverified", "Words that signal the claim is not confirmed: \"reportedly\", \"claims\", \"could mean\".", "wavy"),
        new("loaded-language", "Loaded language", "Words that judge instead of describe.", "solid"),
        new("opinion-as-fact", "Opinion or prediction as fact", "A forecast or verdict with no one attributed.", "dashed"),
        new("framing-device", "Framing device", "Scare quotes, theme tags, a title that argues.", "double"),
        new("disclosure", "Disclosure and funding", "Disclaimers, fair-use notices, donation requests.", "dotted"),
        new("aggregation-artefact", "Aggregation artefact", "Leftovers of copying: \"Share\", \"Advertisement\", \"(CNN)\", a caption with no picture.", "wavy"),
        new("unsupported-claim", "Unsupported claim", "A headline or sentence that nothing in the text backs.", "solid"),
        new("error", "Error", "A misspelt name, a wrong word.", "wavy"),
    ];

    private static readonly Dictionary<string, Category> BySlug = All.ToDictionary(c => c.Slug);

    public static Category? Find(string slug) => BySlug.GetValueOrDefault(slug);

    public static Category Get(string slug) => BySlug[slug];
}
