using Classroom.Web.Content.Questions;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;

namespace Classroom.Tests.Content;

/// <summary>The course meets the bar the content issue sets, and its parts agree with each other.</summary>
public partial class CourseContentTests
{
    private static readonly CourseCatalog Catalog = ContentLoader.Load(Paths.Content);

    public static TheoryData<string> ArticleLessons => new() { "tal-afar-offensive", "perverse-caliphate", "mosul-retreat", "mosul-final-phase" };
    public static TheoryData<string> AllLessons => new() { "tal-afar-offensive", "perverse-caliphate", "mosul-retreat", "mosul-final-phase", "comparing-coverage" };

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private static int Words(string html) => Tags().Replace(html, " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [Theory]
    [MemberData(nameof(AllLessons))]
    public void Every_lesson_has_objectives_teaching_text_and_guiding_questions_of_the_right_size(string slug)
    {
        var lesson = Catalog.FindLesson(slug)!;
        Assert.InRange(lesson.Objectives.Count, 3, 5);
        Assert.InRange(lesson.GuidingQuestions.Count, 4, 6);
        Assert.InRange(Words(lesson.TeachingHtml), 600, 1200);
    }

    [Theory]
    [MemberData(nameof(ArticleLessons))]
    public void Every_article_lesson_has_at_least_twelve_annotations_in_six_categories_and_a_ledger(string slug)
    {
        var lesson = Catalog.FindLesson(slug)!;
        Assert.Equal(slug, lesson.Article?.Slug);
        Assert.True(lesson.Annotations.Count >= 12, $"{lesson.Annotations.Count} annotations");
        Assert.True(lesson.Annotations.Select(a => a.Category).Distinct().Count() >= 6);
        Assert.True(lesson.Ledger.Count >= 5, $"{lesson.Ledger.Count} ledger rows");
        Assert.All(lesson.Annotations, a => Assert.InRange(Regex.Matches(a.Note, @"[.!?](\s|$)").Count, 1, 4));
    }

    /// <summary>
    /// Sourcing annotations must be complete, not a sample: every sentence with a word that signals
    /// attribution, hedging, disclosure or copying is annotated.
    /// </summary>
    [Theory]
    [MemberData(nameof(ArticleLessons))]
    public void Every_sentence_with_a_sourcing_signal_is_annotated(string slug)
    {
        string[] signals = ["reportedly", "claim", "according to", "said", "quoted", "revealed", "reported", "note", "stressed",
            "argued", "stated", "Advertisement", "Share", "(CNN)", "Disclaimer", "fair use", "support the project", "copyright"];
        var lesson = Catalog.FindLesson(slug)!;
        var annotated = lesson.Annotations.SelectMany(a => a.SentenceRefs).ToHashSet();
        var missing = lesson.Article!.Sentences
            .Where(s => signals.Any(w => s.Text.Contains(w, StringComparison.OrdinalIgnoreCase)) && !annotated.Contains(s.Ref))
            .Select(s => $"{s.Ref}: {s.Text}").ToList();
        Assert.True(missing.Count == 0, "not annotated:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(ArticleLessons))]
    public void Every_second_hand_claim_in_the_ledger_names_the_outlet_it_points_to(string slug)
    {
        var lesson = Catalog.FindLesson(slug)!;
        var secondHand = lesson.Annotations.Where(a => a.Category.Slug == "second-hand-report").SelectMany(a => a.SentenceRefs).ToHashSet();
        foreach (var row in lesson.Ledger.Where(r => r.SentenceRefs.Any(secondHand.Contains) || r.Source.Contains("through")))
            Assert.False(string.IsNullOrWhiteSpace(row.OriginalOutlet), $"ledger row {row.Id} has no original_outlet");
    }

    [Theory]
    [MemberData(nameof(AllLessons))]
    public void Every_lesson_has_a_quiz_with_eight_questions_five_types_a_highlight_a_ledger_and_a_rubric_essay(string slug)
    {
        var quiz = Catalog.QuizForLesson(slug);
        Assert.NotNull(quiz);
        Assert.True(quiz.Questions.Count >= 8, $"{quiz.Questions.Count} questions");
        Assert.True(quiz.Questions.Select(q => q.Kind).Distinct().Count() >= 5);
        Assert.Contains(quiz.Questions, q => q is HighlightQuestion);
        Assert.Contains(quiz.Questions, q => q is LedgerQuestion);
        var essay = Assert.Single(quiz.Questions.OfType<EssayQuestion>());
        Assert.Equal(3, essay.Rubric.Count);
        Assert.All(essay.Rubric, c => Assert.Equal(["Proficient", "Emergent", "Basic"], c.Levels.Select(l => l.Label)));
        Assert.All(essay.Rubric, c => Assert.Equal(c.Levels.Select(l => l.Points).OrderDescending(), c.Levels.Select(l => l.Points)));
        Assert.All(quiz.Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Explanation));
            Assert.NotEmpty(q.Evidence);
        });
    }

