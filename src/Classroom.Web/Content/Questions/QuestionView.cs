namespace Classroom.Web.Content.Questions;

/// <summary>
/// The model of a question's own views (_Take, _Review, _Grade): the question, the student's answer,
/// and for review and grading the verdict stored at submission and whether keys may be shown.
/// </summary>
public sealed record QuestionView(int Number, Question Question, Answer Answer, AutoScore? Result = null, bool ShowKeys = false)
{
    public string Name => Question.FieldName;
    public string IdFor(string part) => $"q-{Question.Id}-{part}".Replace('.', '-');
    public T As<T>() where T : Question => (T)Question;

    public bool Right(string part) => Result?.IsRight(part) == true;
    public static string Mark(bool ok) => ok ? "✓ right" : "✗ not right";
}
