using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Pdf;

/// <summary>Graded reports as the documents print them: one attempt, or the counting attempt of every student of an assignment.</summary>
public static class ReportQuery
{
    public static async Task<List<GradedReportModel>> ClassSetAsync(ClassroomDbContext db, Assignment assignment, QuizDefinition quiz)
    {
        var students = await db.Enrollments.Where(e => e.ClassId == assignment.ClassId && e.RemovedAt == null)
            .Select(e => new { e.StudentId, e.Student!.DisplayName }).ToListAsync();
        var attempts = await db.Attempts.Where(a => a.AssignmentId == assignment.Id && a.Status != AttemptStatus.InProgress).ToListAsync();
        var book = await ExceptionBook.ForClassAsync(db, assignment.ClassId);
        var ids = attempts.Select(a => a.Id).ToList();
        var responses = (await db.Responses.Where(r => ids.Contains(r.AttemptId)).ToListAsync()).ToLookup(r => r.AttemptId);
        var reports = students.OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(s =>
        {
            var counting = AssignmentRules.Counting(attempts.Where(a => a.StudentId == s.StudentId).Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score, a.ReturnedAt != null)));
            return counting is null ? null : Report(attempts.Single(a => a.Id == counting.Id), quiz, responses[counting.Id].ToList(), s.DisplayName, assignment,
                StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, s.StudentId)), assignment.Class!.TimeZone);
        }).OfType<GradedReportModel>().ToList();
        return reports;
    }

    public static GradedReportModel Report(Attempt attempt, QuizDefinition quiz, IReadOnlyList<Response> responses, string student, Assignment? assignment,
        StudentTerms? terms, string zone)
    {
        var byQuestion = responses.ToDictionary(r => r.QuestionId);
        var items = quiz.Questions.Select((q, i) =>
        {
            var r = byQuestion.GetValueOrDefault(q.Id);
            var answer = Answer.FromJson(r?.AnswerJson);
            return new ReportItem(i + 1, q, answer, r?.Points ?? r?.AutoPoints, r?.NeedsGrading ?? q.NeedsInstructor, r?.Feedback, RubricScoring.FromJson(r?.RubricJson));
        }).ToList();
        return new GradedReportModel(student, assignment?.Title ?? quiz.Title, assignment?.Class?.Name,
            attempt.SubmittedAt is DateTime at ? ClassTime.Format(at, zone) : null,
            terms is not null && AssignmentRules.IsLate(terms, attempt.SubmittedAt), attempt.Score ?? 0, attempt.MaxScore, items);
    }
}
