using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Classroom.Tests.Pdf;

/// <summary>Reads a PDF back the way a person's tools would: pdftotext and pdfinfo from poppler-utils.</summary>
public static partial class PdfText
{
    public static async Task<string[]> PagesAsync(byte[] pdf)
    {
        var text = await RunAsync("pdftotext", pdf, "-enc", "UTF-8", "{file}", "-");
        return text.Split('\f').Where((p, i) => i < text.Split('\f').Length - 1 || p.Trim().Length > 0).ToArray();
    }

    /// <summary>All the text, with line breaks and runs of spaces folded, so wrapped sentences can be found whole.</summary>
    public static async Task<string> FlatAsync(byte[] pdf) => Fold(string.Join(" ", await PagesAsync(pdf)));

    public static string Fold(string text) => Spaces().Replace(text, " ").Trim();

    public static async Task<(int Pages, double Width, double Height)> InfoAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf, "{file}");
        var pages = int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value);
        var size = Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+)");
        return (pages, double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One field of the document information, as pdfinfo prints it ("Creator", "Title").</summary>
    public static async Task<string> InfoFieldAsync(byte[] pdf, string field)
    {
        var info = await RunAsync("pdfinfo", pdf, "{file}");
        return Regex.Match(info, $@"^{field}:\s+(.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();
    }

    /// <summary>The "emb" column of pdffonts for every font the PDF uses.</summary>
    public static async Task<IReadOnlyList<(string Name, bool Embedded)>> FontsAsync(byte[] pdf)
    {
        var lines = (await RunAsync("pdffonts", pdf, "{file}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2);
        return lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(cols => (cols[0], cols[^5] == "yes")).ToList();
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] args)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a == "{file}" ? file : a);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