    /// <summary>A key sentence is annotated in the question's category, and every sentence so annotated is in the key.</summary>
    [Fact]
    public void Every_highlight_key_agrees_with_its_articles_annotations()
    {
        foreach (var quiz in Catalog.Quizzes)
        foreach (var question in quiz.Questions.OfType<HighlightQuestion>())
        {
            Assert.NotNull(question.Category);
            var lesson = Catalog.Lessons.Single(l => l.Article?.Slug == question.ArticleSlug);
            var annotated = lesson.Annotations.Where(a => a.Category.Slug == question.Category).SelectMany(a => a.SentenceRefs).ToHashSet();
            Assert.True(annotated.SetEquals(question.KeySentences),
                $"{quiz.Slug}/{question.Id}: key {string.Join(",", question.KeySentences.Order())} but {question.Category} annotations on {string.Join(",", annotated.Order())}");
        }
    }

    [Fact]
    public void Every_ledger_question_agrees_with_its_articles_source_ledger()
    {
        foreach (var quiz in Catalog.Quizzes)
        foreach (var question in quiz.Questions.OfType<LedgerQuestion>())
        {
            var lesson = Catalog.Lessons.Single(l => l.Article?.Slug == question.ArticleSlug);
            foreach (var row in question.Rows)
            {
                var ledger = lesson.Ledger.FirstOrDefault(l => l.SentenceRefs.Contains(row.SentenceRef) && (l.Quote.Contains(row.Quote) || row.Quote.Contains(l.Quote)));
                Assert.True(ledger is not null, $"{quiz.Slug}/{question.Id}: no ledger row for \"{row.Quote}\"");
                Assert.Equal(ledger.Named, row.Named);
                Assert.Equal(ledger.Attribution, row.Attribution);
            }
        }
    }

    [Fact]
    public void Single_choice_keys_name_exactly_one_option_and_multiple_choice_keys_leave_wrong_options()
    {
        foreach (var q in Catalog.Quizzes.SelectMany(q => q.Questions))
        {
            if (q is SingleChoiceQuestion single) Assert.Single(single.Options, o => o.Correct);
            if (q is MultipleChoiceQuestion multiple)
            {
                Assert.Contains(multiple.Options, o => o.Correct);
                Assert.Contains(multiple.Options, o => !o.Correct);
            }
        }
    }

    [Fact]
    public void The_tal_afar_quiz_asks_for_every_sentence_resting_on_an_unnamed_source()
    {
        var highlight = Assert.Single(Catalog.QuizForLesson("tal-afar-offensive")!.Questions.OfType<HighlightQuestion>());
        Assert.Equal("unnamed-source", highlight.Category);
        Assert.Contains("rests on an unnamed source", highlight.Prompt);
        Assert.Equal(["3.1", "4.1", "4.2", "4.3"], highlight.KeySentences);
    }

    [Fact]
    public void The_closing_lesson_links_back_to_every_article()
    {
        var lesson = Catalog.FindLesson("comparing-coverage")!;
        Assert.Null(lesson.Article);
        Assert.Equal(Catalog.Lessons.Max(l => l.Order), lesson.Order);
        foreach (var article in Catalog.Articles)
            Assert.Contains($"href=\"/articles/{article.Slug}#s", lesson.TeachingHtml);
        Assert.Contains("Trace the claim", lesson.TeachingHtml);
    }

    [Fact]
    public void Sentence_links_in_teaching_text_point_at_sentences_that_exist()
    {
        foreach (var lesson in Catalog.Lessons)
        foreach (Match m in Regex.Matches(lesson.TeachingHtml, @"/articles/([a-z-]+)#s(\d+)-(\d+)"))
        {
            var article = Catalog.FindArticle(m.Groups[1].Value);
            Assert.NotNull(article);
            Assert.NotNull(article.FindSentence(int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)));
        }
    }
}
