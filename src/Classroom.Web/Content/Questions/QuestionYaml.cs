using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Classroom.Web.Content.Questions;

/// <summary>
/// One question's YAML as its type reads it: the node, the article it quotes, and helpers that name the
/// file and line of every fault. <see cref="Common"/> fills the fields every question has.
/// </summary>
public sealed class QuestionYaml(YamlFile yaml, YamlMappingNode node, string id, string type, Article article,
    IReadOnlyDictionary<string, Article> articles)
{
    public YamlFile File { get; } = yaml;
    public YamlMappingNode Node { get; } = node;
    public string Id { get; } = id;
    public string Type { get; } = type;
    public Article Article { get; } = article;

    public T Common<T>(T question) where T : Question => question with
    {
        Id = Id,
        ArticleSlug = Article.Slug,
        Points = Points("points"),
        Prompt = Required("prompt"),
        Explanation = Required("explanation"),
        Evidence = File.List(Node, "evidence", required: true).Select(ReadEvidence).ToList(),
    };

    public string Required(string key) => File.Required(Node, key);
    public string? Optional(string key) => File.Optional(Node, key);
    public YamlNode? Child(string key) => File.Child(Node, key);
    public YamlNode Child(YamlMappingNode map, string key) => File.Child(map, key) ?? map;
    public IReadOnlyList<string> Strings(string key, bool required) => File.Strings(Node, key, required);
    public IReadOnlyList<YamlMappingNode> Maps(string key, bool required) => File.Maps(Node, key, required);
    public ContentException Fault(YamlNode where, string fault) => File.Fault(where, fault);
    public ContentException Fault(string key, string fault) => File.Fault(Child(key) ?? Node, fault);

    public decimal Points(string key) => ParsePoints(File, Node, key, allowZero: false);

    public static decimal ParsePoints(YamlFile yaml, YamlMappingNode map, string key, bool allowZero)
    {
        var text = yaml.Required(map, key);
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            throw yaml.Fault(yaml.Child(map, key)!, $"field '{key}' must be a number, not '{text}'");
        if (allowZero ? points < 0 : points <= 0)
            throw yaml.Fault(yaml.Child(map, key)!, allowZero ? $"a rubric level's points must be 0 or more, not '{text}'" : $"points must be more than 0, not {text}");
        return points;
    }

    public bool YesNo(YamlMappingNode map, string key)
    {
        var text = File.Required(map, key).ToLowerInvariant();
        return text switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            _ => throw File.Fault(File.Child(map, key)!, $"field '{key}' must be yes or no, not '{text}'"),
        };
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int OptionalLength(string key, int fallback, int max)
    {
        var text = Optional(key);
        if (text is null) return fallback;
        return int.TryParse(text, out var value) && value > 0 && value <= max
            ? value
            : throw Fault(key, $"{key} must be a whole number from 1 to {max}");
    }

    public TextSpan Locate(YamlMappingNode row, string quote) => ContentLoader.Locate(File, row, Article, quote);

    public Sentence? FindSentence(string reference)
    {
        var parts = reference.Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], out var p) && int.TryParse(parts[1], out var s)
            ? Article.FindSentence(p, s)
            : null;
    }

    /// <summary>A rubric: criteria, each with at least two levels; the top levels add up to the question's points.</summary>
    public IReadOnlyList<RubricCriterion> Rubric(bool required, decimal points)
    {
        var criteria = Maps("rubric", required).Select(c =>
        {
            var levels = File.Maps(c, "levels", required: true).Select(l =>
                new RubricLevel(File.Required(l, "label"), ParsePoints(File, l, "points", allowZero: true), File.Required(l, "description"))).ToList();
            if (levels.Count < 2) throw Fault(c, "a rubric criterion needs at least two levels");
            return new RubricCriterion(File.Required(c, "criterion"), levels);
        }).ToList();
        var max = criteria.Sum(c => c.MaxPoints);
        if (criteria.Count > 0 && max != points)
            throw Fault("rubric", $"the rubric's top levels add up to {max} points, but the question is worth {points}");
        return criteria;
    }

    /// <summary>An evidence item is a quote from the question's article, or {article, quote} for another article.</summary>
    private Evidence ReadEvidence(YamlNode item)
    {
        if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            return MakeEvidence(item, Article, scalar.Value.Trim());
        if (item is YamlMappingNode map)
        {
            var slug = File.Required(map, "article");
            var other = articles.GetValueOrDefault(slug) ?? throw Fault(File.Child(map, "article")!, $"unknown article slug '{slug}'");
            return MakeEvidence(File.Child(map, "quote") ?? map, other, File.Required(map, "quote")) with { ArticleSlug = other.Slug };
        }
        throw Fault(item, "each evidence entry must be a quote, or an 'article' and a 'quote'");
    }

    private Evidence MakeEvidence(YamlNode where, Article article, string quote)
    {
        var span = ContentLoader.Locate(File, where, article, quote, "evidence quote");
        var sentence = article.Paragraphs[span.Paragraph - 1].Sentences.First(s => s.Start < span.End && span.Start < s.End);
        return new Evidence(quote, sentence.Ref, sentence.Text);
    }
}
