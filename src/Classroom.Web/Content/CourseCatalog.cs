namespace Classroom.Web.Content;

/// <summary>The course as loaded from content/ at start: read-only, shared by every request.</summary>
public sealed class CourseCatalog(IReadOnlyList<Article> articles, IReadOnlyList<Lesson> lessons, IReadOnlyList<QuizDefinition> quizzes)
{
    private readonly Dictionary<string, QuizDefinition> quizzesBySlug = quizzes.ToDictionary(q => q.Slug);
    private readonly Dictionary<string, Article> articlesBySlug = articles.ToDictionary(a => a.Slug);
    private readonly Dictionary<string, Lesson> lessonsBySlug = lessons.ToDictionary(l => l.Slug);

    public IReadOnlyList<Article> Articles { get; } = articles;
    public IReadOnlyList<Lesson> Lessons { get; } = lessons.OrderBy(l => l.Order).ThenBy(l => l.Slug).ToList();

    public Article? FindArticle(string slug) => articlesBySlug.GetValueOrDefault(slug);
    public Lesson? FindLesson(string slug) => lessonsBySlug.GetValueOrDefault(slug);
    public IReadOnlyList<QuizDefinition> Quizzes { get; } = quizzes;
    public QuizDefinition? FindQuiz(string slug) => quizzesBySlug.GetValueOrDefault(slug);
    public QuizDefinition? QuizForLesson(string lessonSlug) => Quizzes.FirstOrDefault(q => q.LessonSlug == lessonSlug);

    /// <summary>The "Words we use" definitions.</summary>
    public Glossary Glossary { get; init; } = Glossary.Empty;
}

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder holding articles/, lessons/ and quizzes/. Relative paths are taken from the app's base directory.</summary>
    public string Path { get; set; } = "content";
}
