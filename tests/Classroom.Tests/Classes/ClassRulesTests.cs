using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Assignments;
using Classroom.Web.Features.Classes;

using Classroom.Web.Features.Shared;

namespace Classroom.Tests.Classes;

public class JoinCodeTests
{
    [Fact]
    public void New_codes_are_eight_unambiguous_characters_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => JoinCodes.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L']) >= 0);
    }

    [Theory]
    [InlineData("abcd-ef23", "ABCDEF23")]
    [InlineData("  ABCD EF23 ", "ABCDEF23")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void What_a_student_types_is_normalised(string? typed, string expected) => Assert.Equal(expected, JoinCodes.Normalize(typed));

    [Fact]
    public void Codes_are_shown_in_two_groups() => Assert.Equal("ABCD-EF23", JoinCodes.Display("ABCDEF23"));
}

public class ClassTimeTests
{
    [Fact]
    public void A_due_time_typed_in_New_York_is_stored_in_UTC_across_daylight_saving()
    {
        Assert.Equal(new DateTime(2026, 1, 15, 4, 59, 0), ClassTime.ToUtc(new DateTime(2026, 1, 14, 23, 59, 0), "America/New_York"));
        Assert.Equal(new DateTime(2026, 7, 15, 3, 59, 0), ClassTime.ToUtc(new DateTime(2026, 7, 14, 23, 59, 0), "America/New_York"));
        Assert.Equal(new DateTime(2026, 7, 14, 23, 59, 0), ClassTime.ToLocal(new DateTime(2026, 7, 15, 3, 59, 0), "America/New_York"));
    }

    [Fact]
    public void A_time_skipped_by_the_clock_change_moves_forward_instead_of_failing()
    {
        // 2:30 on 8 March 2026 does not exist in New York.
        Assert.Equal(new DateTime(2026, 3, 8, 7, 30, 0), ClassTime.ToUtc(new DateTime(2026, 3, 8, 2, 30, 0), "America/New_York"));
    }

    [Fact]
    public void Dates_are_shown_with_their_zone() =>
        Assert.Equal("Wed 14 Jan 2026, 23:59 (America/New_York)", ClassTime.Format(new DateTime(2026, 1, 15, 4, 59, 0), "America/New_York"));
}

public class AssignmentRulesTests
{
    private static readonly DateTime Opens = new(2026, 3, 1, 8, 0, 0);
    private static readonly DateTime Due = new(2026, 3, 8, 23, 59, 0);

    private static Assignment Make(LatePolicy late = LatePolicy.AcceptAndMarkLate, ReviewPolicy review = ReviewPolicy.ScoreOnly, DateTime? released = null) =>
        new() { OpensAt = Opens, DueAt = Due, LatePolicy = late, ReviewPolicy = review, ReleasedAt = released };

    private static AttemptFacts Submitted(AttemptStatus status = AttemptStatus.Graded, decimal score = 5, int id = 1, DateTime? at = null) =>
        new(id, status, at ?? Due.AddDays(-1), score);

    private static StudentStatus Status(Assignment a, IReadOnlyList<AttemptFacts> attempts, DateTime now, StudentExceptions? ex = null) =>
        AssignmentRules.StatusFor(a, StudentTerms.Of(a, null, ex), attempts, now);

    [Fact]
    public void Status_follows_the_dates_the_attempts_and_release()
    {
        Assert.Equal(StudentStatus.NotOpenYet, Status(Make(), [], Opens.AddMinutes(-1)));
        Assert.Equal(StudentStatus.Open, Status(Make(), [], Opens.AddMinutes(1)));
        Assert.Equal(StudentStatus.Open, Status(Make(LatePolicy.AcceptAndMarkLate), [], Due.AddDays(1)));
        Assert.Equal(StudentStatus.Missed, Status(Make(LatePolicy.Refuse), [], Due.AddDays(1)));
        Assert.Equal(StudentStatus.InProgress, Status(Make(), [new(1, AttemptStatus.InProgress, null, null)], Opens.AddDays(1)));
        Assert.Equal(StudentStatus.NeedsGrading, Status(Make(), [Submitted(AttemptStatus.NeedsGrading)], Opens.AddDays(1)));
        Assert.Equal(StudentStatus.Graded, Status(Make(), [Submitted()], Opens.AddDays(1)));
        Assert.Equal(StudentStatus.Submitted, Status(Make(review: ReviewPolicy.NothingUntilRelease), [Submitted()], Opens.AddDays(1)));
        Assert.Equal(StudentStatus.Released, Status(Make(released: Due), [Submitted(AttemptStatus.NeedsGrading)], Due.AddDays(1)));
    }

    [Fact]
    public void Work_submitted_after_the_due_time_is_late()
    {
        Assert.True(AssignmentRules.IsLate(StudentTerms.Of(Make(), null), Due.AddSeconds(1)));
        Assert.False(AssignmentRules.IsLate(StudentTerms.Of(Make(), null), Due));
        Assert.False(AssignmentRules.IsLate(StudentTerms.Of(Make(), null), null));
    }

    [Fact]
    public void The_highest_score_counts_then_the_latest()
    {
        var counting = AssignmentRules.Counting([Submitted(score: 4, id: 1), Submitted(score: 7, id: 2), Submitted(score: 7, id: 3, at: Due), new(4, AttemptStatus.InProgress, null, null)]);
        Assert.Equal(3, counting?.Id);
        Assert.Null(AssignmentRules.Counting([new(4, AttemptStatus.InProgress, null, null)]));
    }

    [Theory]
    [InlineData(ReviewPolicy.NothingUntilRelease, false, false, false, false)]
    [InlineData(ReviewPolicy.NothingUntilRelease, true, true, true, true)]
    [InlineData(ReviewPolicy.ScoreOnly, false, true, false, false)]
    [InlineData(ReviewPolicy.ScoreOnly, true, true, false, true)]
    [InlineData(ReviewPolicy.ScoreAndKeys, false, true, true, false)]
    [InlineData(ReviewPolicy.ScoreAndKeys, true, true, true, true)]
    public void What_a_student_may_see_follows_the_review_policy_and_release(ReviewPolicy policy, bool released, bool score, bool keys, bool grading)
    {
        Assert.Equal((score, keys, grading), AssignmentRules.Visible(Make(review: policy, released: released ? Due : null)));
    }
}
