using Classroom.Web.Content.Questions;
using YamlDotNet.RepresentationModel;

namespace Classroom.Web.Content;

/// <summary>Reads and validates content/quizzes/*.yml against the lessons and articles already loaded.</summary>
public static class QuizLoader
{
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
            PositiveInt(yaml, m, "time_limit_minutes"), PositiveInt(yaml, m, "attempts_allowed"), questions)
        {
            TeacherNotes = yaml.Optional(m, "teacher_notes"),
        };
    }

    private static int? PositiveInt(YamlFile yaml, YamlMappingNode m, string key)
    {
        var text = yaml.Optional(m, key);
        if (text is null) return null;
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw yaml.Fault(yaml.Child(m, key)!, $"field '{key}' must be a whole number above 0, not '{text}'");
    }

    /// <summary>Reads the fields every question has, then hands the node to its type.</summary>
    private static Question ReadQuestion(YamlFile yaml, YamlMappingNode node, string id, Article article, IReadOnlyDictionary<string, Article> articles)
    {
        var type = yaml.Required(node, "type");
        var kind = QuestionKinds.Find(type)
            ?? throw yaml.Fault(yaml.Child(node, "type")!, $"unknown question type '{type}' (known: {string.Join(", ", QuestionKinds.All.Select(k => k.Slug))})");
        return kind.Read(new QuestionYaml(yaml, node, id, type, article, articles));
    }
}
