using System.Text.Json.Serialization;

namespace Classroom.Web.Content;

/// <summary>
/// A quiz as written in content/quizzes. The whole definition is stored as JSON in each quiz version,
/// so it carries everything needed to render and score an attempt later: prompts, keys, and the
/// text of the sentences a highlight question offers.
/// </summary>
public sealed record QuizDefinition(
    string Slug,
    string Title,
    string LessonSlug,
    string? ArticleSlug,
    int? TimeLimitMinutes,
    int? AttemptsAllowed,
    IReadOnlyList<Question> Questions)
{
    public decimal MaxPoints => Questions.Sum(q => q.Points);
    public Question? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>A question's number as the student sees it, from 1.</summary>
    public int NumberOf(Question question) => Questions.ToList().FindIndex(q => q.Id == question.Id) + 1;
}

public static class QuestionTypes
{
    public const string SingleChoice = "single-choice";
    public const string MultipleChoice = "multiple-choice";
    public const string TrueFalse = "true-false";
    public const string Highlight = "highlight";
    public const string SourceLedger = "source-ledger";
    public const string ShortAnswer = "short-answer";
    public const string Essay = "essay";

    public static readonly IReadOnlyList<string> All = [SingleChoice, MultipleChoice, TrueFalse, Highlight, SourceLedger, ShortAnswer, Essay];

    public static string Label(string type) => type switch
    {
        SingleChoice => "Choose one",
        MultipleChoice => "Choose all that apply",
        TrueFalse => "True or false",
        Highlight => "Mark sentences",
        SourceLedger => "Source ledger",
        ShortAnswer => "Short answer",
        Essay => "Essay",
        _ => type,
    };
}

public sealed record Question(
    string Id,
    string ArticleSlug,
    string Type,
    decimal Points,
    string Prompt,
    string Explanation,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Option> Options,
    bool? CorrectAnswer,
    string? Category,
    IReadOnlyList<string> KeySentences,
    IReadOnlyList<HighlightSentence> Sentences,
    IReadOnlyList<LedgerQuestionRow> Rows,
    IReadOnlyList<string> AcceptedAnswers,
    string? ModelAnswer,
    int MaxLength,
    IReadOnlyList<RubricCriterion> Rubric)
{
    /// <summary>True when some part of the answer can only be scored by a person.</summary>
    [JsonIgnore]
    public bool NeedsInstructor => Type switch
    {
        QuestionTypes.Essay => true,
        QuestionTypes.ShortAnswer => AcceptedAnswers.Count == 0,
        QuestionTypes.SourceLedger => Rows.Any(r => r.AcceptedSources.Count == 0),
        _ => false,
    };
}

public sealed record Option(string Id, string Text, bool Correct);

/// <summary>An evidence quote and where it sits: the sentence text is kept so review can show it in context.</summary>
public sealed record Evidence(string Quote, string SentenceRef, string SentenceText, string? ArticleSlug = null);

/// <summary>A sentence offered in a highlight question, with its reference ("4.2").</summary>
public sealed record HighlightSentence(string Ref, int Paragraph, string Text);

public sealed record LedgerQuestionRow(string Quote, string SentenceRef, IReadOnlyList<string> AcceptedSources, string ModelSource, bool Named, string Attribution);

public sealed record RubricCriterion(string Name, IReadOnlyList<RubricLevel> Levels)
{
    public decimal MaxPoints => Levels.Max(l => l.Points);
}

public sealed record RubricLevel(string Label, decimal Points, string Description);
