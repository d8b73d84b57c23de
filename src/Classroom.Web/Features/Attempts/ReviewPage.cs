using System.Text.Json;
using Classroom.Web.Content;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;

namespace Classroom.Web.Features.Attempts;

public sealed record ReviewItem(int Number, Question Question, Answer Answer, AutoScore Auto, decimal? Points, bool NeedsGrading);

public sealed record ReviewPage(int AttemptId, string LessonTitle, string LessonSlug, QuizDefinition Quiz, IReadOnlyList<ReviewItem> Items,
    decimal Score, decimal MaxScore, int Waiting, bool Practice, DateTime? SubmittedAt)
{
    public IReadOnlyDictionary<string, string> ArticleLabels { get; init; } = new Dictionary<string, string>();

    public string ArticleLabel(string slug) => ArticleLabels.GetValueOrDefault(slug) ?? slug;

    public static ReviewPage Build(Attempt attempt, QuizDefinition quiz, IReadOnlyList<Response> responses, string lessonTitle, bool practice)
    {
        var byQuestion = responses.ToDictionary(r => r.QuestionId);
        var items = quiz.Questions.Select((q, i) =>
        {
            var response = byQuestion.GetValueOrDefault(q.Id);
            var answer = response is null ? Answer.Empty : JsonSerializer.Deserialize<Answer>(response.AnswerJson, QuizVersions.Json) ?? Answer.Empty;
            return new ReviewItem(i + 1, q, answer, Scoring.Score(q, answer), response?.Points, response?.NeedsGrading ?? q.NeedsInstructor);
        }).ToList();
        return new ReviewPage(attempt.Id, lessonTitle, quiz.LessonSlug, quiz, items, items.Sum(i => i.Points ?? i.Auto.Points), quiz.MaxPoints,
            items.Count(i => i.NeedsGrading), practice, attempt.SubmittedAt);
    }
}
