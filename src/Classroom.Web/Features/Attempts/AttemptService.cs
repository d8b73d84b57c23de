using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Quizzes;
using Microsoft.EntityFrameworkCore;

using Classroom.Web.Features.Shared;

namespace Classroom.Web.Features.Attempts;

/// <summary>The attempt can no longer be changed (submitted, or out of time); the message says why.</summary>
public sealed class AttemptClosedException(string message) : Exception(message);

/// <summary>Starting another attempt is not allowed; the message says why.</summary>
public sealed class AttemptRefusedException(string message) : Exception(message);

public sealed class AttemptService(ClassroomDbContext db, QuizVersions versions, TimeProvider clock)
{
    /// <summary>Saves that arrive this long after the time limit still count: a slow network is not the student's fault.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Attempt?> FindOwnAsync(int id, string studentId) =>
        db.Attempts.Include(a => a.QuizVersion).SingleOrDefaultAsync(a => a.Id == id && a.StudentId == studentId);

    public Task<List<Attempt>> PracticeAttemptsAsync(string studentId, string quizSlug) =>
        db.Attempts.Where(a => a.StudentId == studentId && a.AssignmentId == null && a.QuizVersion!.QuizSlug == quizSlug)
            .OrderBy(a => a.Id).ToListAsync();

    /// <summary>Resumes the student's open practice attempt at this quiz, or starts a new one on the current version.</summary>
    public async Task<Attempt> StartPracticeAsync(string studentId, QuizDefinition quiz)
    {
        var attempts = await PracticeAttemptsAsync(studentId, quiz.Slug);
        var open = attempts.LastOrDefault(a => a.Status == AttemptStatus.InProgress);
        if (open is not null) return open;
        if (quiz.AttemptsAllowed is int allowed && attempts.Count >= allowed)
            throw new AttemptRefusedException($"You have used all {allowed} attempts at this quiz.");

        var version = await versions.CurrentAsync(quiz);
        var now = Now;
        var attempt = new Attempt
        {
            QuizVersionId = version.Id,
            StudentId = studentId,
            Status = AttemptStatus.InProgress,
            StartedAt = now,
            DeadlineAt = quiz.TimeLimitMinutes is int minutes ? now.AddMinutes(minutes) : null,
            MaxScore = quiz.MaxPoints,
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt;
    }

    public Task<List<Attempt>> AssignmentAttemptsAsync(string studentId, int assignmentId) =>
        db.Attempts.Where(a => a.StudentId == studentId && a.AssignmentId == assignmentId).OrderBy(a => a.Id).ToListAsync();

    /// <summary>
    /// Resumes or starts the student's attempt at an assignment, on the version the assignment pinned,
    /// enforcing its dates, its attempts allowed and its late policy.
    /// </summary>
    public async Task<Attempt> StartForAssignmentAsync(string studentId, Assignment assignment, QuizDefinition quiz, string zone)
    {
        var attempts = await AssignmentAttemptsAsync(studentId, assignment.Id);
        var open = attempts.LastOrDefault(a => a.Status == AttemptStatus.InProgress);
        if (open is not null) return open;
        var now = Now;
        var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes);
        if (AssignmentRules.StartRefusal(terms, attempts.Select(Facts).ToList(), now, zone) is { } refusal)
            throw new AttemptRefusedException(refusal);
        var deadline = AssignmentRules.Deadline(terms, now);
        var attempt = new Attempt
        {
            QuizVersionId = assignment.QuizVersionId,
            StudentId = studentId,
            AssignmentId = assignment.Id,
            Status = AttemptStatus.InProgress,
            StartedAt = now,
            DeadlineAt = deadline,
            MaxScore = quiz.MaxPoints,
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt;
    }

    public static AttemptFacts Facts(Attempt a) => new(a.Id, a.Status, a.SubmittedAt, a.Score);

    public bool IsOutOfTime(Attempt attempt) => attempt.DeadlineAt is { } deadline && Now > deadline + Grace;

    public async Task<Dictionary<string, Answer>> AnswersAsync(int attemptId) =>
        (await db.Responses.Where(r => r.AttemptId == attemptId).ToListAsync())
            .ToDictionary(r => r.QuestionId, r => Answer.FromJson(r.AnswerJson));

    public async Task<List<Response>> ResponsesAsync(int attemptId) =>
        await db.Responses.Where(r => r.AttemptId == attemptId).ToListAsync();

    /// <summary>Saves answers to an open attempt. Returns when they were saved.</summary>
    public async Task<DateTime> SaveAsync(Attempt attempt, IReadOnlyDictionary<string, Answer> answers)
    {
        if (IsOutOfTime(attempt))
            throw new AttemptClosedException("Time is up for this attempt, so answers can no longer be changed. Everything saved before the time limit is kept.");
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The status check takes the write lock first, so a save can never land after a submit.
        var open = await db.Attempts.Where(a => a.Id == attempt.Id && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSavedAt, now));
        if (open == 0)
            throw new AttemptClosedException("This attempt has been submitted, so it can no longer be changed.");
        await WriteAnswersAsync(attempt.Id, answers, now);
        await transaction.CommitAsync();
        return now;
    }

    /// <summary>
    /// Submits once. The first submit wins and scores the attempt; any other (a double click, a second
    /// tab, a parallel request) finds it submitted and changes nothing. Returns whether this call submitted.
    /// </summary>
    public async Task<bool> SubmitAsync(Attempt attempt, QuizDefinition quiz, IReadOnlyDictionary<string, Answer> answers)
    {
        var now = Now;
        var outOfTime = IsOutOfTime(attempt);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.Attempts.Where(a => a.Id == attempt.Id && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, now).SetProperty(a => a.Status, AttemptStatus.NeedsGrading));
        if (claimed == 0) return false;
        // Answers sent with a late submit are not taken: what was saved in time counts.
        if (!outOfTime) await WriteAnswersAsync(attempt.Id, answers, now);

        var responses = await db.Responses.Where(r => r.AttemptId == attempt.Id).ToDictionaryAsync(r => r.QuestionId);
        foreach (var question in quiz.Questions)
        {
            if (!responses.TryGetValue(question.Id, out var response))
            {
                response = new Response { AttemptId = attempt.Id, QuestionId = question.Id, AnswerJson = Answer.Empty.ToJson(), SavedAt = now };
                db.Responses.Add(response);
                responses[question.Id] = response;
            }
            var score = question.Score(Answer.FromJson(response.AnswerJson));
            response.AutoPoints = score.Points;
            response.AutoMarksJson = score.MarksJson();
            response.NeedsGrading = score.NeedsInstructor;
            response.Points = score.NeedsInstructor ? null : score.Points;
            response.Stamp = Guid.NewGuid().ToString("N");
        }
        attempt.SubmittedAt = now;
        (attempt.Score, attempt.Status) = AttemptScore.Of(responses.Values);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    private async Task WriteAnswersAsync(int attemptId, IReadOnlyDictionary<string, Answer> answers, DateTime now)
    {
        if (answers.Count == 0) return;
        var ids = answers.Keys.ToList();
        var existing = await db.Responses.Where(r => r.AttemptId == attemptId && ids.Contains(r.QuestionId)).ToDictionaryAsync(r => r.QuestionId);
        foreach (var (questionId, answer) in answers)
        {
            var json = answer.ToJson();
            if (existing.TryGetValue(questionId, out var response))
            {
                response.AnswerJson = json;
                response.SavedAt = now;
            }
            else db.Responses.Add(new Response { AttemptId = attemptId, QuestionId = questionId, AnswerJson = json, SavedAt = now });
        }
        await db.SaveChangesAsync();
    }
}
