namespace Classroom.Web.Content;

/// <summary>The one vocabulary of sourcing and framing used by annotations, questions, ledgers and PDFs.</summary>
public sealed record Category(string Slug, string Label, string Description);

public static class Taxonomy
{
    public static readonly IReadOnlyList<Category> All =
    [
        new("named-source", "Named source", "A person on record, with name and role."),
        new("unnamed-source", "Unnamed source", "Sources the reader cannot identify: \"military sources\", \"officials\", \"experts\"."),
        new("second-hand-report", "Second-hand report", "The article repeats what another outlet reported."),
        new("interested-source", "Interested source", "A party to the fight, or its outlet, speaking about itself or its enemy."),
        new("hedge", "Hedge / unverified", "Words that signal the claim is not confirmed: \"reportedly\", \"claims\", \"could mean\"."),
        new("loaded-language", "Loaded language", "Words that judge instead of describe."),
        new("opinion-as-fact", "Opinion or prediction as fact", "A forecast or verdict with no one attributed."),
        new("framing-device", "Framing device", "Scare quotes, theme tags, a title that argues."),
        new("disclosure", "Disclosure and funding", "Disclaimers, fair-use notices, donation requests."),
        new("aggregation-artefact", "Aggregation artefact", "Leftovers of copying: \"Share\", \"Advertisement\", \"(CNN)\", a caption with no picture."),
        new("unsupported-claim", "Unsupported claim", "A headline or sentence that nothing in the text backs."),
        new("error", "Error", "A misspelt name, a wrong word."),
    ];

    private static readonly Dictionary<string, Category> BySlug = All.ToDictionary(c => c.Slug);

    public static Category? Find(string slug) => BySlug.GetValueOrDefault(slug);
}
