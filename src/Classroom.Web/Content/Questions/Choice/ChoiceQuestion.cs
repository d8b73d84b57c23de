using YamlDotNet.RepresentationModel;

namespace Classroom.Web.Content.Questions;

public sealed record Option(string Id, string Text, bool Correct);

/// <summary>A question with options; the key is the options marked correct.</summary>
public abstract record ChoiceQuestion : Question
{
    public IReadOnlyList<Option> Options { get; init; } = [];

    public override Answer ReadForm(FormFields form)
    {
        var values = form.Values(FieldName);
        foreach (var v in values.Where(v => Options.All(o => o.Id != v)))
            throw new BadAnswerException($"Option '{v}' does not belong to question '{Id}'.");
        return new Answer { Choices = values.Distinct().ToList() };
    }

    public override string AnswerText(Answer answer) =>
        answer.Choices.Count == 0 ? "No answer." : string.Join("; ", Options.Where(o => answer.Choices.Contains(o.Id)).Select(o => o.Text));

    public override string KeyText() => string.Join("; ", Options.Where(o => o.Correct).Select(o => o.Text));

    public override void PrintKey(IPaper paper)
    {
        foreach (var o in Options) paper.Marked(o.Correct ? "✓" : "✗", o.Text + (o.Correct ? "   (key)" : ""));
    }

    protected static IReadOnlyList<Option> ReadOptions(QuestionYaml y)
    {
        var answerNode = y.Child("answer") ?? throw y.Fault(y.Node, "missing required field 'answer'");
        var answers = answerNode switch
        {
            YamlScalarNode s => [s.Value?.Trim() ?? ""],
            YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "").ToList(),
            _ => throw y.Fault(answerNode, "field 'answer' must name one option id or a list of them"),
        };
        var optionIds = new HashSet<string>();
        var options = y.Maps("options", required: true).Select(o =>
        {
            var id = y.File.Required(o, "id");
            if (!optionIds.Add(id)) throw y.Fault(o, $"duplicate option id '{id}' in question '{y.Id}'");
            return new Option(id, y.File.Required(o, "text"), answers.Contains(id));
        }).ToList();
        if (options.Count < 2) throw y.Fault("options", "a choice question needs at least two options");
        foreach (var answer in answers.Where(a => !optionIds.Contains(a)))
            throw y.Fault(answerNode, $"the answer key names '{answer}', which is not an option of question '{y.Id}'");
        if (options.Count(o => o.Correct) == 0)
            throw y.Fault(answerNode, "the answer key names no option of this question");
        return options;
    }
}

/// <summary>Pick one option: all or nothing.</summary>
public sealed record SingleChoiceQuestion : ChoiceQuestion
{

    public static Question Read(QuestionYaml y)
    {
        var options = ReadOptions(y);
        if (options.Count(o => o.Correct) > 1) throw y.Fault("answer", "a single-choice question needs exactly one answer");
        return y.Common(new SingleChoiceQuestion { Options = options });
    }

    public override AutoScore Score(Answer a)
    {
        var right = a.Choices.Count == 1 && Options.Any(o => o.Correct && o.Id == a.Choices[0]);
        return new AutoScore(right ? Points : 0, false, right ? a.Choices : [], right ? [] : a.Choices);
    }

    public override Answer ReadForm(FormFields form)
    {
        var count = form.Values(FieldName).Count;
        if (count > 1) throw new BadAnswerException($"Question '{Id}' takes one choice, not {count}.");
        return base.ReadForm(form);
    }

    public override void PrintAnswerSpace(IPaper paper) => paper.Boxes(Options.Select(o => o.Text).ToList());
}

/// <summary>Pick every option that applies: right picks minus wrong picks, never below 0, as a share of the right options.</summary>
public sealed record MultipleChoiceQuestion : ChoiceQuestion
{

    public static Question Read(QuestionYaml y) => y.Common(new MultipleChoiceQuestion { Options = ReadOptions(y) });

    public override AutoScore Score(Answer a)
    {
        var key = Options.Where(o => o.Correct).Select(o => o.Id).ToHashSet();
        var picks = a.Choices.Distinct().ToList();
        var right = picks.Where(key.Contains).ToList();
        var wrong = picks.Where(p => !key.Contains(p)).ToList();
        return new AutoScore(Scoring.Share(right.Count - wrong.Count, key.Count, Points), false, right, wrong);
    }

    public override void PrintAnswerSpace(IPaper paper)
    {
        paper.Boxes(Options.Select(o => o.Text).ToList());
        paper.Hint("Tick every option that applies.");
    }
}
