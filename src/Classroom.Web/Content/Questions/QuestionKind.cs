
namespace Classroom.Web.Content.Questions;

/// <summary>
/// A question type: its name in quiz files, the label students see, the folder holding its code and
/// views, and how it is read from YAML. Views are found by convention:
/// Content/Questions/{Folder}/_Take.cshtml, _Review.cshtml and _Grade.cshtml.
/// </summary>
public sealed record QuestionKind(string Slug, string Label, string Folder, Type ClrType, Func<QuestionYaml, Question> Read)
{
    public static readonly IReadOnlyList<string> Views = ["_Take", "_Review", "_Grade"];

    public string ViewPath(string view) =>
        Views.Contains(view) ? $"~/Content/Questions/{Folder}/{view}.cshtml" : throw new ArgumentOutOfRangeException(nameof(view), view, "not a question view");
}

public static class QuestionKinds
{
    public const string SingleChoiceSlug = "single-choice";
    public const string MultipleChoiceSlug = "multiple-choice";
    public const string TrueFalseSlug = "true-false";
    public const string HighlightSlug = "highlight";
    public const string LedgerSlug = "source-ledger";
    public const string ShortAnswerSlug = "short-answer";
    public const string EssaySlug = "essay";

    public static readonly QuestionKind SingleChoice = new(SingleChoiceSlug, "Choose one", "Choice", typeof(SingleChoiceQuestion), SingleChoiceQuestion.Read);
    public static readonly QuestionKind MultipleChoice = new(MultipleChoiceSlug, "Choose all that apply", "Choice", typeof(MultipleChoiceQuestion), MultipleChoiceQuestion.Read);
    public static readonly QuestionKind TrueFalse = new(TrueFalseSlug, "True or false", "TrueFalse", typeof(TrueFalseQuestion), TrueFalseQuestion.Read);
    public static readonly QuestionKind Highlight = new(HighlightSlug, "Mark sentences", "Highlight", typeof(HighlightQuestion), HighlightQuestion.Read);
    public static readonly QuestionKind Ledger = new(LedgerSlug, "Source ledger", "Ledger", typeof(LedgerQuestion), LedgerQuestion.Read);
    public static readonly QuestionKind ShortAnswer = new(ShortAnswerSlug, "Short answer", "Written", typeof(ShortAnswerQuestion), ShortAnswerQuestion.Read);
    public static readonly QuestionKind Essay = new(EssaySlug, "Essay", "Written", typeof(EssayQuestion), EssayQuestion.Read);

    public static readonly IReadOnlyList<QuestionKind> All = [SingleChoice, MultipleChoice, TrueFalse, Highlight, Ledger, ShortAnswer, Essay];

    private static readonly Dictionary<string, QuestionKind> BySlug = All.ToDictionary(k => k.Slug);

    private static readonly Dictionary<Type, QuestionKind> ByType = All.ToDictionary(k => k.ClrType);

    public static QuestionKind? Find(string slug) => BySlug.GetValueOrDefault(slug);

    /// <summary>The kind of a question type; a type missing from <see cref="All"/> fails loudly.</summary>
    public static QuestionKind Of(Type type) =>
        ByType.GetValueOrDefault(type) ?? throw new InvalidOperationException($"question type {type.Name} is not registered in QuestionKinds.All");
}
