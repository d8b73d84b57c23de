namespace Classroom.Web.Content.Questions;

/// <summary>True or false: the matching answer scores the question's points.</summary>
public sealed record TrueFalseQuestion : Question
{
    public bool CorrectAnswer { get; init; }


    public static Question Read(QuestionYaml y) => y.Common(new TrueFalseQuestion { CorrectAnswer = y.YesNo(y.Node, "answer") });

    public override AutoScore Score(Answer a)
    {
        if (a.TrueFalse is null) return new AutoScore(0, false, [], []);
        var right = a.TrueFalse == CorrectAnswer;
        return new AutoScore(right ? Points : 0, false, right ? ["answer"] : [], right ? [] : ["answer"]);
    }

    public override Answer ReadForm(FormFields form)
    {
        var values = form.Values(FieldName);
        if (values.Count > 1) throw new BadAnswerException($"Question '{Id}' takes true or false, once.");
        return new Answer
        {
            TrueFalse = values.SingleOrDefault() switch
            {
                null => null,
                "true" => true,
                "false" => false,
                var other => throw new BadAnswerException($"Question '{Id}' takes true or false, not '{other}'."),
            },
        };
    }

    public static string Word(bool value) => value ? "True" : "False";

    public override string AnswerText(Answer answer) => answer.TrueFalse is bool tf ? Word(tf) : "No answer.";

    public override string KeyText() => Word(CorrectAnswer);

    public override void PrintAnswerSpace(IPaper paper) => paper.Boxes(["True", "False"]);

    public override void PrintKey(IPaper paper) => paper.Strong($"Key: {Word(CorrectAnswer)}");
}
