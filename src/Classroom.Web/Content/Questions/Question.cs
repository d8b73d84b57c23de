using System.Text.Json.Serialization;

namespace Classroom.Web.Content.Questions;

/// <summary>
/// One question of a quiz. Each type is a record in its own folder under Content/Questions that owns
/// everything about it: how it is read from YAML and validated, scored, read from a posted form,
/// written as text, and printed on paper; its views (_Take, _Review, _Grade) sit beside it.
/// A quiz version stores the whole definition as JSON, discriminated by "type". Old versions keep
/// reading because every field added later has a default and unknown fields are ignored.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SingleChoiceQuestion), QuestionKinds.SingleChoiceSlug)]
[JsonDerivedType(typeof(MultipleChoiceQuestion), QuestionKinds.MultipleChoiceSlug)]
[JsonDerivedType(typeof(TrueFalseQuestion), QuestionKinds.TrueFalseSlug)]
[JsonDerivedType(typeof(HighlightQuestion), QuestionKinds.HighlightSlug)]
[JsonDerivedType(typeof(LedgerQuestion), QuestionKinds.LedgerSlug)]
[JsonDerivedType(typeof(ShortAnswerQuestion), QuestionKinds.ShortAnswerSlug)]
[JsonDerivedType(typeof(EssayQuestion), QuestionKinds.EssaySlug)]
public abstract record Question
{
    public string Id { get; init; } = "";
    /// <summary>The article the question quotes (its lesson's, or another one for the closing lesson).</summary>
    public string ArticleSlug { get; init; } = "";
    public decimal Points { get; init; }
    public string Prompt { get; init; } = "";
    public string Explanation { get; init; } = "";
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    // Derived properties are not stored: a version's JSON holds what the quiz file said, nothing computed.

    /// <summary>The type's name, label and views.</summary>
    [JsonIgnore]
    public QuestionKind Kind => QuestionKinds.Of(GetType());

    /// <summary>True when some part of the answer can only be scored by a person.</summary>
    [JsonIgnore]
    public bool NeedsInstructor => NeedsPerson();

    /// <summary>The rubric a teacher grades with, if the type has one.</summary>
    [JsonIgnore]
    public IReadOnlyList<RubricCriterion> GradingRubric => RubricForGrading();

    protected virtual bool NeedsPerson() => false;
    protected virtual IReadOnlyList<RubricCriterion> RubricForGrading() => [];

    /// <summary>What the machine awards for an answer, and which parts were right or wrong.</summary>
    public abstract AutoScore Score(Answer answer);

    /// <summary>The answer in a posted form; refuses anything that does not belong to this question.</summary>
    public abstract Answer ReadForm(FormFields form);

    /// <summary>The answer as plain text, for reports, exports and the grading queue.</summary>
    public abstract string AnswerText(Answer answer);

    /// <summary>The key as plain text, for exports.</summary>
    public abstract string KeyText();

    /// <summary>Room to answer on a worksheet: boxes, sentence numbers, ledger rows or ruled lines.</summary>
    public abstract void PrintAnswerSpace(IPaper paper);

    /// <summary>The key on the instructor's answer key.</summary>
    public abstract void PrintKey(IPaper paper);

    /// <summary>The form field names of this question start with this.</summary>
    [JsonIgnore]
    public string FieldName => $"q.{Id}";
}

/// <summary>An evidence quote and where it sits: the sentence text is kept so review can show it in context.</summary>
public sealed record Evidence(string Quote, string SentenceRef, string SentenceText, string? ArticleSlug = null);

public sealed record RubricCriterion(string Name, IReadOnlyList<RubricLevel> Levels)
{
    public decimal MaxPoints => Levels.Max(l => l.Points);
}

public sealed record RubricLevel(string Label, decimal Points, string Description);

/// <summary>A refused answer: the message is shown to the person as it is.</summary>
public sealed class BadAnswerException(string message) : Exception(message);
