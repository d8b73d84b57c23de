using System.Security.Claims;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Classes;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Grading;

/// <summary>What an instructor sends for one response. <see cref="Stamp"/> is the version they were looking at.</summary>
public sealed record GradeInput(IReadOnlyList<int>? Levels, decimal? Points, string? Feedback, string? Reason, string? Stamp);

public enum GradeOutcome { Saved, NotFound, Invalid, Conflict }

public sealed record GradeResult(GradeOutcome Outcome, string Message, decimal? CurrentPoints = null, string? CurrentFeedback = null, string? CurrentStamp = null);

public sealed class GradingService(ClassroomDbContext db, ClassAccess access, QuizVersions versions, TimeProvider clock)
{
    public const int MaxFeedbackLength = 10_000;

    public async Task<GradeResult> GradeAsync(int responseId, ClaimsPrincipal user, GradeInput input)
    {
        var row = await (from r in db.Responses
                         join a in db.Attempts on r.AttemptId equals a.Id
                         join asg in db.Assignments on a.AssignmentId equals asg.Id
                         where r.Id == responseId
                         select new { Response = r, Attempt = a, asg.ClassId }).SingleOrDefaultAsync();
        if (row is null || !await access.TeachesAsync(row.ClassId, user))
            return new(GradeOutcome.NotFound, "There is no such response in your classes.");
        if (!row.Attempt.IsSubmitted)
            return new(GradeOutcome.Invalid, "This attempt has not been submitted yet, so it cannot be graded.");
        if (row.Attempt.ReturnedAt is not null)
            return new(GradeOutcome.Invalid, "This attempt was returned for resubmission, so it is not graded.");

        var quiz = await versions.DefinitionAsync(row.Attempt.QuizVersionId);
        var question = quiz.Find(row.Response.QuestionId)!;
        var response = row.Response;

        if (input.Feedback is { Length: > MaxFeedbackLength })
            return new(GradeOutcome.Invalid, $"Feedback may be at most {MaxFeedbackLength:N0} characters.");
        if (input.Reason is { Length: > 1_000 })
            return new(GradeOutcome.Invalid, "A reason may be at most 1,000 characters.");

        decimal points;
        string? rubricJson = null;
        var rubric = question.GradingRubric;
        var levelsValid = input.Levels is { } chosen && rubric.Count > 0 && chosen.Count == rubric.Count
                          && chosen.Select((l, i) => l >= 0 && l < rubric[i].Levels.Count).All(ok => ok);
        if (input.Points is { } given)
        {
            // Typed points count on any question, with or without a rubric; complete rubric levels are kept beside them.
            if (given < 0 || given > question.Points)
                return new(GradeOutcome.Invalid, $"Points must be between 0 and {question.Points:0.##}; {given:0.##} is out of range.");
            if (Scoring.Round(given) != given)
                return new(GradeOutcome.Invalid, "Points may have at most two decimal places (for example 2.5 or 2.75).");
            points = given;
            if (levelsValid) rubricJson = RubricScoring.ToJson(input.Levels!);
        }
        else if (input.Levels is { } levels && rubric.Count > 0)
        {
            if (!levelsValid)
                return new(GradeOutcome.Invalid, $"Choose one level for each of the {rubric.Count} criteria, or type the points.");
            points = RubricScoring.Points(rubric, levels);
            rubricJson = RubricScoring.ToJson(levels);
        }
        else
        {
            return new(GradeOutcome.Invalid, rubric.Count > 0
                ? $"Choose one level for each of the {rubric.Count} criteria, or type the points."
                : "Enter the points for this answer.");
        }

        var automatic = !question.NeedsInstructor;
        if (automatic && points != response.AutoPoints && string.IsNullOrWhiteSpace(input.Reason))
            return new(GradeOutcome.Invalid, "Give a reason for changing an automatic score. It is kept in the grading history, which you and the class's other instructors see; the student does not.");

        var old = response.Points;
        // Optimistic concurrency: the save only lands if nobody changed the response since this grader loaded it.
        db.Entry(response).Property(r => r.Stamp).OriginalValue = string.IsNullOrEmpty(input.Stamp) ? null : input.Stamp;
        response.Points = points;
        response.Feedback = string.IsNullOrWhiteSpace(input.Feedback) ? null : input.Feedback.Trim();
        response.RubricJson = rubricJson;
        response.NeedsGrading = false;
        response.Stamp = Guid.NewGuid().ToString("N");
        if (old != points)
        {
            db.ScoreChanges.Add(new ScoreChange
            {
                ResponseId = response.Id,
                ChangedById = user.Id()!,
                ChangedAt = clock.GetUtcNow().UtcDateTime,
                OldPoints = old,
                NewPoints = points,
                Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            });
        }
        // The response and its attempt's score change together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var current = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == responseId);
            // The same grade saved twice (a double click, two tabs): it is saved, nothing to report.
            if (!current.NeedsGrading && current.Points == points && current.RubricJson == rubricJson
                && (current.Feedback ?? "") == (string.IsNullOrWhiteSpace(input.Feedback) ? "" : input.Feedback.Trim()))
                return new(GradeOutcome.Saved, $"Saved: {points:0.##} of {question.Points:0.##} points.", points, current.Feedback, current.Stamp);
            return new(GradeOutcome.Conflict,
                $"Someone else changed this response while you were grading it. It now has {(current.Points is decimal p ? $"{p:0.##} points" : "no points")}. Your change was not saved: look at theirs, then save again if yours should replace it.",
                current.Points, current.Feedback, current.Stamp);
        }
        await AttemptScore.RecomputeAsync(db, row.Attempt.Id);
        await transaction.CommitAsync();
        return new(GradeOutcome.Saved, $"Saved: {points:0.##} of {question.Points:0.##} points.", points, response.Feedback, response.Stamp);
    }

