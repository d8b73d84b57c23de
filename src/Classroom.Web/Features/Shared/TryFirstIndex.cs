using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Shared;

/// <summary>
/// Which lessons any class takes "try first" (archived ones included: a superset only costs the exact per-student check), read at most every ten seconds, so a lesson that no class
/// takes that way needs no per-student query. Changing an assignment here refreshes it at once; another
/// instance hears of the change through Redis (or sees it within ten seconds without).
/// </summary>
public sealed class TryFirstIndex
{
    public const string ChangedEvent = "assignments-changed";
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly Infrastructure.SiteEvents events;

    public TryFirstIndex(IServiceScopeFactory scopes, TimeProvider clock, Infrastructure.SiteEvents events)
    {
        (this.scopes, this.clock, this.events) = (scopes, clock, events);
        events.On((kind, _) => { if (kind == ChangedEvent) current = null; });
    }

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? current;

    private sealed record Snapshot(DateTime At, HashSet<string> Lessons);

    public async Task<bool> MayApplyAsync(string lessonSlug) => (await LessonsAsync()).Contains(lessonSlug);

    /// <summary>An assignment changed: every instance re-reads the index (others hear it through Redis, when set).</summary>
    public void Invalidate() => events.Publish(ChangedEvent);

    private async Task<HashSet<string>> LessonsAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (current is { } fresh && now - fresh.At < Fresh) return fresh.Lessons;
        await gate.WaitAsync();
        try
        {
            if (current is { } again && now - again.At < Fresh) return again.Lessons;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
            var lessons = await db.Assignments.Where(a => a.LessonMarkup == LessonMarkup.TryFirst)
                .Select(a => a.LessonSlug).Distinct().ToListAsync();
            current = new Snapshot(now, lessons.ToHashSet());
            return current.Lessons;
        }
        finally
        {
            gate.Release();
        }
    }
}
