using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Shared;

/// <summary>Why practice of a quiz is paused for a student, and when it opens again.</summary>
public sealed record PracticePause(string AssignmentTitle, string ClassName, string OpensAgain)
{
    public string Message => $"Your class {ClassName} has this quiz as an assignment (\"{AssignmentTitle}\"). Practice shows the answers, so it is paused: it opens again {OpensAgain}.";
}

/// <summary>Why a lesson shows its article plain to a student, and when the markup opens.</summary>
public sealed record TryFirstNotice(string AssignmentTitle, string ClassName, int AssignmentId, string Closes)
{
    public string Message => $"Your class {ClassName} takes this lesson's quiz (\"{AssignmentTitle}\") before seeing the lesson's notes: try the questions first. The highlights, notes and ledger open here when you submit it, or when it closes on {Closes}.";
}

/// <summary>
/// Keys never reach a student before their own assignment allows it. Practice shows keys, so it is paused
/// while a student has an assignment of the same quiz whose keys they may not see yet; a "try first"
/// assignment keeps the lesson's markup (which marks the very sentences the quiz asks about) until they submit.
/// </summary>
public static class KeyGates
{
    public static async Task<PracticePause?> PracticePauseAsync(ClassroomDbContext db, string studentId, string quizSlug)
    {
        var assignments = await Mine(db, studentId).Where(a => a.QuizVersion!.QuizSlug == quizSlug)
            .Select(a => new
            {
                a.Title, ClassName = a.Class!.Name, a.ReviewPolicy, a.ReleasedAt,
                Submitted = db.Attempts.Any(t => t.AssignmentId == a.Id && t.StudentId == studentId && t.Status != AttemptStatus.InProgress),
            })
            .ToListAsync();
        var pending = assignments.FirstOrDefault(a => !AssignmentRules.KeysOpenTo(a.ReviewPolicy, a.ReleasedAt is not null, a.Submitted));
        return pending is null ? null : new PracticePause(pending.Title, pending.ClassName,
            pending.ReviewPolicy == ReviewPolicy.ScoreAndKeys ? "when you submit it" : "when your teacher releases the grades");
    }

    public static async Task<TryFirstNotice?> TryFirstAsync(ClassroomDbContext db, string studentId, string lessonSlug, DateTime now)
    {
        var candidates = await Mine(db, studentId)
            .Where(a => a.LessonSlug == lessonSlug && a.LessonMarkup == LessonMarkup.TryFirst
                        && !db.Attempts.Any(t => t.AssignmentId == a.Id && t.StudentId == studentId && t.Status != AttemptStatus.InProgress))
            .Include(a => a.Class)
            .ToListAsync();
        if (candidates.Count == 0) return null;
        // The student's own due time holds: an extension keeps the markup closed until it passes; excused students have no quiz to try first.
        var book = await ExceptionBook.ForStudentEverywhereAsync(db, studentId);
        var open = candidates
            .Select(a => (Assignment: a, Terms: StudentTerms.Of(a, null, book.For(a, studentId))))
            .Where(x => x.Terms.DueAt > now && !x.Terms.Exceptions.Excused)
            .OrderBy(x => x.Terms.DueAt)
            .FirstOrDefault();
        return open.Assignment is null ? null
            : new TryFirstNotice(open.Assignment.Title, open.Assignment.Class!.Name, open.Assignment.Id, ClassTime.Format(open.Terms.DueAt, open.Assignment.Class.TimeZone));
    }

    /// <summary>Assignments in the classes the student is in now (not archived, not removed).</summary>
    private static IQueryable<Assignment> Mine(ClassroomDbContext db, string studentId) =>
        db.Assignments.Where(a => a.Class!.ArchivedAt == null && a.Class.Enrollments.Any(e => e.StudentId == studentId && e.RemovedAt == null));
}
