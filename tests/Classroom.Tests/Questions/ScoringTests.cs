using Classroom.Web.Content;
using Classroom.Web.Content.Questions;

namespace Classroom.Tests.Questions;

public class ScoringTests
{
    private static Question Make(string type, decimal points, IReadOnlyList<Option>? options = null, bool? tf = null,
        IReadOnlyList<string>? key = null, IReadOnlyList<LedgerQuestionRow>? rows = null, IReadOnlyList<string>? accepted = null) => type switch
        {
            QuestionKinds.SingleChoiceSlug => new SingleChoiceQuestion { Id = "q", Points = points, Options = options ?? [] },
            QuestionKinds.MultipleChoiceSlug => new MultipleChoiceQuestion { Id = "q", Points = points, Options = options ?? [] },
            QuestionKinds.TrueFalseSlug => new TrueFalseQuestion { Id = "q", Points = points, CorrectAnswer = tf ?? true },
            QuestionKinds.HighlightSlug => new HighlightQuestion { Id = "q", Points = points, KeySentences = key ?? [] },
            QuestionKinds.LedgerSlug => new LedgerQuestion { Id = "q", Points = points, Rows = rows ?? [] },
            QuestionKinds.ShortAnswerSlug => new ShortAnswerQuestion { Id = "q", Points = points, AcceptedAnswers = accepted ?? [], ModelAnswer = "model", MaxLength = 1000 },
            QuestionKinds.EssaySlug => new EssayQuestion { Id = "q", Points = points, ModelAnswer = "model", MaxLength = 1000 },
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a question type"),
        };

    private static readonly IReadOnlyList<Option> FourOptions =
        [new("a", "A", true), new("b", "B", true), new("c", "C", false), new("d", "D", false)];

