namespace Classroom.Web.Features.Insight;

/// <summary>
/// Classical item statistics, as Moodle's quiz statistics report defines them
/// (docs.moodle.org/en/Quiz_statistics_calculations):
/// <list type="bullet">
/// <item><b>Facility</b>: the mean score on the item divided by its maximum (Moodle's facility index F, shown there ×100).</item>
/// <item><b>Discrimination</b>: the Pearson correlation between the scores on the item and the scores on the rest of
/// the test, that is each student's total minus this item (Moodle's discrimination index D, shown there ×100).
/// Correlating with the rest rather than the whole total keeps the item from correlating with itself.</item>
/// </list>
/// Pure functions over plain numbers; no I/O.
/// </summary>
public static class ItemStatistics
{
    /// <summary>Moodle: 90 % and above is "very easy" (95 %: "extremely easy").</summary>
    public const double VeryEasy = 0.90;
    /// <summary>Moodle: 10 % and below is "very difficult" (5 %: "extremely difficult").</summary>
    public const double VeryHard = 0.10;

    /// <summary>Mean item score over its maximum, 0 to 1; null with no scores or no maximum.</summary>
    public static double? Facility(IReadOnlyList<decimal> scores, decimal max) =>
        scores.Count == 0 || max <= 0 ? null : (double)(scores.Average() / max);

    /// <summary>
    /// Item-rest correlation, -1 to 1: <paramref name="item"/>[i] is student i's score on the item and
    /// <paramref name="totals"/>[i] their total on the test. Null when fewer than two students or when either
    /// the item or the rest does not vary (every student scored the same): the index is then undefined.
    /// </summary>
    public static double? Discrimination(IReadOnlyList<decimal> item, IReadOnlyList<decimal> totals)
    {
        if (item.Count != totals.Count) throw new ArgumentException("One item score and one total per student.");
        if (item.Count < 2) return null;
        var x = item.Select(v => (double)v).ToList();
        var y = totals.Select((t, i) => (double)(t - item[i])).ToList();
        return Pearson(x, y);
    }

    /// <summary>Pearson's correlation coefficient; null when either side has no variance.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        const double tiny = 1e-12;
        if (sxx < tiny || syy < tiny) return null;
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>What a teacher should look at: very easy, very hard, or negative discrimination (the stronger students did worse on it).</summary>
    public static IReadOnlyList<string> Flags(double? facility, double? discrimination)
    {
        var flags = new List<string>();
        if (facility >= VeryEasy) flags.Add("very easy");
        if (facility <= VeryHard) flags.Add("very hard");
        if (discrimination < 0) flags.Add("negative discrimination");
        return flags;
    }

    /// <summary>Counts of totals in <paramref name="bins"/> equal bins from 0 to <paramref name="max"/> (the last bin includes the maximum).</summary>
    public static IReadOnlyList<(decimal From, decimal To, int Count)> Histogram(IReadOnlyList<decimal> totals, decimal max, int bins)
    {
        if (bins < 1 || max <= 0) return [];
        var width = max / bins;
        var counts = new int[bins];
        foreach (var t in totals)
        {
            var b = (int)Math.Floor(Math.Clamp(t, 0, max) / width);
            counts[Math.Min(b, bins - 1)]++;
        }
        return Enumerable.Range(0, bins).Select(b => (Math.Round(b * width, 2), Math.Round((b + 1) * width, 2), counts[b])).ToList();
    }
}
