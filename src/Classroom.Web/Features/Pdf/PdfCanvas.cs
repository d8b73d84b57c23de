using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Classroom.Web.Features.Pdf;

public enum Paper { A4, Letter }

/// <summary>Something to draw: its height is known before drawing, so pages break between blocks.</summary>
public sealed record Block(double Height, Action<XGraphics, double, double> Draw);

/// <summary>What every page carries: the document's title, the class, the date, and "Page n of m".</summary>
public sealed record PageFrame(string Title, string? ClassName, DateTime Date, Paper Paper, bool Landscape = false);

/// <summary>
/// The small layout helper PDFsharp lacks: it measures and wraps text, keeps groups of blocks together
/// (a question with its options, a heading with what follows), starts new pages, repeats a header row,
/// and stamps every page with the frame once the page count is known. It does no I/O.
/// </summary>
public sealed class PdfCanvas
{
    // Declared first so it runs first: fonts cannot be made before PDFsharp's set-up.
    private static readonly bool Ready = Setup();
    private static bool Setup() { PdfSetup.EnsureReady(); return true; }

    public const double Margin = 48;
    private const double HeaderHeight = 30, FooterHeight = 26;

    public static readonly XFont Serif = new("DejaVu Serif", 10);
    public static readonly XFont SerifItalic = new("DejaVu Serif", 10, XFontStyleEx.Italic);
    public static readonly XFont Sans = new("DejaVu Sans", 9);
    public static readonly XFont SansBold = new("DejaVu Sans", 9, XFontStyleEx.Bold);
    public static readonly XFont Small = new("DejaVu Sans", 7.5);
    public static readonly XFont SmallBold = new("DejaVu Sans", 7.5, XFontStyleEx.Bold);
    // Headings share the bold sans face with labels: every face embedded costs time and bytes.
    public static readonly XFont Heading = new("DejaVu Sans", 12, XFontStyleEx.Bold);
    public static readonly XFont Title = new("DejaVu Sans", 16, XFontStyleEx.Bold);
    public static readonly XFont Subheading = new("DejaVu Sans", 10, XFontStyleEx.Bold);

    private readonly PdfDocument document;
    private readonly PageFrame frame;
    private readonly List<(PdfPage Page, string? Label)> pages = [];
    private XGraphics? graphics;
    private double y;
    private string? pageLabel;

    /// <summary>Drawn at the top of every new page after the first of a section (a repeated table header).</summary>
    public Block? RepeatOnNewPage { get; set; }

    public PdfCanvas(PageFrame frame)
    {
        PdfSetup.EnsureReady();
        this.frame = frame;
        document = new PdfDocument();
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = frame.Title;
        document.Info.Author = "Classroom";
        document.Info.Creator = "Classroom (MIT licence), with PDFsharp 6.2 (MIT)";
        document.Info.Subject = frame.ClassName ?? "";
        document.Info.CreationDate = frame.Date;
        document.PageLayout = PdfPageLayout.SinglePage;
    }

    private XSize PageSize => (frame.Paper, frame.Landscape) switch
    {
        (Paper.A4, false) => new XSize(595.28, 841.89),
        (Paper.A4, true) => new XSize(841.89, 595.28),
        (Paper.Letter, false) => new XSize(612, 792),
        _ => new XSize(792, 612),
    };

    public double Width => PageSize.Width - 2 * Margin;
    private double Top => Margin + HeaderHeight;
    private double Bottom => PageSize.Height - Margin - FooterHeight;
    public double Remaining => Bottom - y;
    public double PageContentHeight => Bottom - Top;

