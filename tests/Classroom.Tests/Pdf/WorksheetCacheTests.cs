using System.Globalization;
using System.Net;
using Classroom.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Pdf;

/// <summary>The worksheet is the same for everyone on a day: made once, served again, made anew the next day.</summary>
public class WorksheetCacheTests : IDisposable
{
    private readonly TestClock clock = new();
    private readonly ClassroomFactory factory;

    public WorksheetCacheTests() => factory = new ClassroomFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };

    public void Dispose() => factory.Dispose();

    private async Task<byte[]> WorksheetAsync(string paper)
    {
        var response = await factory.CreateClient().GetAsync($"/lessons/tal-afar-offensive/worksheet.pdf?paper={paper}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Printed(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_same_day_and_paper_get_the_same_document_and_the_next_day_a_new_date()
    {
        clock.SetTo(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var first = await WorksheetAsync("a4");
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(first, await WorksheetAsync("a4"));
        var letter = await WorksheetAsync("letter");
        Assert.NotEqual(first, letter);
        Assert.Equal(612, (await PdfText.InfoAsync(letter)).Width, 0);

        clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await WorksheetAsync("a4");
        Assert.NotEqual(first, tomorrow);
        Assert.Contains(Printed(clock.GetUtcNow()), await PdfText.FlatAsync(tomorrow));
        Assert.Contains(Printed(clock.GetUtcNow().AddDays(-1)), await PdfText.FlatAsync(first));
    }
}
