using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Shared;

/// <summary>The one rule for an attempt's score and status, used at submission and after every grade change.</summary>
public static class AttemptScore
{
    /// <summary>
    /// The sum of the responses' points (a teacher's where given, else the machine's); the attempt is graded
    /// once no response waits for a person.
    /// </summary>
    public static (decimal Score, AttemptStatus Status) Of(IEnumerable<Response> responses)
    {
        var list = responses.ToList();
        return (list.Sum(r => r.Points ?? r.AutoPoints ?? 0), list.Any(r => r.NeedsGrading) ? AttemptStatus.NeedsGrading : AttemptStatus.Graded);
    }

    /// <summary>Stores the attempt's score from its responses; call it inside the transaction that changed them.</summary>
    public static async Task RecomputeAsync(ClassroomDbContext db, int attemptId)
    {
        var responses = await db.Responses.AsNoTracking().Where(r => r.AttemptId == attemptId).ToListAsync();
        var (score, status) = Of(responses);
        await db.Attempts.Where(a => a.Id == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Score, score).SetProperty(a => a.Status, status));
    }
}
