using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Classes;
using Microsoft.EntityFrameworkCore;

using Classroom.Web.Features.Shared;

namespace Classroom.Web.Features.Assignments;

public sealed record MyAssignmentRow(int Id, string Title, string ClassName, string Due, DateTime DueAt, StudentStatus Status,
    bool Late, int? ReviewAttemptId, string? Score)
{
    public string StatusLabel => AssignmentRules.Label(Status);
}

public static class MyAssignments
{
    /// <summary>Every assignment in the student's classes (or one class), with where the student stands.</summary>
    public static async Task<List<MyAssignmentRow>> ForStudentAsync(ClassroomDbContext db, string studentId, DateTime now, int? classId = null)
    {
        var assignments = await db.Assignments
            .Where(a => a.Class!.Enrollments.Any(e => e.StudentId == studentId && e.RemovedAt == null) && a.Class.ArchivedAt == null)
            .Where(a => classId == null || a.ClassId == classId)
            .Select(a => new { Assignment = a, ClassName = a.Class!.Name, a.Class.TimeZone })
            .ToListAsync();
        var ids = assignments.Select(a => a.Assignment.Id).ToList();
        var attempts = await db.Attempts.Where(a => a.StudentId == studentId && a.AssignmentId != null && ids.Contains(a.AssignmentId.Value))
            .Select(a => new { a.Id, AssignmentId = a.AssignmentId!.Value, a.Status, a.SubmittedAt, a.Score, a.MaxScore, Returned = a.ReturnedAt != null })
            .ToListAsync();
        var book = await ExceptionBook.ForStudentEverywhereAsync(db, studentId);
        return assignments.Select(x =>
        {
            var a = x.Assignment;
            var terms = StudentTerms.Of(a, null, book.For(a, studentId));
            var mine = attempts.Where(t => t.AssignmentId == a.Id).Select(t => new AttemptFacts(t.Id, t.Status, t.SubmittedAt, t.Score, t.Returned)).ToList();
            var counting = AssignmentRules.Counting(mine);
            var (showScore, _, released) = AssignmentRules.Visible(a);
            // Before release only the automatic part shows, and only where the policy allows a score at all.
            string? score = counting is null || !showScore ? null
                : released ? $"{counting.Score ?? 0:0.##} / {attempts.First(t => t.Id == counting.Id).MaxScore:0.##}"
                : null;
            return new MyAssignmentRow(a.Id, a.Title, x.ClassName, ClassTime.Format(terms.DueAt, x.TimeZone) + (terms.Extended(a) ? " (extended for you)" : ""), terms.DueAt,
                AssignmentRules.StatusFor(a, terms, mine, now), counting is not null && AssignmentRules.IsLate(terms, counting.SubmittedAt), counting?.Id, score);
        }).OrderBy(r => r.Status is StudentStatus.Released or StudentStatus.Graded or StudentStatus.Missed or StudentStatus.Excused ? 1 : 0).ThenBy(r => r.DueAt).ToList();
    }
}
