namespace Classroom.Web.Content.Questions;

/// <summary>A question answered in the student's own words: a short answer or an essay.</summary>
public abstract record WrittenQuestion : Question
{
    public string? ModelAnswer { get; init; }
    public int MaxLength { get; init; }
    /// <summary>Criteria × levels a teacher grades with; empty when the teacher types points.</summary>
    public IReadOnlyList<RubricCriterion> Rubric { get; init; } = [];

    protected override IReadOnlyList<RubricCriterion> RubricForGrading() => Rubric;

    public override Answer ReadForm(FormFields form)
    {
        var text = form.Text(FieldName + ".text");
        if (text.Length > MaxLength)
            throw new BadAnswerException($"The answer to question '{Id}' is {text.Length:N0} characters; the limit is {MaxLength:N0}. Nothing was saved: shorten it and save again.");
        return new Answer { Text = text };
    }

    public override string AnswerText(Answer answer) => string.IsNullOrWhiteSpace(answer.Text) ? "No answer." : answer.Text!;

    public override string KeyText() => ModelAnswer ?? "";

    public override void PrintKey(IPaper paper)
    {
        if (ModelAnswer is not null) paper.Text($"Model answer: {ModelAnswer}");
        if (Rubric.Count > 0)
        {
            paper.Strong("Rubric");
            paper.Rubric(Rubric);
        }
    }

    protected static string RequiredModelAnswer(QuestionYaml y) =>
        y.Optional("model_answer") ?? throw y.Fault(y.Node, "missing required field 'model_answer'");
}

/// <summary>
/// A sentence or two. With accepted answers it is scored automatically (case, spacing and punctuation
/// do not count); without, a teacher scores it, with a rubric if the question has one.
/// </summary>
public sealed record ShortAnswerQuestion : WrittenQuestion
{
    public const int DefaultLength = 1_000;

    public IReadOnlyList<string> AcceptedAnswers { get; init; } = [];


    protected override bool NeedsPerson() => AcceptedAnswers.Count == 0;

    public static Question Read(QuestionYaml y)
    {
        var accepted = y.Strings("accepted", required: false);
        var model = RequiredModelAnswer(y);
        var length = y.OptionalLength("max_length", DefaultLength, EssayQuestion.DefaultLength);
        var question = y.Common(new ShortAnswerQuestion { AcceptedAnswers = accepted, ModelAnswer = model, MaxLength = length });
        var rubric = y.Rubric(required: false, question.Points);
        if (rubric.Count > 0 && accepted.Count > 0) throw y.Fault("rubric", "a short answer scored by accepted answers takes no rubric");
        return question with { Rubric = rubric };
    }

    public override AutoScore Score(Answer a)
    {
        if (AcceptedAnswers.Count == 0) return new AutoScore(0, true, [], []);
        var right = Scoring.Matches(a.Text, AcceptedAnswers);
        return new AutoScore(right ? Points : 0, false, right ? ["answer"] : [], right || string.IsNullOrWhiteSpace(a.Text) ? [] : ["answer"]);
    }

    public override string KeyText() => AcceptedAnswers.Count > 0 ? string.Join("; ", AcceptedAnswers) : base.KeyText();

    // A one-word answer needs one line; a sentence or two, a few.
    public override void PrintAnswerSpace(IPaper paper) => paper.Lines(AcceptedAnswers.Count > 0 ? 1 : Math.Clamp(MaxLength / 150, 2, 6));

    public override void PrintKey(IPaper paper)
    {
        if (AcceptedAnswers.Count > 0) paper.Strong($"Accepted: {string.Join("; ", AcceptedAnswers)}");
        base.PrintKey(paper);
    }
}

/// <summary>Paragraphs, graded by a teacher with the question's rubric.</summary>
public sealed record EssayQuestion : WrittenQuestion
{
    public const int DefaultLength = 10_000;


    protected override bool NeedsPerson() => true;

    public static Question Read(QuestionYaml y)
    {
        var model = RequiredModelAnswer(y);
        var length = y.OptionalLength("max_length", DefaultLength, DefaultLength);
        var question = y.Common(new EssayQuestion { ModelAnswer = model, MaxLength = length });
        return question with { Rubric = y.Rubric(required: true, question.Points) };
    }

    public override AutoScore Score(Answer a) => new(0, true, [], []);

    public override void PrintAnswerSpace(IPaper paper) => paper.Lines(18);
}
