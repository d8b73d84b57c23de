using Classroom.Web.Features.Insight;

namespace Classroom.Tests.Insight;

/// <summary>The formulas against examples worked by hand, using Moodle's definitions (facility = mean / max; discrimination = item-rest correlation).</summary>
public class ItemStatisticsTests
{
    [Fact]
    public void Facility_is_the_mean_score_over_the_maximum()
    {
        Assert.Equal(0.75, ItemStatistics.Facility([2m, 0m, 2m, 2m], 2m)!.Value, 6);
        Assert.Equal(0.5, ItemStatistics.Facility([1.5m, 0.5m], 2m)!.Value, 6);
        Assert.Null(ItemStatistics.Facility([], 2m));
    }

    [Fact]
    public void Discrimination_correlates_the_item_with_the_rest_of_the_test()
    {
        // Totals 5, 4, 2, 1; the two strongest got the item (1 point): rest = 4, 3, 2, 1.
        // Deviations: item ±0.5, rest 1.5, 0.5, -0.5, -1.5 → Sxy = 2, Sxx = 1, Syy = 5 → r = 2 / √5.
        Assert.Equal(2 / Math.Sqrt(5), ItemStatistics.Discrimination([1m, 1m, 0m, 0m], [5m, 4m, 2m, 1m])!.Value, 6);
    }

    [Fact]
    public void A_question_the_weaker_students_got_right_discriminates_negatively_and_is_flagged()
    {
        // Rest = 5, 4, 1, 0: Sxy = -4, Sxx = 1, Syy = 17 → r = -4 / √17.
        var r = ItemStatistics.Discrimination([0m, 0m, 1m, 1m], [5m, 4m, 2m, 1m]);
        Assert.Equal(-4 / Math.Sqrt(17), r!.Value, 6);
        Assert.Contains("negative discrimination", ItemStatistics.Flags(0.5, r));
    }

    [Fact]
    public void Correlating_with_the_rest_differs_from_correlating_with_the_whole_total()
    {
        // With the whole total the item would correlate with itself: here the rest does not vary at all.
        Assert.Null(ItemStatistics.Discrimination([1m, 0m, 1m, 0m], [3m, 2m, 3m, 2m]));
        Assert.NotNull(ItemStatistics.Pearson([1, 0, 1, 0], [3, 2, 3, 2]));
    }

    [Fact]
    public void Discrimination_is_undefined_when_everyone_scored_the_same_or_there_is_one_student()
    {
        Assert.Null(ItemStatistics.Discrimination([1m, 1m, 1m], [3m, 2m, 1m]));
        Assert.Null(ItemStatistics.Discrimination([1m], [3m]));
    }

    [Theory]
    [InlineData(0.95, 0.3, "very easy")]
    [InlineData(0.90, 0.3, "very easy")]
    [InlineData(0.05, 0.3, "very hard")]
    [InlineData(0.10, 0.3, "very hard")]
    public void Very_easy_and_very_hard_follow_Moodles_bands(double facility, double discrimination, string flag) =>
        Assert.Equal([flag], ItemStatistics.Flags(facility, discrimination));

    [Fact]
    public void An_ordinary_question_has_no_flags() => Assert.Empty(ItemStatistics.Flags(0.6, 0.35));

    [Fact]
    public void The_histogram_puts_full_marks_in_the_last_band()
    {
        var bins = ItemStatistics.Histogram([0m, 4.9m, 5m, 10m, 10m], 10m, 2);
        Assert.Equal([(0m, 5m, 2), (5m, 10m, 3)], bins);
    }
}
