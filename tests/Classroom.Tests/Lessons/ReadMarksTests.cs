using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data;
using Classroom.Web.Features.Lessons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Lessons;

/// <summary>Opening a lesson marks it read without a database write per view: marks are batched, and never lost.</summary>
public class ReadMarksTests : IDisposable
{
    private readonly ClassroomFactory factory = new();
    private readonly TestData data;

    public ReadMarksTests() => data = new TestData(factory);

    public void Dispose() => factory.Dispose();

    private async Task<(Person Student, HttpClient Client)> StudentInAClassAsync()
    {
        var teacher = await data.InstructorAsync("Ms. Rivera");
        var ava = await data.StudentAsync("Ava Adams");
        await data.ClassAsync(teacher, "Period 2", [ava]);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInOrFailAsync(ava.Email);
        return (ava, client);
    }

    private int RowsFor(Person p)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ClassroomDbContext>().LessonReads.Count(r => r.UserId == p.Id);
    }

    [Fact]
    public async Task A_lesson_shows_as_read_at_once_and_is_written_once_however_often_it_is_opened()
    {
        var (ava, client) = await StudentInAClassAsync();
        var marks = factory.Services.GetRequiredService<ReadMarks>();
        await marks.FlushAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++) await client.GetStringAsync("/lessons/tal-afar-offensive");

        var home = await client.GetStringAsync("/");
        Assert.Single(Regex.Matches(home, "✓ Read"));

        await marks.FlushAsync(CancellationToken.None);
        Assert.Equal(1, RowsFor(ava));
        await client.GetStringAsync("/lessons/tal-afar-offensive");
        await client.GetStringAsync("/lessons/mosul-retreat");
        await marks.FlushAsync(CancellationToken.None);
        Assert.Equal(2, RowsFor(ava));
        Assert.Equal(2, Regex.Matches(await client.GetStringAsync("/"), "✓ Read").Count);
    }

    [Fact]
    public async Task Stopping_the_app_writes_the_marks_not_yet_written()
    {
        var (ava, client) = await StudentInAClassAsync();
        await client.GetStringAsync("/lessons/tal-afar-offensive");
        await factory.Services.GetRequiredService<ReadMarks>().StopAsync(CancellationToken.None);
        Assert.Equal(1, RowsFor(ava));
    }
}
