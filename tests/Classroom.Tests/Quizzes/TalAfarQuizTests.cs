using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;

namespace Classroom.Tests.Quizzes;

public class TalAfarQuizTests
{
    private static readonly CourseCatalog Catalog = ContentLoader.Load(Paths.Content);
    private static QuizDefinition Quiz => Catalog.QuizForLesson("tal-afar-offensive")!;

    [Fact]
    public void The_quiz_has_at_least_eight_questions_of_at_least_five_types()
    {
        Assert.True(Quiz.Questions.Count >= 8, $"{Quiz.Questions.Count} questions");
        Assert.True(Quiz.Questions.Select(q => q.Type).Distinct().Count() >= 5);
        Assert.All(Quiz.Questions, q => Assert.NotEmpty(q.Evidence));
        Assert.All(Quiz.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Explanation)));
    }

    [Fact]
    public void It_has_an_unnamed_source_highlight_a_source_ledger_and_an_essay_with_a_three_criterion_rubric()
    {
        var highlight = Assert.Single(Quiz.Questions, q => q.Type == QuestionTypes.Highlight);
        Assert.Equal("unnamed-source", highlight.Category);
        Assert.Contains("unnamed", highlight.Prompt);
        Assert.Contains(Quiz.Questions, q => q.Type == QuestionTypes.SourceLedger);
        var essay = Assert.Single(Quiz.Questions, q => q.Type == QuestionTypes.Essay);
        Assert.Equal(3, essay.Rubric.Count);
        Assert.All(essay.Rubric, c => Assert.Equal(["Proficient", "Emergent", "Basic"], c.Levels.Select(l => l.Label)));
    }

    /// <summary>A key sentence is annotated in the question's category, and every sentence so annotated is in the key.</summary>
    [Fact]
    public void The_highlight_key_agrees_with_the_lessons_annotations()
    {
        var lesson = Catalog.FindLesson("tal-afar-offensive")!;
        foreach (var question in Quiz.Questions.Where(q => q.Type == QuestionTypes.Highlight && q.Category is not null))
        {
            var annotated = lesson.Annotations.Where(a => a.Category.Slug == question.Category)
                .SelectMany(a => a.SentenceRefs).ToHashSet();
            Assert.Equal(annotated.Order(), question.KeySentences.Order());
        }
    }

    [Fact]
    public void Ledger_keys_agree_with_the_lessons_source_ledger()
    {
        var lesson = Catalog.FindLesson("tal-afar-offensive")!;
        foreach (var row in Quiz.Questions.Where(q => q.Type == QuestionTypes.SourceLedger).SelectMany(q => q.Rows))
        {
            var ledger = lesson.Ledger.Single(l => l.SentenceRefs.Contains(row.SentenceRef) && (l.Quote.Contains(row.Quote) || row.Quote.Contains(l.Quote)));
            Assert.Equal(ledger.Named, row.Named);
            Assert.Equal(ledger.Attribution, row.Attribution);
        }
    }

    [Fact]
    public void Every_choice_key_names_an_option_and_single_choice_has_exactly_one()
    {
        foreach (var q in Quiz.Questions.Where(q => q.Type is QuestionTypes.SingleChoice or QuestionTypes.MultipleChoice))
        {
            Assert.Contains(q.Options, o => o.Correct);
            if (q.Type == QuestionTypes.SingleChoice) Assert.Single(q.Options, o => o.Correct);
        }
    }
}
