using PdfSharp.Fonts;

namespace Classroom.Web.Features.Pdf;

/// <summary>
/// PDFsharp has no fonts of its own on Linux. This resolves "DejaVu Sans" and "DejaVu Serif" (and any
/// other family, to DejaVu Sans) from the system font folders, and fails with a clear message if the
/// fonts are missing (Debian package fonts-dejavu-core).
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"),
    ];

    private readonly Dictionary<string, byte[]> faces = new();

    public DejaVuFontResolver()
    {
        foreach (var face in new[] { "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique", "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic" })
        {
            var path = Folders.Select(f => Path.Combine(f, face + ".ttf")).FirstOrDefault(File.Exists);
            if (path is not null) faces[face] = File.ReadAllBytes(path);
        }
        if (!faces.ContainsKey("DejaVuSans") || !faces.ContainsKey("DejaVuSerif"))
            throw new InvalidOperationException(
                $"PDF fonts not found: DejaVuSans.ttf and DejaVuSerif.ttf must be in one of {string.Join(", ", Folders.Take(4))}. On Debian or Ubuntu: apt-get install fonts-dejavu-core");
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var serif = familyName.Contains("Serif", StringComparison.OrdinalIgnoreCase);
        var face = (serif, bold, italic) switch
        {
            (true, true, true) => "DejaVuSerif-BoldItalic",
            (true, true, false) => "DejaVuSerif-Bold",
            (true, false, true) => "DejaVuSerif-Italic",
            (true, false, false) => "DejaVuSerif",
            (false, true, true) => "DejaVuSans-BoldOblique",
            (false, true, false) => "DejaVuSans-Bold",
            (false, false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        };
        if (!faces.ContainsKey(face)) face = serif ? "DejaVuSerif" : "DejaVuSans";
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);
}

/// <summary>PDFsharp's one-time global set-up: the font resolver. (PDFsharp 6.2 is MIT and needs no licence call; 6.5 and later are AGPL.)</summary>
public static class PdfSetup
{
    private static readonly Lazy<bool> Done = new(() =>
    {
        if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
            GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureReady() => _ = Done.Value;
}
