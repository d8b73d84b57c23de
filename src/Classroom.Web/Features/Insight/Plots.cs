using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Classroom.Web.Features.Insight;

/// <summary>
/// Small charts drawn on the server as SVG: no script, no charting library, nothing fetched. Each has a title and a
/// description for screen readers (role="img"), and the page shows the same numbers in a table beside it.
/// Colours pass 3:1 against the page; nothing is told by colour alone (bars carry their counts, points their numbers).
/// </summary>
public static class Plots
{
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Bars of how many students scored in each band of the total.</summary>
    public static IHtmlContent Histogram(string id, IReadOnlyList<(decimal From, decimal To, int Count)> bins, string title, string description)
    {
        const double width = 560, height = 240, left = 40, bottom = 40, top = 16;
        var max = Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Count));
        var plotH = height - bottom - top;
        var barW = bins.Count == 0 ? 0 : (width - left - 10) / bins.Count;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"plot\" id=\"{id}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        svg.Append($"<line x1=\"{F(left)}\" y1=\"{F(height - bottom)}\" x2=\"{F(width - 6)}\" y2=\"{F(height - bottom)}\" class=\"axis\"/>");
        svg.Append($"<text x=\"4\" y=\"{F(top + 4)}\" class=\"tick\">{max}</text><text x=\"4\" y=\"{F(height - bottom)}\" class=\"tick\">0</text>");
        for (int i = 0; i < bins.Count; i++)
        {
            var (from, to, count) = bins[i];
            var h = plotH * count / max;
            var x = left + i * barW;
            svg.Append($"<rect x=\"{F(x + 2)}\" y=\"{F(height - bottom - h)}\" width=\"{F(barW - 4)}\" height=\"{F(h)}\" class=\"bar\"/>");
            if (count > 0) svg.Append($"<text x=\"{F(x + barW / 2)}\" y=\"{F(height - bottom - h - 4)}\" class=\"count\" text-anchor=\"middle\">{count}</text>");
            // Each band's lower edge under it, and the top of the scale after the last: short labels that never overlap.
            svg.Append($"<text x=\"{F(x)}\" y=\"{F(height - bottom + 16)}\" class=\"tick\" text-anchor=\"middle\">{F((double)from)}</text>");
            if (i == bins.Count - 1) svg.Append($"<text x=\"{F(x + barW)}\" y=\"{F(height - bottom + 16)}\" class=\"tick\" text-anchor=\"end\">{F((double)to)}</text>");
        }
        svg.Append($"<text x=\"{F(width / 2)}\" y=\"{F(height - 4)}\" class=\"label\" text-anchor=\"middle\">score (points)</text>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>One numbered point per question: facility across, discrimination up; the area below 0 is where to look.</summary>
    public static IHtmlContent Scatter(string id, IReadOnlyList<(int Number, double Facility, double Discrimination)> points, string title, string description)
    {
        const double width = 560, height = 300, left = 48, right = 16, top = 16, bottom = 44;
        double X(double f) => left + f * (width - left - right);
        double Y(double d) => top + (1 - (d + 1) / 2) * (height - top - bottom); // -1 at the bottom, +1 at the top
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"plot\" id=\"{id}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        // Negative discrimination: a hatched band, labelled in words.
        svg.Append($"<defs><pattern id=\"{id}-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" class=\"hatch\"/></pattern></defs>");
        svg.Append($"<rect x=\"{F(X(0))}\" y=\"{F(Y(0))}\" width=\"{F(X(1) - X(0))}\" height=\"{F(Y(-1) - Y(0))}\" fill=\"url(#{id}-hatch)\"/>");
        svg.Append($"<text x=\"{F(X(1) - 4)}\" y=\"{F(Y(-1) - 6)}\" class=\"tick\" text-anchor=\"end\">below 0: stronger students did worse</text>");
        svg.Append($"<line x1=\"{F(X(0))}\" y1=\"{F(Y(-1))}\" x2=\"{F(X(1))}\" y2=\"{F(Y(-1))}\" class=\"axis\"/>");
        svg.Append($"<line x1=\"{F(X(0))}\" y1=\"{F(Y(-1))}\" x2=\"{F(X(0))}\" y2=\"{F(Y(1))}\" class=\"axis\"/>");
        svg.Append($"<line x1=\"{F(X(0))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(1))}\" y2=\"{F(Y(0))}\" class=\"grid\"/>");
        foreach (var (v, label) in new[] { (0.0, "0 %"), (0.5, "50 %"), (1.0, "100 %") })
            svg.Append($"<text x=\"{F(X(v))}\" y=\"{F(Y(-1) + 16)}\" class=\"tick\" text-anchor=\"middle\">{label}</text>");
        foreach (var v in new[] { -1.0, 0.0, 1.0 })
            svg.Append($"<text x=\"{F(left - 6)}\" y=\"{F(Y(v) + 4)}\" class=\"tick\" text-anchor=\"end\">{F(v)}</text>");
        svg.Append($"<text x=\"{F((X(0) + X(1)) / 2)}\" y=\"{F(height - 4)}\" class=\"label\" text-anchor=\"middle\">facility (share of the points the class earned)</text>");
        foreach (var (n, f, d) in points)
        {
            svg.Append($"<circle cx=\"{F(X(f))}\" cy=\"{F(Y(d))}\" r=\"9\" class=\"dot\"/>");
            svg.Append($"<text x=\"{F(X(f))}\" y=\"{F(Y(d) + 4)}\" class=\"dot-label\" text-anchor=\"middle\">{n}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
