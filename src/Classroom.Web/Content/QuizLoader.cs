using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Classroom.Web.Content;

/// <summary>Reads and validates content/quizzes/*.yml against the lessons and articles already loaded.</summary>
public static class QuizLoader
{
    public const int DefaultShortAnswerLength = 1_000;
    public const int DefaultEssayLength = 10_000;

    public static QuizDefinition Load(string file, string text, string slug, IReadOnlyDictionary<string, Lesson> lessons,
        IReadOnlyDictionary<string, Article>? articles = null)
    {
        var yaml = new YamlFile(file, text);
        var m = yaml.Root;
        var lessonSlug = yaml.Required(m, "lesson");
        if (!lessons.TryGetValue(lessonSlug, out var lesson))
            throw yaml.Fault(yaml.Child(m, "lesson")!, $"unknown lesson slug '{lessonSlug}'");
        var allArticles = articles ?? lessons.Values.Where(l => l.Article is not null).Select(l => l.Article!).DistinctBy(a => a.Slug).ToDictionary(a => a.Slug);

        var ids = new HashSet<string>();
        var questions = yaml.Maps(m, "questions", required: true).Select(node =>
        {
            var id = yaml.Required(node, "id");
            if (!ids.Add(id)) throw yaml.Fault(node, $"duplicate question id '{id}'");
            // A question quotes its lesson's article unless it names another (a lesson that compares articles has none of its own).
            var articleSlug = yaml.Optional(node, "article");
            Article article;
            if (articleSlug is not null)
                article = allArticles.GetValueOrDefault(articleSlug) ?? throw yaml.Fault(yaml.Child(node, "article")!, $"unknown article slug '{articleSlug}'");
            else
                article = lesson.Article ?? throw yaml.Fault(node, $"lesson '{lessonSlug}' has no article: question '{id}' must name one with 'article'");
            return ReadQuestion(yaml, node, id, article, allArticles);
        }).ToList();

        return new QuizDefinition(slug, yaml.Required(m, "title"), lessonSlug, lesson.Article?.Slug,
            PositiveInt(yaml, m, "time_limit_minutes"), PositiveInt(yaml, m, "attempts_allowed"), questions);
    }

    private static int? PositiveInt(YamlFile yaml, YamlMappingNode m, string key)
    {
        var text = yaml.Optional(m, key);
        if (text is null) return null;
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw yaml.Fault(yaml.Child(m, key)!, $"field '{key}' must be a whole number above 0, not '{text}'");
    }

    private static decimal Points(YamlFile yaml, YamlMappingNode node, string key = "points")
    {
        var text = yaml.Required(node, key);
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            throw yaml.Fault(yaml.Child(node, key)!, $"field '{key}' must be a number, not '{text}'");
        if (points <= 0) throw yaml.Fault(yaml.Child(node, key)!, $"points must be more than 0, not {text}");
        return points;
    }

