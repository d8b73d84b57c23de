using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;

namespace Classroom.Tests.Architecture;

/// <summary>
/// Feature folders (and the app's other top folders) must not use each other in circles: a shared rule
/// goes where both sides reach it without reaching back. A folder uses another when one of its files names
/// a type declared there (member access such as "db.QuizVersions" does not count).
/// </summary>
public partial class DependencyTests
{
    private static readonly string App = Path.Combine(Paths.RepoRoot, "src", "Classroom.Web");

    private static Dictionary<string, List<string>> Modules()
    {
        var modules = new Dictionary<string, List<string>>();
        void Add(string name, string dir)
        {
            if (!Directory.Exists(dir)) return;
            modules[name] = Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")
                            && !f.EndsWith("_ViewImports.cshtml") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .ToList();
        }
        foreach (var feature in Directory.EnumerateDirectories(Path.Combine(App, "Features")))
            Add("Features/" + Path.GetFileName(feature), feature);
        foreach (var top in new[] { "Content", "Data", "Demo", "Infrastructure" }) Add(top, Path.Combine(App, top));
        return modules;
    }

    public static Dictionary<(string From, string To), List<string>> Edges()
    {
        var modules = Modules();
        var declaredIn = new Dictionary<string, string>();
        foreach (var (module, files) in modules)
        foreach (var file in files)
        foreach (Match m in Declaration().Matches(File.ReadAllText(file)))
            declaredIn.TryAdd(m.Groups[1].Value, module);
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var (module, files) in modules)
        foreach (var file in files)
        {
            var text = Comment().Replace(File.ReadAllText(file), "");
            foreach (Match m in Identifier().Matches(text))
            {
                if (!declaredIn.TryGetValue(m.Value, out var owner) || owner == module) continue;
                if (m.Index > 0 && text[m.Index - 1] == '.') continue; // a member, not a type
                if (Regex.IsMatch(text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 4)], @"^\s*=>")) continue;
                var key = (module, owner);
                if (!edges.TryGetValue(key, out var why)) edges[key] = why = [];
                if (!why.Contains(m.Value)) why.Add(m.Value);
            }
        }
        return edges;
    }

    [Fact]
    public void No_two_folders_use_each_other()
    {
        var edges = Edges();
        var circles = edges.Keys.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.ContainsKey((e.To, e.From)))
            .Select(e => $"{e.From} ↔ {e.To} ({string.Join(", ", edges[e])} / {string.Join(", ", edges[(e.To, e.From)])})").ToList();
        Assert.True(circles.Count == 0, "Folders that use each other:\n" + string.Join("\n", circles));
    }

    [Fact]
    public void No_longer_circle_runs_through_the_folders()
    {
        var graph = Edges().Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var state = new Dictionary<string, int>();
        var path = new Stack<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            path.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1) return string.Join(" → ", path.Reverse().SkipWhile(n => n != next).Append(next));
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }
            path.Pop();
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys)
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } circle)
                Assert.Fail("A circle of folders: " + circle);
    }

    [Fact]
    public void Features_do_not_reach_back_into_the_composition_root()
    {
        var back = Edges().Keys.Where(e => e.From.StartsWith("Features/") && e.To is "Infrastructure" or "Demo").ToList();
        Assert.Empty(back);
    }

    [GeneratedRegex(@"\b(?:class|record|enum|interface|struct)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"//[^\n]*|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
