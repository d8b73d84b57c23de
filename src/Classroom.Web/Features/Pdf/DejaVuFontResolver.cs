using PdfSharp.Fonts;

namespace Classroom.Web.Features.Pdf;

/// <summary>
/// PDFsharp has no fonts of its own. The four DejaVu faces the documents use are bundled with the app as
/// embedded resources (their licence, Fonts/LICENSE, allows it), so PDFs render the same on Linux, Windows
/// and macOS with no fonts installed. Any family resolves to DejaVu Sans unless it asks for a serif.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public static readonly IReadOnlyList<string> Faces = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Italic"];

    private readonly Dictionary<string, byte[]> faces = Faces.ToDictionary(f => f, Load);

    private static byte[] Load(string face)
    {
        var assembly = typeof(DejaVuFontResolver).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith($".Fonts.{face}.ttf", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The PDF font {face}.ttf is missing from the build (Features/Pdf/Fonts).");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var serif = familyName.Contains("Serif", StringComparison.OrdinalIgnoreCase);
        // Only the faces the documents use are bundled; PDFsharp simulates the rest.
        var face = (serif, bold, italic) switch
        {
            (true, _, true) => "DejaVuSerif-Italic",
            (true, _, false) => "DejaVuSerif",
            (false, true, _) => "DejaVuSans-Bold",
            _ => "DejaVuSans",
        };
        return new FontResolverInfo(face, mustSimulateBold: serif && bold, mustSimulateItalic: !serif && italic);
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
