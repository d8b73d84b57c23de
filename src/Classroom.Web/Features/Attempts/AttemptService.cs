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

    /// <summary>
    /// The student's own attempt: practice, or an assignment of a class they are still in (a student removed from
    /// the class no longer reaches its work). The quiz itself comes from the version cache, not this row.
    /// </summary>
    public Task<Attempt?> FindOwnAsync(int id, string studentId) => Own(id, studentId).SingleOrDefaultAsync();

    /// <summary>The student's own attempt and, for an assignment, its class's time zone: one query for the attempt page.</summary>
    public async Task<(Attempt Attempt, string? AssignmentZone)?> FindOwnWithZoneAsync(int id, string studentId) =>
        await OwnWithZone(db, id, studentId) is { } row ? (row.Attempt, row.Zone) : null;

    private sealed record AttemptWithZone(Attempt Attempt, string? Zone);

    // Compiled once (the attempt page and autosave run these on every request): EF skips translating the
    // expression and looking up its cache each time. One provider per process, so one compiled form.
    private static readonly Func<ClassroomDbContext, int, string, Task<AttemptWithZone?>> OwnWithZone =
        EF.CompileAsyncQuery((ClassroomDbContext db, int id, string studentId) =>
            db.Attempts.Where(a => a.Id == id && a.StudentId == studentId
                    && (a.AssignmentId == null || db.Assignments.Any(x => x.Id == a.AssignmentId && x.Class!.Enrollments.Any(e => e.StudentId == studentId && e.RemovedAt == null))))
                .Select(a => new AttemptWithZone(a, db.Assignments.Where(x => x.Id == a.AssignmentId).Select(x => x.Class!.TimeZone).FirstOrDefault()))
                .SingleOrDefault());

    private sealed record SavedAnswer(string QuestionId, string AnswerJson);

    private static readonly Func<ClassroomDbContext, int, IAsyncEnumerable<SavedAnswer>> SavedAnswers =
        EF.CompileAsyncQuery((ClassroomDbContext db, int attemptId) =>
            db.Responses.AsNoTracking().Where(r => r.AttemptId == attemptId).Select(r => new SavedAnswer(r.QuestionId, r.AnswerJson)));

    private IQueryable<Attempt> Own(int id, string studentId) =>
        db.Attempts.Where(a => a.Id == id && a.StudentId == studentId
            && (a.AssignmentId == null || db.Assignments.Any(x => x.Id == a.AssignmentId && x.Class!.Enrollments.Any(e => e.StudentId == studentId && e.RemovedAt == null))));

    public Task<List<Attempt>> PracticeAttemptsAsync(string studentId, string quizSlug) => InScopeAsync(studentId, Attempt.PracticeScope(quizSlug));

    public Task<List<Attempt>> AssignmentAttemptsAsync(string studentId, int assignmentId) => InScopeAsync(studentId, Attempt.AssignmentScope(assignmentId));

    private Task<List<Attempt>> InScopeAsync(string studentId, string scope) =>
        db.Attempts.Where(a => a.StudentId == studentId && a.Scope == scope).OrderBy(a => a.Number).ThenBy(a => a.Id).ToListAsync();

    /// <summary>Resumes the student's open practice attempt at this quiz, or starts a new one on the current version.</summary>
    public Task<Attempt> StartPracticeAsync(string studentId, QuizDefinition quiz) =>
        StartAsync(studentId, Attempt.PracticeScope(quiz.Slug), attempts =>
            quiz.AttemptsAllowed is int allowed && attempts.Count >= allowed ? $"You have used all {allowed} attempts at this quiz." : null,
            async now => new Attempt
            {
                QuizVersionId = (await versions.CurrentAsync(quiz)).Id,
                DeadlineAt = quiz.TimeLimitMinutes is int minutes ? now.AddMinutes(minutes) : null,
                MaxScore = quiz.MaxPoints,
            });

    /// <summary>
    /// Resumes or starts the student's attempt at an assignment, on the version the assignment pinned,
    /// enforcing its dates, its attempts allowed and its late policy.
    /// </summary>
    public async Task<Attempt> StartForAssignmentAsync(string studentId, Assignment assignment, QuizDefinition quiz, string zone)
    {
        var book = await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId);
        var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, studentId));
        return await StartAsync(studentId, Attempt.AssignmentScope(assignment.Id),
            attempts => AssignmentRules.StartRefusal(terms, attempts.Select(Facts).ToList(), Now, zone),
            now => Task.FromResult(new Attempt
            {
                QuizVersionId = assignment.QuizVersionId,
                AssignmentId = assignment.Id,
                DeadlineAt = AssignmentRules.Deadline(terms, now),
                MaxScore = quiz.MaxPoints,
            }));
    }

    /// <summary>
    /// The open attempt in the scope, or a new one if the rule allows. The database decides races: a new attempt
    /// takes the next number and the scope's one open place, both unique, so of two starts at once exactly one
    /// inserts and the other finds it and resumes it (or is refused, if no attempt is left).
    /// </summary>
    private async Task<Attempt> StartAsync(string studentId, string scope, Func<IReadOnlyList<Attempt>, string?> refusal, Func<DateTime, Task<Attempt>> make)
    {
        for (var tries = 0; ; tries++)
        {
            var attempts = await InScopeAsync(studentId, scope);
            var open = attempts.LastOrDefault(a => a.Status == AttemptStatus.InProgress);
            if (open is not null) return open;
            if (refusal(attempts) is { } why) throw new AttemptRefusedException(why);
            var now = Now;
            var attempt = await make(now);
            attempt.StudentId = studentId;
            attempt.Status = AttemptStatus.InProgress;
            attempt.StartedAt = now;
            attempt.Scope = scope;
            attempt.OpenScope = scope;
            attempt.Number = attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1;
            db.Attempts.Add(attempt);
            // Work returned for resubmission: the new attempt starts from the returned one's answers (not their scores).
            var returned = attempts.Count > 0 && attempts[^1].ReturnedAt is not null && attempts[^1].QuizVersionId == attempt.QuizVersionId ? attempts[^1] : null;
            var carried = returned is null ? [] : await db.Responses.AsNoTracking().Where(r => r.AttemptId == returned.Id)
                .Select(r => new { r.QuestionId, r.AnswerJson, r.Seq }).ToListAsync();
            try
            {
                await using var transaction = carried.Count > 0 ? await db.Database.BeginTransactionAsync() : null;
                await db.SaveChangesAsync();
                if (carried.Count > 0)
                {
                    db.Responses.AddRange(carried.Select(r => new Response { AttemptId = attempt.Id, QuestionId = r.QuestionId, AnswerJson = r.AnswerJson, SavedAt = now, Seq = r.Seq }));
                    await db.SaveChangesAsync();
                    await transaction!.CommitAsync();
                }
                return attempt;
            }
            catch (DbUpdateException) when (tries < 5)
            {
                // Another request started an attempt in this scope first: look again.
                db.Entry(attempt).State = EntityState.Detached;
            }
        }
    }

    public static AttemptFacts Facts(Attempt a) => new(a.Id, a.Status, a.SubmittedAt, a.Score, a.ReturnedAt is not null);

    /// <summary>
    /// Returns a submitted attempt for resubmission. It stays in the history but no longer counts; the student
    /// gets one more attempt, which starts from its answers when they open it (so a time limit starts then too).
    /// </summary>
    public async Task ReturnAsync(Attempt returned)
    {
        if (!returned.IsSubmitted || returned.ReturnedAt is not null)
            throw new AttemptRefusedException("Only a submitted attempt that counts can be returned.");
        if (await db.Attempts.AnyAsync(a => a.StudentId == returned.StudentId && a.Scope == returned.Scope && a.Status == AttemptStatus.InProgress))
            throw new AttemptRefusedException("The student already has an open attempt at this assignment.");
        var latest = await db.Attempts.Where(a => a.StudentId == returned.StudentId && a.Scope == returned.Scope).MaxAsync(a => a.Number);
        if (latest != returned.Number)
            throw new AttemptRefusedException("Only the student's latest attempt can be returned.");
        var claimed = await db.Attempts.Where(a => a.Id == returned.Id && a.ReturnedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReturnedAt, Now));
        if (claimed == 0) throw new AttemptRefusedException("That attempt was already returned.");
    }

    /// <summary>
    /// After a teacher gives more time (an extension, a time multiplier, new dates), the student's open attempt
    /// gets the new deadline. It never loses time it was already given.
    /// </summary>
    public async Task RefreshDeadlinesAsync(Assignment assignment, string studentId, StudentTerms terms)
    {
        var open = await db.Attempts.Where(a => a.AssignmentId == assignment.Id && a.StudentId == studentId && a.Status == AttemptStatus.InProgress).ToListAsync();
        foreach (var attempt in open)
        {
            var renewed = AssignmentRules.Deadline(terms, attempt.StartedAt);
            if (attempt.DeadlineAt is DateTime current && (renewed is null || renewed > current)) attempt.DeadlineAt = renewed;
        }
        await db.SaveChangesAsync();
    }

    public bool IsOutOfTime(Attempt attempt) => attempt.DeadlineAt is { } deadline && Now > deadline + Grace;

    public async Task<Dictionary<string, Answer>> AnswersAsync(int attemptId)
    {
        var answers = new Dictionary<string, Answer>();
        await foreach (var saved in SavedAnswers(db, attemptId)) answers[saved.QuestionId] = Answer.FromJson(saved.AnswerJson);
        return answers;
    }

    public async Task<List<Response>> ResponsesAsync(int attemptId) =>
        await db.Responses.Where(r => r.AttemptId == attemptId).ToListAsync();

    /// <summary>
    /// Saves answers to an open attempt. Each answer carries its sequence (the client's edit time); one older
    /// than what is stored arrived late and is ignored, so the newest change always wins.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Attempt attempt, IReadOnlyDictionary<string, SentAnswer> answers)
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
        var stale = await WriteAnswersAsync(attempt.Id, answers, now);
        await transaction.CommitAsync();
        return new SaveResult(now, answers.Keys.Except(stale).ToList(), stale);
    }

    /// <summary>
    /// Submits once. The first submit wins and scores the attempt; any other (a double click, a second
    /// tab, a parallel request) finds it submitted and changes nothing. Returns whether this call submitted.
    /// </summary>
    public Task<bool> SubmitAsync(Attempt attempt, QuizDefinition quiz, IReadOnlyDictionary<string, Answer> answers) =>
        SubmitAsync(attempt, quiz, answers.ToDictionary(a => a.Key, a => new SentAnswer(a.Value, ServerSeq)));

    /// <summary>The sequence of an answer the server receives without one: the server's time, in milliseconds.</summary>
    public long ServerSeq => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<bool> SubmitAsync(Attempt attempt, QuizDefinition quiz, IReadOnlyDictionary<string, SentAnswer> answers)
    {
        var now = Now;
        var outOfTime = IsOutOfTime(attempt);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.Attempts.Where(a => a.Id == attempt.Id && a.Status == AttemptStatus.InProgress)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, now).SetProperty(a => a.Status, AttemptStatus.NeedsGrading)
                .SetProperty(a => a.OpenScope, (string?)null));
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
        attempt.OpenScope = null;
        (attempt.Score, attempt.Status) = AttemptScore.Of(responses.Values);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Writes each answer unless a newer one is stored; returns the questions whose answer arrived too late.</summary>
    private async Task<List<string>> WriteAnswersAsync(int attemptId, IReadOnlyDictionary<string, SentAnswer> answers, DateTime now)
    {
        var stale = new List<string>();
        foreach (var (questionId, sent) in answers)
        {
            var json = sent.Answer.ToJson();
            var seq = sent.Seq;
            var written = await db.Responses.Where(r => r.AttemptId == attemptId && r.QuestionId == questionId && r.Seq <= seq)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswerJson, json).SetProperty(r => r.SavedAt, now).SetProperty(r => r.Seq, seq));
            if (written > 0) continue;
            if (await db.Responses.AnyAsync(r => r.AttemptId == attemptId && r.QuestionId == questionId))
            {
                stale.Add(questionId);
                continue;
            }
            db.Responses.Add(new Response { AttemptId = attemptId, QuestionId = questionId, AnswerJson = json, SavedAt = now, Seq = seq });
            await db.SaveChangesAsync();
        }
        return stale;
    }
}

/// <summary>An answer as the page sent it, with its sequence: the client's edit time in milliseconds (or the server's, for a plain form post).</summary>
public sealed record SentAnswer(Answer Answer, long Seq);

/// <summary>What a save did: when, which answers it stored, and which it ignored because a newer one was already stored.</summary>
public sealed record SaveResult(DateTime SavedAt, IReadOnlyList<string> Saved, IReadOnlyList<string> Stale);
