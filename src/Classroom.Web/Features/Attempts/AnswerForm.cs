using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Microsoft.Extensions.Primitives;

namespace Classroom.Web.Features.Attempts;

/// <summary>
/// Reads answers from a posted form and checks each against the attempt's own quiz version.
/// Field names: "present" lists the question ids the form carries (so clearing every box still saves);
/// each question reads its own fields, all named "q.{id}…" (see the question types); "seq.{id}" is the
/// page's sequence for that answer (its edit time in ms), or <paramref name="fallbackSeq"/> when absent.
/// </summary>
public static class AnswerForm
{
    public static Dictionary<string, SentAnswer> Read(IEnumerable<KeyValuePair<string, StringValues>> form, QuizDefinition quiz, long fallbackSeq)
    {
        var fields = new FormFields(form);
        foreach (var key in fields.Keys.Where(k => k.StartsWith("q.", StringComparison.Ordinal)))
        {
            var id = key[2..].Split('.')[0];
            if (quiz.Find(id) is null) throw new BadAnswerException($"Question '{id}' is not part of this quiz.");
        }
        var answers = new Dictionary<string, SentAnswer>();
        foreach (var id in fields.Values("present").Distinct())
        {
            var question = quiz.Find(id) ?? throw new BadAnswerException($"Question '{id}' is not part of this quiz.");
            var seqText = fields.Values($"seq.{id}").SingleOrDefault();
            long seq = fallbackSeq;
            if (seqText is not null && (!long.TryParse(seqText, out seq) || seq < 0))
                throw new BadAnswerException($"The save of question '{id}' carries a sequence '{seqText}' that is not a whole number.");
            answers[id] = new SentAnswer(question.ReadForm(fields), seq);
        }
        return answers;
    }
}
