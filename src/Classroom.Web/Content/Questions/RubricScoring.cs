using System.Text.Json;

namespace Classroom.Web.Content.Questions;

/// <summary>Rubric choices as plain data: one chosen level (by index) per criterion.</summary>
public static class RubricScoring
{
    public static decimal Points(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<int> levels)
    {
        if (levels.Count != rubric.Count) throw new ArgumentException("choose one level for every criterion");
        decimal total = 0;
        for (int i = 0; i < rubric.Count; i++)
        {
            if (levels[i] < 0 || levels[i] >= rubric[i].Levels.Count) throw new ArgumentOutOfRangeException(nameof(levels));
            total += rubric[i].Levels[levels[i]].Points;
        }
        return total;
    }

    public static string ToJson(IReadOnlyList<int> levels) => JsonSerializer.Serialize(levels);

    public static IReadOnlyList<int>? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<List<int>>(json);
}
