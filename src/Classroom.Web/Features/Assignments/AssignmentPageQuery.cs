using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Assignments;

/// <summary>The assignment page, as its class's instructors see it and as one of its students sees it.</summary>
public static class AssignmentPageQuery
{
    public static async Task<StudentAssignmentPage> ForStudentAsync(ClassroomDbContext db, QuizVersions versions, Assignment assignment, string studentId, DateTime now)
    {
        var mine = await db.Attempts.Where(a => a.StudentId == studentId && a.AssignmentId == assignment.Id).OrderBy(a => a.Id)
            .Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score, a.ReturnedAt != null)).ToListAsync();
        var zone = assignment.Class!.TimeZone;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var book = await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId);
        var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, studentId));
        var status = AssignmentRules.StatusFor(assignment, terms, mine, now);
        return new StudentAssignmentPage(assignment.Id, assignment.Title, assignment.Class.Name, assignment.Class.Id,
            ClassTime.Format(terms.OpensAt, zone), ClassTime.Format(terms.DueAt, zone) + (terms.Extended(assignment) ? " (extended for you)" : ""), AssignmentRules.Label(status),
            quiz.Questions.Count, quiz.MaxPoints, terms.AttemptsAllowed, mine.Count, terms.TimeLimitMinutes,
            AssignmentRules.Describe(assignment.LatePolicy), AssignmentRules.Describe(assignment.ReviewPolicy), AssignmentRules.Describe(assignment.LessonMarkup),
            AssignmentRules.StartRefusal(terms, mine, now, zone) is null, status == StudentStatus.InProgress, assignment.LessonSlug,
            mine.Where(a => a.Status != AttemptStatus.InProgress).Select(a => new SubmittedAttempt(a.Id, ClassTime.Format(a.SubmittedAt!.Value, zone), AssignmentRules.IsLate(terms, a.SubmittedAt), a.Returned)).ToList())
        {
            TimeMultiplier = terms.Exceptions.TimeMultiplier,
            Excused = terms.Exceptions.Excused,
        };
    }

    public static async Task<InstructorAssignmentPage> ForInstructorAsync(ClassroomDbContext db, QuizVersions versions, Assignment assignment)
    {
        var zone = assignment.Class!.TimeZone;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var students = await db.Enrollments.Where(e => e.ClassId == assignment.ClassId && e.RemovedAt == null)
            .Select(e => new { e.StudentId, e.Student!.DisplayName }).ToListAsync();
        var all = await db.Attempts.Where(a => a.AssignmentId == assignment.Id)
            .Select(a => new { a.Id, a.StudentId, a.Status, a.SubmittedAt, a.Score, a.MaxScore, Returned = a.ReturnedAt != null }).ToListAsync();
        var book = await ExceptionBook.ForClassAsync(db, assignment.ClassId);
        var rows = students.OrderBy(s => s.DisplayName).Select(s =>
        {
            var mine = all.Where(a => a.StudentId == s.StudentId).ToList();
            var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, s.StudentId));
            var counting = AssignmentRules.Counting(mine.Select(a => new AttemptFacts(a.Id, a.Status, a.SubmittedAt, a.Score, a.Returned)));
            var state = terms.Exceptions.Excused ? "Excused"
                : mine.Any(a => a.Status == AttemptStatus.InProgress) ? "In progress"
                : counting is null ? "Not started"
                : counting.Status == AttemptStatus.NeedsGrading ? "Needs grading" : "Graded";
            return new SubmissionRow(s.StudentId, s.DisplayName, state, counting?.Id, counting?.Score, quiz.MaxPoints,
                counting is not null && AssignmentRules.IsLate(terms, counting.SubmittedAt), mine.Count, terms.Exceptions.Marks);
        }).ToList();
        var submittedIds = all.Where(a => a.Status != AttemptStatus.InProgress).Select(a => a.Id).ToList();
        var openQuestions = quiz.Questions.Where(q => q.NeedsInstructor).Select(q => q.Id).ToList();
        var toGrade = await db.Responses.Where(r => submittedIds.Contains(r.AttemptId) && openQuestions.Contains(r.QuestionId))
            .Select(r => r.NeedsGrading).ToListAsync();
        return new InstructorAssignmentPage(assignment.Id, assignment.Title, assignment.Class.Id, assignment.Class.Name, assignment.LessonSlug,
            ClassTime.Format(assignment.OpensAt, zone), ClassTime.Format(assignment.DueAt, zone), assignment.AttemptsAllowed,
            assignment.TimeLimitMinutes ?? quiz.TimeLimitMinutes, AssignmentRules.Describe(assignment.LatePolicy), AssignmentRules.Describe(assignment.ReviewPolicy),
            AssignmentRules.Describe(assignment.LessonMarkup),
            assignment.ReleasedAt is DateTime released ? ClassTime.Format(released, zone) : null,
            quiz.Questions.Count, quiz.MaxPoints, rows, toGrade.Count(g => !g), toGrade.Count)
        {
            TeacherNotes = quiz.TeacherNotes is { } notes ? new Microsoft.AspNetCore.Html.HtmlString(Content.ContentLoader.ToHtml(notes)) : null,
            AnyAttempts = all.Count > 0,
        };
    }
}

public sealed record SubmittedAttempt(int Id, string SubmittedAt, bool Late, bool Returned);

public sealed record StudentAssignmentPage(int Id, string Title, string ClassName, int ClassId, string Opens, string Due, string Status,
    int Questions, decimal MaxPoints, int AttemptsAllowed, int AttemptsUsed, int? TimeLimitMinutes, string LatePolicy, string ReviewPolicy, string LessonMarkup,
    bool CanStart, bool InProgress, string LessonSlug, IReadOnlyList<SubmittedAttempt> Submitted)
{
    public decimal TimeMultiplier { get; init; } = 1m;
    public bool Excused { get; init; }
}

public sealed record SubmissionRow(string StudentId, string Name, string State, int? AttemptId, decimal? Score, decimal Max, bool Late, int Attempts, string Exceptions);

public sealed record InstructorAssignmentPage(int Id, string Title, int ClassId, string ClassName, string LessonSlug, string Opens, string Due,
    int AttemptsAllowed, int? TimeLimitMinutes, string LatePolicy, string ReviewPolicy, string LessonMarkup, string? ReleasedAt, int Questions, decimal MaxPoints,
    IReadOnlyList<SubmissionRow> Submissions, int Graded, int ToGrade)
{
    /// <summary>The quiz's notes for instructors (from content, Markdown with raw HTML disabled).</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent? TeacherNotes { get; init; }

    /// <summary>Whether anyone (even a student since removed) has started it: then it cannot be deleted.</summary>
    public bool AnyAttempts { get; init; }
}
