using System.Text.Json;

namespace Classroom.Web.Content.Questions;

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
        string.IsNullOrEmpty(json) ? Empty : JsonSerializer.Deserialize<Answer>(json, QuizJson.Options) ?? Empty;

    public string ToJson() => JsonSerializer.Serialize(this, QuizJson.Options);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Choices.Count == 0 && TrueFalse is null && Sentences.Count == 0 && string.IsNullOrWhiteSpace(Text)
        && Rows.All(r => string.IsNullOrWhiteSpace(r.Source) && r.Named is null && string.IsNullOrEmpty(r.Attribution));

    public LedgerAnswerRow Row(int index) => index < Rows.Count ? Rows[index] : LedgerAnswerRow.Blank;
}

public sealed record LedgerAnswerRow(string? Source, bool? Named, string? Attribution)
{
    public static readonly LedgerAnswerRow Blank = new(null, null, null);
}

/// <summary>The JSON settings for quiz versions and answers: web defaults, and a "type" that may come after other fields.</summary>
public static class QuizJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };
}
