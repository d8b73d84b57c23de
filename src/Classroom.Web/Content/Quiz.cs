using Classroom.Web.Content.Questions;

namespace Classroom.Web.Content;

/// <summary>
/// A quiz as written in content/quizzes. The whole definition is stored as JSON in each quiz version,
/// so it carries everything needed to render and score an attempt later: prompts, keys, and the
/// text of the sentences a highlight question offers.
/// </summary>
public sealed record QuizDefinition(
    string Slug,
    string Title,
    string LessonSlug,
    string? ArticleSlug,
    int? TimeLimitMinutes,
    int? AttemptsAllowed,
    IReadOnlyList<Question> Questions)
{
    /// <summary>For instructors only (Markdown): answers to the lesson's discussion questions, pacing, what to watch for.</summary>
    public string? TeacherNotes { get; init; }

    public decimal MaxPoints => Questions.Sum(q => q.Points);
    public Question? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>A question's number as the student sees it, from 1.</summary>
    public int NumberOf(Question question) => Questions.ToList().FindIndex(q => q.Id == question.Id) + 1;
}
