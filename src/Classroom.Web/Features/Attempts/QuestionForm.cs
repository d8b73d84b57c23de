using Classroom.Web.Content;
using Classroom.Web.Features.Quizzes;

namespace Classroom.Web.Features.Attempts;

public sealed record QuestionForm(int Number, Question Question, Answer Answer)
{
    public string Name => $"q.{Question.Id}";
    public string IdFor(string part) => $"q-{Question.Id}-{part}".Replace('.', '-');
}
