using Classroom.Web.Content;

namespace Classroom.Tests.Quizzes;

/// <summary>Each fault in a quiz file stops loading with a message naming the file, the line and the fault.</summary>
public class QuizValidationTests
{
    private static readonly Dictionary<string, Lesson> Lessons = Build();

    private static Dictionary<string, Lesson> Build()
    {
        var paragraphs = ContentLoader.ParseParagraphs("Officials have claimed the town was taken.\n\n\"It was quick,\" a source said. Then it rained.");
        var article = new Article("small", "t", "Small", "o", "d", "b", "p", "s", paragraphs);
        var other = new Article("other", "t", "Other", "o", "d", "b", "p", "s", ContentLoader.ParseParagraphs("Experts note a change."));
        return new()
        {
            ["small-lesson"] = new Lesson("small-lesson", "L", 1, "S", article, ["o"], "", ["g"], [], []),
            ["other-lesson"] = new Lesson("other-lesson", "L", 2, "S", other, ["o"], "", ["g"], [], []),
            ["closing"] = new Lesson("closing", "L", 3, "S", null, ["o"], "", ["g"], [], []),
        };
    }

    private static string Quiz(string question) => $"""
        title: "Quiz"
        lesson: small-lesson
        questions:
        {question}
        """;

    private const string Good = """
          - id: q1
            type: single-choice
            points: 1
            prompt: "Who?"
            options:
              - id: a
                text: "A source"
              - id: b
                text: "Officials"
            answer: a
            explanation: "Because."
            evidence:
              - "a source said"
        """;

    private static ContentException Fails(string yaml) =>
        Assert.Throws<ContentException>(() => QuizLoader.Load("content/quizzes/small.yml", yaml, "small", Lessons));

    [Fact]
    public void A_good_quiz_loads_with_its_evidence_located()
    {
        var quiz = QuizLoader.Load("content/quizzes/small.yml", Quiz(Good), "small", Lessons);
        Assert.Equal("2.1", quiz.Questions[0].Evidence[0].SentenceRef);
        Assert.Equal(1, quiz.MaxPoints);
    }

    [Fact]
    public void Unknown_type()
    {
        var e = Fails(Quiz(Good.Replace("single-choice", "matching")));
        Assert.Equal("content/quizzes/small.yml, line 5: unknown question type 'matching' (known: single-choice, multiple-choice, true-false, highlight, source-ledger, short-answer, essay)", e.Message);
    }

    [Fact]
    public void A_key_that_names_no_option()
    {
        var e = Fails(Quiz(Good.Replace("answer: a", "answer: z")));
        Assert.Contains("the answer key names 'z', which is not an option of question 'q1'", e.Fault);
        Assert.Equal(13, e.Line);
    }

    [Fact]
    public void An_evidence_quote_not_in_the_article()
    {
        var e = Fails(Quiz(Good.Replace("- \"a source said\"", "- \"a soldier said\"")));
        Assert.Contains("evidence quote not found in article 'small'", e.Fault);
        Assert.Equal(16, e.Line);
    }

    [Fact]
    public void A_highlight_key_sentence_that_does_not_exist()
    {
        var e = Fails(Quiz("""
              - id: h
                type: highlight
                points: 2
                prompt: "Mark the unnamed sources."
                answer: ["2.1", "7.3"]
                explanation: "Because."
                evidence: ["a source said"]
            """));
        Assert.Contains("highlight key sentence '7.3' does not exist in article 'small'", e.Fault);
        Assert.Equal(8, e.Line);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Points_of_zero_or_less(string points)
    {
        var e = Fails(Quiz(Good.Replace("points: 1", $"points: {points}")));
        Assert.Contains($"points must be more than 0, not {points}", e.Fault);
        Assert.Equal(6, e.Line);
    }

    [Fact]
    public void Rubric_levels_missing()
    {
        var e = Fails(Quiz("""
              - id: e
                type: essay
                points: 3
                prompt: "Discuss."
                model_answer: "An answer."
                rubric:
                  - criterion: "Evidence"
                explanation: "Because."
                evidence: ["a source said"]
            """));
        Assert.Contains("missing required field 'levels'", e.Fault);
        Assert.Equal(10, e.Line);
    }

    [Fact]
    public void A_rubric_that_does_not_add_up_to_the_points()
    {
        var e = Fails(Quiz("""
              - id: e
                type: essay
                points: 5
                prompt: "Discuss."
                model_answer: "An answer."
                rubric:
                  - criterion: "Evidence"
                    levels:
                      - { label: Proficient, points: 3, description: "Quotes." }
                      - { label: Basic, points: 1, description: "Does not." }
                explanation: "Because."
                evidence: ["a source said"]
            """));
        Assert.Contains("the rubric's top levels add up to 3 points, but the question is worth 5", e.Fault);
    }

    [Fact]
    public void Duplicate_question_ids()
    {
        var e = Fails(Quiz(Good + "\n" + Good));
        Assert.Contains("duplicate question id 'q1'", e.Fault);
        Assert.Equal(17, e.Line);
    }

    [Fact]
    public void A_lesson_without_an_article_needs_each_question_to_name_one()
    {
        var e = Fails(Quiz(Good).Replace("lesson: small-lesson", "lesson: closing"));
        Assert.Contains("lesson 'closing' has no article: question 'q1' must name one with 'article'", e.Fault);

        var quiz = QuizLoader.Load("content/quizzes/closing.yml", Quiz(Good.Replace("  - id: q1\n", "  - id: q1\n    article: small\n")).Replace("lesson: small-lesson", "lesson: closing"), "closing", Lessons);
        Assert.Equal("small", quiz.Questions[0].ArticleSlug);
        Assert.Null(quiz.ArticleSlug);
    }

    [Fact]
    public void Evidence_may_quote_another_article_by_name()
    {
        var quiz = QuizLoader.Load("content/quizzes/small.yml",
            Quiz(Good.Replace("      - \"a source said\"", "      - \"a source said\"\n      - article: other\n        quote: \"Experts note\"")), "small", Lessons);
        var evidence = quiz.Questions[0].Evidence;
        Assert.Equal(2, evidence.Count);
        Assert.Equal("other", evidence[1].ArticleSlug);
        Assert.Equal("1.1", evidence[1].SentenceRef);

        var e = Fails(Quiz(Good.Replace("      - \"a source said\"", "      - article: other\n        quote: \"a source said\"")));
        Assert.Contains("evidence quote not found in article 'other'", e.Fault);
    }

    [Fact]
    public void An_unknown_lesson()
    {
        var e = Fails(Quiz(Good).Replace("lesson: small-lesson", "lesson: nowhere"));
        Assert.Equal("content/quizzes/small.yml, line 2: unknown lesson slug 'nowhere'", e.Message);
    }
}
