namespace Classroom.Web.Features.Quizzes;

/// <summary>
/// What a student gave for one question. One shape for every type; only the fields of the question's
/// type are used. Stored as JSON on the response, so it survives any later change to the quiz file.
/// </summary>
public sealed record Answer
{
    public IReadOnlyList<string> Choices { get; init; } = [];
    public bool? TrueFalse { get; init; }
    public IReadOnlyList<string> Sentences { get; init; } = [];
    public string? Text { get; init; }
    public IReadOnlyList<LedgerAnswerRow> Rows { get; init; } = [];

    public static readonly Answer Empty = new();

    /// <summary>A stored answer; a missing or empty one reads as no answer.</summary>
    public static Answer FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? Empty : System.Text.Json.JsonSerializer.Deserialize<Answer>(json, QuizVersions.Json) ?? Empty;

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, QuizVersions.Json);

    public bool IsEmpty => Choices.Count == 0 && TrueFalse is null && Sentences.Count == 0 && string.IsNullOrWhiteSpace(Text)
        && Rows.All(r => string.IsNullOrWhiteSpace(r.Source) && r.Named is null && string.IsNullOrEmpty(r.Attribution));
}

public sealed record LedgerAnswerRow(string? Source, bool? Named, string? Attribution);