    /// <summary>Starts a new page; <paramref name="label"/> (a student's name, say) goes in its header.</summary>
    public void NewPage(string? label = null)
    {
        graphics?.Dispose();
        if (label is not null) pageLabel = label;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageSize.Width);
        page.Height = XUnit.FromPoint(PageSize.Height);
        pages.Add((page, pageLabel));
        graphics = XGraphics.FromPdfPage(page);
        y = Top;
    }

    /// <summary>Starts a section that must begin on a fresh page (each student of a class set).</summary>
    public void NewSection(string label)
    {
        RepeatOnNewPage = null;
        NewPage(label);
    }

    public void Add(Block block)
    {
        if (graphics is null) NewPage();
        if (block.Height > Remaining && y > Top + 0.1)
        {
            NewPage();
            if (RepeatOnNewPage is { } header) Draw(header);
        }
        Draw(block);
    }

    private void Draw(Block block)
    {
        block.Draw(graphics!, Margin, y);
        y += block.Height;
    }

    /// <summary>Keeps the blocks on one page when they fit on one; otherwise flows them, never leaving fewer than <paramref name="keepFirst"/> on the old page.</summary>
    public void AddTogether(IReadOnlyList<Block> blocks, int keepFirst = 2)
    {
        var total = blocks.Sum(b => b.Height);
        if (total <= PageContentHeight)
        {
            if (total > Remaining && graphics is not null) { NewPage(); if (RepeatOnNewPage is { } header) Draw(header); }
            foreach (var b in blocks) Add(b);
            return;
        }
        var head = blocks.Take(keepFirst).Sum(b => b.Height);
        if (head > Remaining && graphics is not null) NewPage();
        foreach (var b in blocks) Add(b);
    }

    public void Space(double points) => Add(new Block(points, (_, _, _) => { }));

    /// <summary>Writes the frame on every page and returns the finished PDF.</summary>
    public byte[] Finish()
    {
        if (graphics is null) NewPage();
        graphics!.Dispose();
        graphics = null;
        for (int i = 0; i < pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pages[i].Page, XGraphicsPdfPageOptions.Append);
            DrawFrame(gfx, i + 1, pages.Count, pages[i].Label);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void DrawFrame(XGraphics gfx, int number, int count, string? label)
    {
        var size = PageSize;
        var left = frame.Title + (label is null ? "" : $" · {label}");
        var right = string.Join(" · ", new[] { frame.ClassName, frame.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s)));
        var rightWidth = gfx.MeasureString(right, Small).Width;
        var leftText = Clip(left, Small, size.Width - 2 * Margin - rightWidth - 16);
        gfx.DrawString(leftText, Small, XBrushes.Black, new XPoint(Margin, Margin + 8));
        gfx.DrawString(right, Small, XBrushes.Black, new XPoint(size.Width - Margin - rightWidth, Margin + 8));
        gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, Margin + 14, size.Width - Margin, Margin + 14);
        var footer = $"Page {number} of {count}";
        var footerY = size.Height - Margin;
        gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, footerY - 14, size.Width - Margin, footerY - 14);
        gfx.DrawString(footer, Small, XBrushes.Black, new XPoint(size.Width - Margin - gfx.MeasureString(footer, Small).Width, footerY));
        gfx.DrawString("Classroom: reading the news critically", Small, XBrushes.Black, new XPoint(Margin, footerY));
    }

    /// <summary>Shortens text with an ellipsis to fit the width (a table cell, a page header).</summary>
    public static string Clip(string text, XFont font, double width)
    {
        text = Printable(text);
        if (TextWidth(text, font) <= width) return text;
        while (text.Length > 1 && TextWidth(text + "…", font) > width) text = text[..^1];
        return text + "…";
    }

    // ---- Measuring and wrapping ----

    // A measuring context per thread: requests render PDFs in parallel.
    private static readonly ThreadLocal<XGraphics> Measurer = new(() =>
        XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards));

    public static double LineHeight(XFont font) => font.Size * 1.35;

    public static double TextWidth(string text, XFont font) => Ready ? Measurer.Value!.MeasureString(text, font).Width : 0;

    // PDFsharp lays text out without kerning, so a line is as wide as its words plus its spaces:
    // measuring each word once (and remembering it) makes wrapping linear instead of quadratic.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, XFont), double> WordWidths = new();

    private static double WordWidth(string word, XFont font) =>
        word.Length > 40 ? TextWidth(word, font) : WordWidths.GetOrAdd((word, font), key => TextWidth(key.Item1, key.Item2));

    /// <summary>Splits text into lines that fit the width: at spaces where it can, inside a word where it must (a URL, a long name).</summary>
    public static List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var space = WordWidth(" ", font);
        foreach (var paragraph in Printable(text).Replace("\r\n", "\n").Split('\n'))
        {
            var line = new StringBuilder();
            double lineWidth = 0;
            foreach (var word in paragraph.Split(' '))
            {
                var wordWidth = WordWidth(word, font);
                var candidate = line.Length == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= width)
                {
                    if (line.Length > 0) line.Append(' ');
                    line.Append(word);
                    lineWidth = candidate;
                    continue;
                }
                if (line.Length > 0) { lines.Add(line.ToString()); line.Clear(); }
                var rest = word;
                while (TextWidth(rest, font) > width)
                {
                    int cut = rest.Length - 1;
                    while (cut > 1 && TextWidth(rest[..cut], font) > width) cut--;
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }
                line.Append(rest);
                lineWidth = TextWidth(rest, font);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>Text exactly as typed, with control characters shown by their code ("[U+0007]") instead of being dropped or obeyed.</summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r') builder.Append(c);
            else if (c == '\t') builder.Append("    ");
            else if (c < 0x20 || c is >= '\u007F' and <= '\u009F') builder.Append($"[U+{(int)c:X4}]");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>One block per line, so long text breaks cleanly between pages.</summary>
    public List<Block> Text(string text, XFont font, double indent = 0, XBrush? brush = null, double after = 0)
    {
        var height = LineHeight(font);
        var lines = Wrap(text, font, Width - indent);
        var blocks = lines.Select(line => new Block(height, (g, x, top) =>
            g.DrawString(line, font, brush ?? XBrushes.Black, new XPoint(x + indent, top + font.Size)))).ToList();
        if (after > 0 && blocks.Count > 0) blocks[^1] = blocks[^1] with { Height = blocks[^1].Height + after };
        return blocks;
    }

    /// <summary>Text with a label in the left margin (a sentence number, a box), wrapped beside it.</summary>
    public List<Block> Labelled(string label, XFont labelFont, string text, XFont font, double labelWidth, double indent = 0, bool box = false)
    {
        var height = LineHeight(font);
        var lines = Wrap(text, font, Width - indent - labelWidth);
        return lines.Select((line, i) => new Block(height, (g, x, top) =>
        {
            if (i == 0)
            {
                if (box) g.DrawRectangle(new XPen(XColors.Black, 0.8), x + indent, top + 2, font.Size * 0.9, font.Size * 0.9);
                // Right-aligned against the text, so text extraction reads "4.2 This paved…" as one line.
                else g.DrawString(label, labelFont, XBrushes.Black, new XPoint(x + indent + labelWidth - TextWidth(label, labelFont) - 3.5, top + font.Size));
                if (box && label.Length > 0) g.DrawString(label, labelFont, XBrushes.Black, new XPoint(x + indent + font.Size * 1.3, top + font.Size));
            }
            g.DrawString(line, font, XBrushes.Black, new XPoint(x + indent + labelWidth, top + font.Size));
        })).ToList();
    }

    /// <summary>Ruled lines to write on.</summary>
    public List<Block> Rules(int count, double indent = 0) =>
        Enumerable.Range(0, count).Select(_ => new Block(22, (g, x, top) =>
            g.DrawLine(new XPen(XColors.Gray, 0.6), x + indent, top + 19, x + Width, top + 19))).ToList();
}