    private static bool YesNo(YamlFile yaml, YamlMappingNode node, string key)
    {
        var text = yaml.Required(node, key).ToLowerInvariant();
        return text switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            _ => throw yaml.Fault(yaml.Child(node, key)!, $"field '{key}' must be yes or no, not '{text}'"),
        };
    }

    /// <summary>An evidence item is a quote from the question's article, or {article, quote} for another article.</summary>
    private static Evidence ReadEvidence(YamlFile yaml, YamlNode item, Article article, IReadOnlyDictionary<string, Article> articles)
    {
        if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            return MakeEvidence(yaml, item, article, scalar.Value.Trim());
        if (item is YamlMappingNode map)
        {
            var slug = yaml.Required(map, "article");
            var other = articles.GetValueOrDefault(slug) ?? throw yaml.Fault(yaml.Child(map, "article")!, $"unknown article slug '{slug}'");
            return MakeEvidence(yaml, yaml.Child(map, "quote") ?? map, other, yaml.Required(map, "quote")) with { ArticleSlug = other.Slug };
        }
        throw yaml.Fault(item, "each evidence entry must be a quote, or an 'article' and a 'quote'");
    }

    private static Question ReadQuestion(YamlFile yaml, YamlMappingNode node, string id, Article article, IReadOnlyDictionary<string, Article> articles)
    {
        var type = yaml.Required(node, "type");
        if (!QuestionTypes.All.Contains(type))
            throw yaml.Fault(yaml.Child(node, "type")!, $"unknown question type '{type}' (known: {string.Join(", ", QuestionTypes.All)})");
        var points = Points(yaml, node);
        var evidence = yaml.List(node, "evidence", required: true).Select(item => ReadEvidence(yaml, item, article, articles)).ToList();

        IReadOnlyList<Option> options = [];
        bool? correctAnswer = null;
        string? category = null;
        IReadOnlyList<string> key = [];
        IReadOnlyList<HighlightSentence> sentences = [];
        IReadOnlyList<LedgerQuestionRow> rows = [];
        IReadOnlyList<string> accepted = [];
        IReadOnlyList<RubricCriterion> rubric = [];
        var maxLength = DefaultShortAnswerLength;

        switch (type)
        {
            case QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice:
                options = ReadOptions(yaml, node, id);
                var correct = options.Count(o => o.Correct);
                if (correct == 0)
                    throw yaml.Fault(yaml.Child(node, "answer")!, "the answer key names no option of this question");
                if (type == QuestionTypes.SingleChoice && correct > 1)
                    throw yaml.Fault(yaml.Child(node, "answer")!, "a single-choice question needs exactly one answer");
                break;
            case QuestionTypes.TrueFalse:
                correctAnswer = YesNo(yaml, node, "answer");
                break;
            case QuestionTypes.Highlight:
                category = yaml.Optional(node, "category");
                if (category is not null && Taxonomy.Find(category) is null)
                    throw yaml.Fault(yaml.Child(node, "category")!, $"unknown category '{category}'");
                key = yaml.Strings(node, "answer", required: true);
                foreach (var (reference, i) in key.Select((r, i) => (r, i)))
                    if (FindSentence(article, reference) is null)
                        throw yaml.Fault(yaml.List(node, "answer", true)[i], $"highlight key sentence '{reference}' does not exist in article '{article.Slug}'");
                sentences = article.Sentences.Select(s => new HighlightSentence(s.Ref, s.Paragraph, s.Text)).ToList();
                break;
            case QuestionTypes.SourceLedger:
                rows = yaml.Maps(node, "rows", required: true).Select(row =>
                {
                    var quote = yaml.Required(row, "quote");
                    var span = ContentLoader.Locate(yaml, row, article, quote);
                    var attribution = yaml.Required(row, "attribution").ToLowerInvariant();
                    if (!LedgerValues.Attributions.Contains(attribution))
                        throw yaml.Fault(yaml.Child(row, "attribution")!, $"field 'attribution' must be one of {string.Join(", ", LedgerValues.Attributions.Select(a => $"'{a}'"))}, not '{attribution}'");
                    return new LedgerQuestionRow(quote, ContentLoader.SentenceRefs(article, span)[0],
                        yaml.Strings(row, "accepted_sources", required: false), yaml.Required(row, "source"),
                        YesNo(yaml, row, "named"), attribution);
                }).ToList();
                break;
            case QuestionTypes.ShortAnswer:
                accepted = yaml.Strings(node, "accepted", required: false);
                break;
            case QuestionTypes.Essay:
                maxLength = DefaultEssayLength;
                rubric = ReadRubric(yaml, node, points);
                break;
        }

        var modelAnswer = yaml.Optional(node, "model_answer");
        if (modelAnswer is null && type is QuestionTypes.Essay or QuestionTypes.ShortAnswer)
            throw yaml.Fault(node, "missing required field 'model_answer'");
        var lengthText = yaml.Optional(node, "max_length");
        if (lengthText is not null && (!int.TryParse(lengthText, out maxLength) || maxLength <= 0 || maxLength > DefaultEssayLength))
            throw yaml.Fault(yaml.Child(node, "max_length")!, $"max_length must be a whole number from 1 to {DefaultEssayLength}");

        return new Question(id, article.Slug, type, points, yaml.Required(node, "prompt"), yaml.Required(node, "explanation"), evidence,
            options, correctAnswer, category, key, sentences, rows, accepted, modelAnswer, maxLength, rubric);
    }

    private static IReadOnlyList<Option> ReadOptions(YamlFile yaml, YamlMappingNode node, string questionId)
    {
        var answerNode = yaml.Child(node, "answer")
            ?? throw yaml.Fault(node, "missing required field 'answer'");
        var answers = answerNode switch
        {
            YamlScalarNode s => [s.Value?.Trim() ?? ""],
            YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "").ToList(),
            _ => throw yaml.Fault(answerNode, "field 'answer' must name one option id or a list of them"),
        };
        var optionIds = new HashSet<string>();
        var options = yaml.Maps(node, "options", required: true).Select(o =>
        {
            var id = yaml.Required(o, "id");
            if (!optionIds.Add(id)) throw yaml.Fault(o, $"duplicate option id '{id}' in question '{questionId}'");
            return new Option(id, yaml.Required(o, "text"), answers.Contains(id));
        }).ToList();
        if (options.Count < 2) throw yaml.Fault(yaml.Child(node, "options")!, "a choice question needs at least two options");
        foreach (var answer in answers.Where(a => !optionIds.Contains(a)))
            throw yaml.Fault(answerNode, $"the answer key names '{answer}', which is not an option of question '{questionId}'");
        return options;
    }

    private static IReadOnlyList<RubricCriterion> ReadRubric(YamlFile yaml, YamlMappingNode node, decimal points)
    {
        var criteria = yaml.Maps(node, "rubric", required: true).Select(c =>
        {
            var levels = yaml.Maps(c, "levels", required: true).Select(l =>
                new RubricLevel(yaml.Required(l, "label"), PointsOrZero(yaml, l), yaml.Required(l, "description"))).ToList();
            if (levels.Count < 2) throw yaml.Fault(c, "a rubric criterion needs at least two levels");
            return new RubricCriterion(yaml.Required(c, "criterion"), levels);
        }).ToList();
        var max = criteria.Sum(c => c.MaxPoints);
        if (max != points)
            throw yaml.Fault(yaml.Child(node, "rubric")!, $"the rubric's top levels add up to {max} points, but the question is worth {points}");
        return criteria;
    }

    private static decimal PointsOrZero(YamlFile yaml, YamlMappingNode level)
    {
        var text = yaml.Required(level, "points");
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && p >= 0
            ? p
            : throw yaml.Fault(yaml.Child(level, "points")!, $"a rubric level's points must be 0 or more, not '{text}'");
    }

    private static Evidence MakeEvidence(YamlFile yaml, YamlNode where, Article article, string quote)
    {
        var span = ContentLoader.Locate(yaml, where, article, quote, "evidence quote");
        var sentence = article.Paragraphs[span.Paragraph - 1].Sentences.First(s => s.Start < span.End && span.Start < s.End);
        return new Evidence(quote, sentence.Ref, sentence.Text);
    }

    private static Sentence? FindSentence(Article article, string reference)
    {
        var parts = reference.Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], out var p) && int.TryParse(parts[1], out var s)
            ? article.FindSentence(p, s)
            : null;
    }
}
