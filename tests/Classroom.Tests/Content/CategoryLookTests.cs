using System.Globalization;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;

namespace Classroom.Tests.Content;

/// <summary>Each kind of mark can be told apart without colour, no two share a colour, and every ink is readable.</summary>
public class CategoryLookTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(Paths.RepoRoot, "wwwroot", "css", "site.css"));

    private static (string Bg, string Ink, string Line) Look(string slug)
    {
        var m = Regex.Match(Css, $@"\.cat-{Regex.Escape(slug)}\s*\{{\s*--cat-bg:\s*(#[0-9a-f]{{6}});\s*--cat-ink:\s*(#[0-9a-f]{{6}});\s*--cat-line:\s*(\w+);");
        Assert.True(m.Success, $"no colours for {slug} in site.css");
        return (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
    }

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.Substring(1 + 2 * i, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }

    private static double Contrast(string a, string b)
    {
        var (x, y) = (Luminance(a), Luminance(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [Fact]
    public void Every_kind_has_its_own_symbol_background_and_ink_and_reads_at_4_5_to_1()
    {
        Assert.Equal(Taxonomy.All.Count, Taxonomy.All.Select(c => c.Symbol).Distinct().Count());
        var looks = Taxonomy.All.ToDictionary(c => c.Slug, c => Look(c.Slug));
        Assert.Equal(looks.Count, looks.Values.Select(l => l.Bg).Distinct().Count());
        Assert.Equal(looks.Count, looks.Values.Select(l => l.Ink).Distinct().Count());
        foreach (var (slug, look) in looks)
        {
            Assert.True(Contrast(look.Ink, look.Bg) >= 4.5, $"{slug}: ink on its background is {Contrast(look.Ink, look.Bg):0.00}:1");
            Assert.True(Contrast(look.Ink, "#ffffff") >= 4.5, $"{slug}: ink on white is {Contrast(look.Ink, "#ffffff"):0.00}:1");
            Assert.Contains(look.Line, new[] { "solid", "dashed", "dotted", "double" });
        }
    }

    [Fact]
    public void Notes_are_numbered_in_reading_order()
    {
        foreach (var lesson in ContentLoader.Load(Paths.Content).Lessons.Where(l => l.Annotations.Count > 0))
        {
            var inReadingOrder = lesson.Annotations.OrderBy(a => a.Span.Paragraph).ThenBy(a => a.Span.Start).Select(a => a.Number).ToList();
            Assert.Equal(Enumerable.Range(1, lesson.Annotations.Count), inReadingOrder);
        }
    }
}