    [Theory]
    [InlineData(new[] { "a" }, 2)]
    [InlineData(new[] { "c" }, 0)]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "a", "c" }, 0)] // two picks on a one-answer question is not a right answer
    public void Single_choice_scores_all_or_nothing(string[] picks, decimal expected)
    {
        var q = Make(QuestionKinds.SingleChoiceSlug, 2, [new("a", "A", true), new("c", "C", false)]);
        Assert.Equal(expected, (q).Score(new Answer { Choices = picks }).Points);
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, 3)]          // every right pick
    [InlineData(new[] { "a" }, 1.5)]             // half the right picks
    [InlineData(new[] { "a", "b", "c" }, 1.5)]   // 2 right - 1 wrong = 1 of 2
    [InlineData(new[] { "a", "c" }, 0)]          // 1 right - 1 wrong = 0
    [InlineData(new[] { "c", "d" }, 0)]          // all wrong: floored at 0, never negative
    [InlineData(new[] { "a", "b", "c", "d" }, 0)] // everything ticked earns nothing
    [InlineData(new string[0], 0)]               // empty
    public void Multiple_choice_is_right_picks_minus_wrong_picks_floored_at_zero(string[] picks, decimal expected)
    {
        var q = Make(QuestionKinds.MultipleChoiceSlug, 3, FourOptions);
        Assert.Equal(expected, (q).Score(new Answer { Choices = picks }).Points);
    }

    [Fact]
    public void Multiple_choice_partial_credit_is_rounded_to_two_decimals_half_away_from_zero()
    {
        var q = Make(QuestionKinds.MultipleChoiceSlug, 2, [new("a", "A", true), new("b", "B", true), new("c", "C", true), new("d", "D", false)]);
        Assert.Equal(0.67m, (q).Score(new Answer { Choices = ["a"] }).Points);
        Assert.Equal(1.33m, (q).Score(new Answer { Choices = ["a", "b"] }).Points);
        Assert.Equal(0.01m, Scoring.Round(0.005m));
    }

    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(false, true, 0)]
    [InlineData(null, true, 0)]
    [InlineData(false, false, 1)]
    public void True_false_scores_the_matching_answer(bool? given, bool key, decimal expected)
    {
        Assert.Equal(expected, (Make(QuestionKinds.TrueFalseSlug, 1, tf: key)).Score(new Answer { TrueFalse = given }).Points);
    }

    [Theory]
    [InlineData(new[] { "3.1", "4.1", "4.2", "4.3" }, 4)]
    [InlineData(new[] { "4.1", "4.2" }, 2)]
    [InlineData(new[] { "4.1", "4.2", "9.1" }, 1)]
    [InlineData(new[] { "1.1", "2.1" }, 0)]
    [InlineData(new[] { "4.1", "1.1", "2.1" }, 0)]
    [InlineData(new string[0], 0)]
    public void Highlight_is_hits_minus_false_marks_floored_at_zero(string[] marks, decimal expected)
    {
        var q = Make(QuestionKinds.HighlightSlug, 4, key: ["3.1", "4.1", "4.2", "4.3"]);
        var score = (q).Score(new Answer { Sentences = marks });
        Assert.Equal(expected, score.Points);
        Assert.False(score.NeedsInstructor);
    }

    [Fact]
    public void Highlight_reports_which_marks_hit_and_which_were_false()
    {
        var q = Make(QuestionKinds.HighlightSlug, 3, key: ["1.1", "2.1", "3.1"]);
        var score = (q).Score(new Answer { Sentences = ["1.1", "5.1"] });
        Assert.Equal(["1.1"], score.Correct);
        Assert.Equal(["5.1"], score.Wrong);
        Assert.Equal(0, score.Points);
    }

    [Theory]
    [InlineData("reportedly", 1)]
    [InlineData("  Reportedly! ", 1)]
    [InlineData("\"REPORTEDLY.\"", 1)]
    [InlineData("report", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Short_answer_matches_accepted_answers_ignoring_case_spaces_and_punctuation(string? text, decimal expected)
    {
        var q = Make(QuestionKinds.ShortAnswerSlug, 1, accepted: ["reportedly"]);
        var score = (q).Score(new Answer { Text = text });
        Assert.Equal(expected, score.Points);
        Assert.False(score.NeedsInstructor);
    }

    [Fact]
    public void Short_answer_without_a_closed_key_goes_to_the_instructor()
    {
        var score = (Make(QuestionKinds.ShortAnswerSlug, 2)).Score(new Answer { Text = "Because nobody can check them." });
        Assert.True(score.NeedsInstructor);
        Assert.Equal(0, score.Points);
    }

    [Fact]
    public void Essays_always_go_to_the_instructor()
    {
        var score = (Make(QuestionKinds.EssaySlug, 9)).Score(new Answer { Text = "A long essay." });
        Assert.True(score.NeedsInstructor);
    }

    private static readonly IReadOnlyList<LedgerQuestionRow> ClosedRows =
    [
        new("several military sources claim", "4.1", ["military sources", "several military sources"], "military sources", false, "according to"),
        new("Jones stated", "8.1", ["Rupert Jones", "Jones"], "Rupert Jones", true, "direct quote"),
    ];

    [Fact]
    public void Ledger_with_closed_keys_scores_every_part_automatically()
    {
        var q = Make(QuestionKinds.LedgerSlug, 6, rows: ClosedRows);
        var full = new Answer { Rows = [new("Military sources.", false, "according to"), new("rupert jones", true, "direct quote")] };
        Assert.Equal(6, (q).Score(full).Points);
        var half = new Answer { Rows = [new("the army", false, "paraphrase"), new("Jones", false, "direct quote")] };
        Assert.Equal(3, (q).Score(half).Points); // named (row 1), source and attribution (row 2)
        Assert.Equal(0, (q).Score(Answer.Empty).Points);
        Assert.False((q).Score(full).NeedsInstructor);
    }

    [Fact]
    public void Ledger_with_an_open_source_scores_the_closed_parts_and_waits_for_the_instructor()
    {
        var q = Make(QuestionKinds.LedgerSlug, 4, rows: [new("Jones stated", "8.1", [], "Rupert Jones", true, "direct quote")]);
        var score = (q).Score(new Answer { Rows = [new("Jones", true, "direct quote")] });
        Assert.True(score.NeedsInstructor);
        Assert.Equal(2.67m, score.Points); // 2 of 3 parts closed and right: 4 × 2/3, rounded
    }

    [Theory]
    [InlineData("U.S.-led", "u s led")]
    [InlineData("  Several   Military\tsources ", "several military sources")]
    [InlineData("“Rupert Jones”", "rupert jones")]
    public void Normalising_removes_case_spacing_and_punctuation(string text, string expected)
    {
        Assert.Equal(expected, Scoring.Normalize(text));
    }
}
