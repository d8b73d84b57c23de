using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Gradebook;

/// <summary>Loads a class's gradebook: its students, its assignments with their maximum points, and their attempts.</summary>
public static class GradebookQuery
{
    public static async Task<GradebookTable> BuildAsync(ClassroomDbContext db, QuizVersions versions, Class c, DateTime now, bool countUnfinished = false)
    {
        var students = await db.Enrollments.Where(e => e.ClassId == c.Id && e.RemovedAt == null)
            .Select(e => new GradebookStudent(e.StudentId, e.Student!.DisplayName, e.Student.Email ?? "")).ToListAsync();
        var assignments = await db.Assignments.Where(a => a.ClassId == c.Id).OrderBy(a => a.DueAt).ThenBy(a => a.Id).ToListAsync();
        var columns = new List<GradebookAssignment>();
        foreach (var a in assignments)
        {
            var quiz = await versions.DefinitionAsync(a.QuizVersionId);
            columns.Add(new GradebookAssignment(a.Id, a.ClassId, a.Title, quiz.MaxPoints, a.OpensAt, a.DueAt, a.AttemptsAllowed, a.LatePolicy, a.ReleasedAt is not null));
        }
        var ids = assignments.Select(a => a.Id).ToList();
        var attempts = await db.Attempts.Where(t => t.AssignmentId != null && ids.Contains(t.AssignmentId.Value))
            .Select(t => new GradebookAttempt(t.Id, t.StudentId, t.AssignmentId!.Value, t.Status, t.SubmittedAt, t.Score, t.ReturnedAt != null)).ToListAsync();
        return GradebookTable.Build(students, columns, attempts, await ExceptionBook.ForClassAsync(db, c.Id), now, countUnfinished);
    }
}
