namespace Classroom.Web.Content;

/// <summary>
/// The one vocabulary of sourcing and framing used by annotations, questions, ledgers and PDFs. Each kind has
/// its own symbol, shown beside its colour on pages and in print, so no meaning rests on colour alone.
/// </summary>
public sealed record Category(string Slug, string Label, string Description, string Symbol);

public static class Taxonomy
{
    // Labels are what a 15-year-old reads on the page; the full definitions are on the "Words we use" page (content/glossary.yml).
    public static readonly IReadOnlyList<Category> All =
    [
        new("named-source", "Named source", "A person or organisation the article names, so a reader could look them up.", "●"),
        new("unnamed-source", "Unnamed source", "Sources the reader cannot identify: \"military sources\", \"officials\", \"experts\".", "○"),
        new("second-hand-report", "Second-hand report", "The article repeats what another outlet reported.", "◆"),
        new("interested-source", "A source with a stake", "A side in the fight, or its own media, speaking about itself or its enemy.", "◇"),
        new("hedge", "Not confirmed", "Words that signal the claim is not confirmed: \"reportedly\", \"claims\", \"could mean\".", "▲"),
        new("loaded-language", "Loaded words", "Words that judge instead of describe.", "△"),
        new("opinion-as-fact", "Opinion or forecast as fact", "A forecast or verdict that no one is quoted as saying.", "■"),
        new("framing-device", "Framing", "Scare quotes, theme tags, a title that argues.", "□"),
        new("disclosure", "Small print and funding", "Disclaimers, fair-use notices, requests for support.", "★"),
        new("aggregation-artefact", "Pasted from elsewhere", "Signs the publisher pasted other outlets' text: \"(CNN)\", pronouns with no one to refer to.", "☆"),
        new("capture-artefact", "Left over from saving the page", "Probably left behind when the web page was saved as text: \"Share\", \"Advertisement\", a caption whose photo is gone.", "◎"),
        new("unsupported-claim", "Claim with nothing behind it", "A headline or sentence that nothing in the text backs.", "✚"),
        new("error", "Mistake in the text", "A misspelt name, a wrong word.", "✖"),
    ];

    private static readonly Dictionary<string, Category> BySlug = All.ToDictionary(c => c.Slug);

    public static Category? Find(string slug) => BySlug.GetValueOrDefault(slug);
}
