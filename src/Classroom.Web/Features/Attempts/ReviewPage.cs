using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Grading;

using Classroom.Web.Features.Shared;

namespace Classroom.Web.Features.Attempts;

/// <summary>One question as its student reviews it. <see cref="Auto"/> is the verdict stored at submission.</summary>
public sealed record ReviewItem(int Number, Question Question, Answer Answer, AutoScore Auto, decimal? Points, bool NeedsGrading,
    string? Feedback, IReadOnlyList<int>? RubricLevels)
{
    /// <summary>The points the student may see now, or null when they must wait.</summary>
    public decimal? VisiblePoints(ReviewPage page) =>
        page.ShowGrading ? (NeedsGrading ? null : Points ?? Auto.Points)
        : page.ShowScore && !Question.NeedsInstructor ? Auto.Points
        : null;
}

/// <summary>
/// A submitted attempt as its student may see it. For practice everything shows; for an assignment,
/// its review policy and whether grades are released decide what the page carries at all.
/// </summary>
public sealed record ReviewPage(int AttemptId, string LessonTitle, string LessonSlug, QuizDefinition Quiz, IReadOnlyList<ReviewItem> Items,
    decimal MaxScore, bool Practice, string? Submitted, bool ShowScore, bool ShowKeys, bool ShowGrading, bool Late, string? AssignmentTitle)
{
    public IReadOnlyDictionary<string, string> ArticleLabels { get; init; } = new Dictionary<string, string>();

    public string ArticleLabel(string slug) => ArticleLabels.GetValueOrDefault(slug) ?? slug;

    public decimal Score => Items.Sum(i => i.VisiblePoints(this) ?? 0);

    public int Waiting => Items.Count(i => i.VisiblePoints(this) is null);

    /// <summary><paramref name="terms"/> are the student's terms on the assignment (null for practice); times show in <paramref name="zone"/>.</summary>
    public static ReviewPage Build(Attempt attempt, QuizDefinition quiz, IReadOnlyList<Response> responses, string lessonTitle,
        Assignment? assignment, StudentTerms? terms, string zone)
    {
        var byQuestion = responses.ToDictionary(r => r.QuestionId);
        var items = quiz.Questions.Select((q, i) =>
        {
            var response = byQuestion.GetValueOrDefault(q.Id);
            return new ReviewItem(i + 1, q, Answer.FromJson(response?.AnswerJson),
                AutoScore.FromStored(response?.AutoPoints, q.NeedsInstructor, response?.AutoMarksJson),
                response?.Points, response?.NeedsGrading ?? q.NeedsInstructor, response?.Feedback, RubricScoring.FromJson(response?.RubricJson));
        }).ToList();
        var (score, keys, grading) = AssignmentRules.Visible(assignment);
        return new ReviewPage(attempt.Id, lessonTitle, quiz.LessonSlug, quiz, items, quiz.MaxPoints, assignment is null,
            attempt.SubmittedAt is DateTime at ? ClassTime.Format(at, zone) : null,
            score, keys, grading, terms is not null && AssignmentRules.IsLate(terms, attempt.SubmittedAt), assignment?.Title);
    }
}
