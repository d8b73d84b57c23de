using System.Security.Claims;
using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Grading;

/// <summary>What the grading pages are built from.</summary>
public static class GradingQueueQuery
{
    /// <summary>The assignment (if this instructor teaches it), its quiz, and its submitted attempts with their responses.</summary>
    public static async Task<GradingSet?> LoadAsync(ClassroomDbContext db, ClassAccess access,
        QuizVersions versions, int assignmentId, ClaimsPrincipal user)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == assignmentId);
        if (assignment is null || !await access.TeachesAsync(assignment.ClassId, user)) return null;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var attempts = await db.Attempts.Include(a => a.Student)
            .Where(a => a.AssignmentId == assignmentId && a.Status != AttemptStatus.InProgress && a.ReturnedAt == null)
            .ToListAsync();
        attempts = attempts.OrderBy(a => a.Student!.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id).ToList();
        var ids = attempts.Select(a => a.Id).ToList();
        var responses = await db.Responses.Where(r => ids.Contains(r.AttemptId)).ToListAsync();
        return new GradingSet(assignment, quiz, attempts, responses, await ExceptionBook.ForClassAsync(db, assignment.ClassId));
    }
}

/// <summary>An assignment's submitted attempts (those returned for resubmission left out), with their responses and the class's exceptions.</summary>
public sealed record GradingSet(Assignment Assignment, QuizDefinition Quiz, List<Attempt> Attempts, List<Response> Responses, ExceptionBook Book)
{
    public bool Late(Attempt attempt) =>
        AssignmentRules.IsLate(StudentTerms.Of(Assignment, Quiz.TimeLimitMinutes, Book.For(Assignment, attempt.StudentId)), attempt.SubmittedAt);
}