    /// <summary>A blank answer to a question a teacher grades: 0 points (and "No evidence" on each rubric criterion that has a 0 level).</summary>
    public async Task<GradeResult> GradeBlankAsync(int responseId, ClaimsPrincipal user, string? stamp)
    {
        var row = await (from r in db.Responses
                         join a in db.Attempts on r.AttemptId equals a.Id
                         join asg in db.Assignments on a.AssignmentId equals asg.Id
                         where r.Id == responseId
                         select new { r.AnswerJson, r.Feedback, r.QuestionId, a.QuizVersionId, asg.ClassId }).SingleOrDefaultAsync();
        if (row is null || !await access.TeachesAsync(row.ClassId, user))
            return new(GradeOutcome.NotFound, "There is no such response in your classes.");
        if (!Answer.FromJson(row.AnswerJson).IsEmpty)
            return new(GradeOutcome.Invalid, "This answer is not blank, so it was not given 0: grade it with the rubric or type the points.");
        var question = (await versions.DefinitionAsync(row.QuizVersionId)).Find(row.QuestionId)!;
        var zeros = question.GradingRubric.Select(c => c.Levels.ToList().FindIndex(l => l.Points == 0)).ToList();
        var levels = zeros.Count > 0 && zeros.All(i => i >= 0) ? zeros : null;
        var result = await GradeAsync(responseId, user, new GradeInput(levels, levels is null ? 0m : null, row.Feedback, "blank answer", stamp));
        return result.Outcome == GradeOutcome.Saved ? result with { Message = "Saved: 0 points for a blank answer." } : result;
    }

    public async Task<List<HistoryEntry>> HistoryAsync(IReadOnlyCollection<int> responseIds) =>
        await db.ScoreChanges.Where(c => responseIds.Contains(c.ResponseId))
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .Select(c => new HistoryEntry(c.ResponseId, c.ChangedBy!.DisplayName, c.ChangedAt, c.OldPoints, c.NewPoints, c.Reason))
            .ToListAsync();
}

public sealed record HistoryEntry(int ResponseId, string Who, DateTime When, decimal? Old, decimal? New, string? Reason);
