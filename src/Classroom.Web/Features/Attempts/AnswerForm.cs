using Classroom.Web.Content;
using Classroom.Web.Features.Quizzes;
using Microsoft.Extensions.Primitives;

namespace Classroom.Web.Features.Attempts;

/// <summary>Refused input: the message is shown to the person as it is.</summary>
public sealed class BadAnswerException(string message) : Exception(message);

/// <summary>
/// Reads answers from a posted form and checks each against the attempt's own quiz version.
/// Field names: "present" lists the question ids the form carries (so clearing every box still saves),
/// "q.{id}" holds choices, true/false or sentence refs, "q.{id}.text" the written answer, and
/// "q.{id}.r{n}.source|named|attribution" a ledger row.
/// </summary>
public static class AnswerForm
{
    public const int MaxLedgerSourceLength = 300;

    public static Dictionary<string, Answer> Read(IEnumerable<KeyValuePair<string, StringValues>> form, QuizDefinition quiz)
    {
        var fields = form.ToDictionary(f => f.Key, f => f.Value);
        foreach (var key in fields.Keys.Where(k => k.StartsWith("q.", StringComparison.Ordinal)))
        {
            var id = key[2..].Split('.')[0];
            if (quiz.Find(id) is null) throw new BadAnswerException($"Question '{id}' is not part of this quiz.");
        }
        var present = fields.GetValueOrDefault("present").Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().ToList();
        var answers = new Dictionary<string, Answer>();
        foreach (var id in present)
        {
            var question = quiz.Find(id) ?? throw new BadAnswerException($"Question '{id}' is not part of this quiz.");
            answers[id] = ReadOne(question, fields);
        }
        return answers;
    }

    private static List<string> Values(Dictionary<string, StringValues> fields, string key) =>
        fields.GetValueOrDefault(key).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!.Trim()).ToList();

    private static Answer ReadOne(Question q, Dictionary<string, StringValues> fields)
    {
        var key = $"q.{q.Id}";
        var values = Values(fields, key);
        switch (q.Type)
        {
            case QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice:
                if (q.Type == QuestionTypes.SingleChoice && values.Count > 1)
                    throw new BadAnswerException($"Question '{q.Id}' takes one choice, not {values.Count}.");
                foreach (var v in values.Where(v => q.Options.All(o => o.Id != v)))
                    throw new BadAnswerException($"Option '{v}' does not belong to question '{q.Id}'.");
                return new Answer { Choices = values.Distinct().ToList() };
            case QuestionTypes.TrueFalse:
                if (values.Count > 1) throw new BadAnswerException($"Question '{q.Id}' takes true or false, once.");
                return new Answer
                {
                    TrueFalse = values.SingleOrDefault() switch
                    {
                        null => null,
                        "true" => true,
                        "false" => false,
                        var other => throw new BadAnswerException($"Question '{q.Id}' takes true or false, not '{other}'."),
                    },
                };
            case QuestionTypes.Highlight:
                foreach (var v in values.Where(v => q.Sentences.All(s => s.Ref != v)))
                    throw new BadAnswerException($"Sentence '{v}' is not a sentence of the article.");
                return new Answer { Sentences = values.Distinct().OrderBy(SentenceOrder).ToList() };
            case QuestionTypes.ShortAnswer or QuestionTypes.Essay:
                var text = fields.GetValueOrDefault(key + ".text").ToString();
                if (text.Length > q.MaxLength)
                    throw new BadAnswerException($"The answer to question '{q.Id}' is {text.Length:N0} characters; the limit is {q.MaxLength:N0}. Nothing was saved: shorten it and save again.");
                return new Answer { Text = text };
            case QuestionTypes.SourceLedger:
                foreach (var k in fields.Keys.Where(k => k.StartsWith(key + ".r", StringComparison.Ordinal)))
                {
                    var row = k[(key.Length + 2)..].Split('.')[0];
                    if (!int.TryParse(row, out var n) || n < 1 || n > q.Rows.Count)
                        throw new BadAnswerException($"Question '{q.Id}' has no ledger row '{row}'.");
                }
                return new Answer
                {
                    Rows = q.Rows.Select((_, i) =>
                    {
                        var prefix = $"{key}.r{i + 1}.";
                        var source = fields.GetValueOrDefault(prefix + "source").ToString();
                        if (source.Length > MaxLedgerSourceLength)
                            throw new BadAnswerException($"A ledger source may be at most {MaxLedgerSourceLength} characters.");
                        var named = Values(fields, prefix + "named").SingleOrDefault() switch
                        {
                            null => (bool?)null,
                            "yes" => true,
                            "no" => false,
                            var other => throw new BadAnswerException($"'Named' takes yes or no, not '{other}'."),
                        };
                        var attribution = Values(fields, prefix + "attribution").SingleOrDefault();
                        if (attribution is not null && !LedgerValues.Attributions.Contains(attribution))
                            throw new BadAnswerException($"'{attribution}' is not a way of attributing a claim.");
                        return new LedgerAnswerRow(source, named, attribution);
                    }).ToList(),
                };
            default:
                throw new BadAnswerException($"Question '{q.Id}' cannot be answered here.");
        }
    }

    private static (int, int) SentenceOrder(string reference)
    {
        var parts = reference.Split('.');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }
}
