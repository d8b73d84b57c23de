namespace Classroom.Web.Content;

public sealed record Lesson(
    string Slug,
    string Title,
    int Order,
    string Summary,
    Article? Article,
    IReadOnlyList<string> Objectives,
    string TeachingHtml,
    IReadOnlyList<string> GuidingQuestions,
    IReadOnlyList<Annotation> Annotations,
    IReadOnlyList<LedgerRow> Ledger)
{
    /// <summary>Outside knowledge a student needs for this article, labelled as not coming from it.</summary>
    public IReadOnlyList<BackgroundItem> Background { get; init; } = [];
}

/// <summary>A fact from outside the article, with where a student can check it.</summary>
public sealed record BackgroundItem(string Term, string Text, string Check);

/// <summary>
/// An exact quote from the lesson's article, marked with a category and explained. <see cref="Note"/> says only
/// what the text shows; <see cref="Background"/> holds outside knowledge, shown labelled as such;
/// <see cref="Better"/> shows how the sentence would read if it were carefully sourced.
/// </summary>
public sealed record Annotation(string Id, int Number, string Quote, Category Category, string Note, TextSpan Span, IReadOnlyList<string> SentenceRefs)
{
    public string? Background { get; init; }
    public string? Better { get; init; }
}

/// <summary>One attributed claim of the article's source ledger.</summary>
public sealed record LedgerRow(
    string Id,
    string Quote,
    string Claim,
    string Source,
    string Attribution,
    bool Named,
    string Checkable,
    string? OriginalOutlet,
    TextSpan Span,
    IReadOnlyList<string> SentenceRefs);

public static class LedgerValues
{
    public static readonly IReadOnlyList<string> Attributions = ["direct quote", "paraphrase", "according to", "none"];
    public static readonly IReadOnlyList<string> Checkable = ["yes", "partly", "no"];
}
