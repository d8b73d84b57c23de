using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Data;

/// <summary>
/// On SQLite, writes take turns through one gate: a second writer waits without holding a thread, reads go on
/// beside the writer, and a transaction that ends badly never leaves the gate shut.
/// </summary>
public class SqliteWriteGateTests : IDisposable
{
    private readonly ClassroomFactory factory = new();
    private readonly TestData data;

    public SqliteWriteGateTests() => data = new TestData(factory);

    public void Dispose() => factory.Dispose();

    private (IServiceScope Scope, ClassroomDbContext Db) Open()
    {
        var scope = factory.Services.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<ClassroomDbContext>());
    }

    private static LessonRead Read(string user, string lesson) => new() { UserId = user, LessonSlug = lesson, FirstReadAt = DateTime.UtcNow };

    [SqliteFact]
    public async Task A_second_writer_waits_without_blocking_a_thread_while_reads_go_on_then_both_writes_are_kept()
    {
        var ava = await data.StudentAsync("Ava Adams");
        var (s1, first) = Open();
        var (s2, second) = Open();
        var (s3, reader) = Open();
        using (s1) using (s2) using (s3)
        {
            await using var transaction = await first.Database.BeginTransactionAsync();
            first.LessonReads.Add(Read(ava.Id, "tal-afar-offensive"));
            await first.SaveChangesAsync();

            second.LessonReads.Add(Read(ava.Id, "mosul-retreat"));
            // The call itself must come back at once with a task that waits; SQLite's busy handler would sleep here instead.
            var call = Task.Factory.StartNew(() => second.SaveChangesAsync(), TaskCreationOptions.LongRunning);
            var returned = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.Same(call, returned);
            var save = await call;
            Assert.False(save.IsCompleted);

            Assert.Equal(0, await reader.LessonReads.CountAsync(r => r.UserId == ava.Id));

            await transaction.CommitAsync();
            Assert.Equal(1, await save);
            Assert.Equal(2, await reader.LessonReads.CountAsync(r => r.UserId == ava.Id));
        }
    }

    [SqliteFact]
    public async Task A_transaction_abandoned_by_an_exception_lets_the_next_writer_in()
    {
        var ava = await data.StudentAsync("Ava Adams");
        var (s1, first) = Open();
        using (s1)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var transaction = await first.Database.BeginTransactionAsync();
                first.LessonReads.Add(Read(ava.Id, "tal-afar-offensive"));
                await first.SaveChangesAsync();
                throw new InvalidOperationException("something went wrong before commit");
            });
        }
        var (s2, second) = Open();
        using (s2)
        {
            second.LessonReads.Add(Read(ava.Id, "mosul-retreat"));
            var save = second.SaveChangesAsync();
            Assert.Same(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(10))));
            Assert.Equal(["mosul-retreat"], await second.LessonReads.Where(r => r.UserId == ava.Id).Select(r => r.LessonSlug).ToListAsync());
        }
    }

    [SqliteFact]
    public async Task Fifty_writers_at_once_all_succeed_and_all_their_rows_are_kept()
    {
        var people = new List<Person>();
        for (var i = 0; i < 50; i++) people.Add(await data.StudentAsync($"Student {i}"));
        await Task.WhenAll(people.Select(p => Task.Run(async () =>
        {
            var (scope, db) = Open();
            using (scope)
            {
                db.LessonReads.Add(Read(p.Id, "tal-afar-offensive"));
                await db.SaveChangesAsync();
                await db.LessonReads.Where(r => r.UserId == p.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.LessonSlug, "mosul-retreat"));
            }
        })));
        var (s, check) = Open();
        using (s) Assert.Equal(50, await check.LessonReads.CountAsync(r => r.LessonSlug == "mosul-retreat"));
    }
}
