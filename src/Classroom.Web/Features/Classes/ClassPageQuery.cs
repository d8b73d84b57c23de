using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Classes;

/// <summary>A class as its instructors see it: roster with each student's standing, assignments, co-instructors, settings.</summary>
public static class ClassPageQuery
{
    public static async Task<ClassPage> BuildAsync(ClassroomDbContext db, Class taught, NewClassForm? settings = null)
    {
        var owner = await db.Users.Where(u => u.Id == taught.OwnerId).Select(u => u.DisplayName).SingleAsync();
        var coInstructors = await db.ClassInstructors.Where(ci => ci.ClassId == taught.Id).Select(ci => ci.Instructor!.DisplayName).ToListAsync();
        var assignments = await db.Assignments.Where(a => a.ClassId == taught.Id).OrderBy(a => a.DueAt).ToListAsync();
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        var students = await db.Enrollments.Where(e => e.ClassId == taught.Id && e.RemovedAt == null)
            .OrderBy(e => e.Student!.DisplayName)
            .Select(e => new { e.StudentId, e.Student!.DisplayName, e.Student.Email, e.JoinedAt }).ToListAsync();
        var submitted = await db.Attempts.Where(a => a.AssignmentId != null && assignmentIds.Contains(a.AssignmentId.Value) && a.Status != AttemptStatus.InProgress && a.ReturnedAt == null)
            .Select(a => new { a.Id, a.StudentId, a.AssignmentId, a.Status, a.SubmittedAt, a.Score, a.MaxScore }).ToListAsync();
        var book = await ExceptionBook.ForClassAsync(db, taught.Id);
        var roster = students.Select(s =>
        {
            var mine = submitted.Where(a => a.StudentId == s.StudentId).GroupBy(a => a.AssignmentId)
                .Select(g => g.Single(a => a.Id == AssignmentRules.Counting(g.Select(x => new AttemptFacts(x.Id, x.Status, x.SubmittedAt, x.Score)))!.Id)).ToList();
            var percent = mine.Sum(a => a.MaxScore) > 0 ? Math.Round(mine.Sum(a => a.Score ?? 0) / mine.Sum(a => a.MaxScore) * 100) : (decimal?)null;
            return new RosterRow(s.StudentId, s.DisplayName, s.Email ?? "", s.JoinedAt, mine.Count, percent) { TimeMultiplier = book.TimeMultiplier(taught.Id, s.StudentId) };
        }).ToList();
        var needsGrading = await db.Attempts.CountAsync(a => a.AssignmentId != null && assignmentIds.Contains(a.AssignmentId.Value) && a.Status == AttemptStatus.NeedsGrading && a.ReturnedAt == null);
        return new ClassPage(taught.Id, taught.Name, taught.Term, taught.TimeZone, JoinCodes.Display(taught.JoinCode), taught.ArchivedAt is not null,
            owner, coInstructors, roster,
            assignments.Select(a => new ClassAssignmentRow(a.Id, a.Title, ClassTime.Format(a.DueAt, taught.TimeZone), a.ReleasedAt is not null)).ToList(),
            assignments.Count, needsGrading,
            settings ?? new NewClassForm { Name = taught.Name, Term = taught.Term, TimeZone = taught.TimeZone });
    }
}
