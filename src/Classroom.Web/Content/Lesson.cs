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
    IReadOnlyList<LedgerRow> Ledger);

/// <summary>An exact quote from the lesson's article, marked with a category and explained.</summary>
public sealed record Annotation(string Id, int Number, string Quote, Category Category, string Note, TextSpan Span, IReadOnlyList<string> SentenceRefs);

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
