using System.Collections.Concurrent;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Lessons;

/// <summary>
/// "Read" marks are remembered in memory and written in batches about once a second, so opening a lesson costs
/// no database write (and no query once known). Pages that show the marks add the ones not yet written, and
/// stopping the app writes what is pending. With several instances each batches its own; the rows are the same.
/// </summary>
public sealed class ReadMarks(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReadMarks> log) : BackgroundService
{
    private const int KnownLimit = 500_000;
    private readonly ConcurrentDictionary<(string User, string Lesson), DateTime> pending = new();
    private readonly ConcurrentDictionary<(string User, string Lesson), byte> known = new();
    private readonly SemaphoreSlim flushing = new(1, 1);

    public void Mark(string userId, string lessonSlug)
    {
        var key = (userId, lessonSlug);
        if (known.ContainsKey(key)) return;
        pending.TryAdd(key, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The lessons this person opened whose mark is not written yet.</summary>
    public IEnumerable<string> PendingFor(string userId) => pending.Keys.Where(k => k.User == userId).Select(k => k.Lesson);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not write {Count} read marks; they are kept and tried again", pending.Count);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes every pending mark that the database does not have yet.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.IsEmpty) return;
        await flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = pending.ToArray();
            if (batch.Length == 0) return;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClassroomDbContext>();
            var users = batch.Select(b => b.Key.User).Distinct().ToList();
            var existing = (await db.LessonReads.Where(r => users.Contains(r.UserId)).Select(r => new { r.UserId, r.LessonSlug }).ToListAsync(cancellationToken))
                .Select(r => (r.UserId, r.LessonSlug)).ToHashSet();
            // Users deleted since are skipped (their row would have no account to point at).
            var live = (await db.Users.Where(u => users.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var ((user, lesson), at) in batch)
                if (!existing.Contains((user, lesson)) && live.Contains(user))
                    db.LessonReads.Add(new LessonRead { UserId = user, LessonSlug = lesson, FirstReadAt = at });
            await db.SaveChangesAsync(cancellationToken);
            if (known.Count > KnownLimit) known.Clear();
            foreach (var (key, _) in batch)
            {
                known.TryAdd(key, 0);
                pending.TryRemove(key, out _);
            }
        }
        finally
        {
            flushing.Release();
        }
    }
}
