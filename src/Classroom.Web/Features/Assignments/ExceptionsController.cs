using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Assignments;

/// <summary>
/// Accommodations and exceptions for one student: more time on every timed assignment of the class, a later
/// due time, more attempts, excused, or a submitted attempt returned for resubmission. Each needs a reason
/// and is kept in the history; the server enforces them wherever the assignment's own rules apply.
/// </summary>
[Authorize(Policy = Policies.Teaching)]
public sealed class ExceptionsController(ClassroomDbContext db, ClassAccess access, QuizVersions versions, AttemptService attempts, TimeProvider clock) : Controller
{
    public static readonly IReadOnlyList<decimal> Multipliers = [1m, 1.25m, 1.5m, 2m, 3m];
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/assignments/{id:int}/students/{studentId}")]
    public async Task<IActionResult> Show(int id, string studentId)
    {
        var assignment = await TaughtAsync(id);
        if (assignment is null || !await EnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        return View("Exceptions", await PageAsync(assignment, studentId, new ExceptionForm(), message: null));
    }

    [HttpPost("/assignments/{id:int}/students/{studentId}/extension")]
    public Task<IActionResult> Extension(int id, string studentId, ExceptionForm form) => ChangeAsync(id, studentId, form, (assignment, zone, now) =>
    {
        if (form.Clear)
            return now.DueAt is null ? Unchanged("There is no extension to remove.")
                : Change(ExceptionKind.Extension, "", "Extension removed: the assignment's own due time holds.");
        if (form.DueAt is not DateTime local) return Refuse("Choose the new due date and time.");
        if (local.Kind != DateTimeKind.Unspecified) return Refuse("Type the date and time without a time zone: it is read in the class's zone.");
        if (local.Year > Now.Year + 100) return Refuse($"The new due time must be before the year {Now.Year + 101}.");
        var utc = ClassTime.ToUtc(local, zone);
        if (utc <= assignment.DueAt)
            return Refuse($"An extension must be later than the class's due time, {ClassTime.Format(assignment.DueAt, zone)}.");
        if (utc == now.DueAt) return Unchanged($"The student's due time is already {ClassTime.Format(utc, zone)}.");
        return Change(ExceptionKind.Extension, utc.ToString("O", CultureInfo.InvariantCulture), $"Due time for this student: {ClassTime.Format(utc, zone)}.");
    });

    [HttpPost("/assignments/{id:int}/students/{studentId}/attempts")]
    public Task<IActionResult> ExtraAttempts(int id, string studentId, ExceptionForm form) => ChangeAsync(id, studentId, form, (_, _, now) =>
        form.ExtraAttempts is not (int n and >= 0 and <= 10) ? Refuse("Extra attempts must be a whole number from 0 to 10.")
        : n == now.ExtraAttempts ? Unchanged($"The student already has {Plural(n, "extra attempt")}.")
        : Change(ExceptionKind.ExtraAttempts, n.ToString(CultureInfo.InvariantCulture), $"{Plural(n, "extra attempt")} for this student."));

    [HttpPost("/assignments/{id:int}/students/{studentId}/excused")]
    public Task<IActionResult> Excused(int id, string studentId, ExceptionForm form) => ChangeAsync(id, studentId, form, (_, _, now) =>
        form.Excused == now.Excused ? Unchanged(form.Excused ? "The student is already excused." : "The student is not excused.")
        : Change(ExceptionKind.Excused, form.Excused ? "true" : "false",
            form.Excused ? "Excused: this assignment counts neither for nor against the student." : "No longer excused."));

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    private sealed record Decision(ExceptionKind? Kind, string? Value, string Message, bool NoChange = false);
    private static Decision Change(ExceptionKind kind, string value, string message) => new(kind, value, message);
    private static Decision Refuse(string message) => new(null, null, message);
    private static Decision Unchanged(string message) => new(null, null, message, NoChange: true);

    private const int MaxReason = 300;

    private static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Give a reason: it is kept in the history."
        : reason.Trim().Length > MaxReason ? $"A reason may be at most {MaxReason} characters; this one has {reason.Trim().Length}."
        : null;

    [HttpPost("/assignments/{id:int}/students/{studentId}/reopen/{attemptId:int}")]
    public async Task<IActionResult> Reopen(int id, string studentId, int attemptId, ExceptionForm form)
    {
        var assignment = await TaughtAsync(id);
        if (assignment is null || !await EnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        var returned = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.AssignmentId == id && a.StudentId == studentId);
        if (returned is null) return NotFound();
        if (ReasonProblem(form.Reason) is { } problem) return await RefusedAsync(assignment, studentId, form, problem);
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var book = await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId);
        var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, studentId));
        if (terms.LatePolicy == LatePolicy.Refuse && Now > terms.DueAt)
            return await RefusedAsync(assignment, studentId, form,
                "This assignment refuses late work and the student's due time has passed, so a returned attempt could not be submitted. Extend their due time first, then return the attempt.",
                StatusCodes.Status409Conflict);
        try
        {
            await attempts.ReturnAsync(returned);
            await RecordAsync(assignment, studentId, ExceptionKind.Reopened, returned.Id.ToString(CultureInfo.InvariantCulture), form.Reason!);
        }
        catch (AttemptRefusedException e)
        {
            return await RefusedAsync(assignment, studentId, form, e.Message, StatusCodes.Status409Conflict);
        }
        TempData["Flash"] = "Returned for resubmission: the student's next attempt starts from these answers"
            + (terms.TimeLimitMinutes is int limit ? $", with {Plural(limit, "minute")} from when they open it" : "") + ". The earlier attempt stays in the history.";
        return Redirect($"/assignments/{id}/students/{studentId}");
    }

    /// <summary>A student's extra time for every timed assignment of the class, from the roster (before any assignment exists too).</summary>
    [HttpGet("/classes/{classId:int}/students/{studentId}/time")]
    public async Task<IActionResult> Time(int classId, string studentId)
    {
        var taught = await access.TaughtClassAsync(classId, User);
        if (taught is null || !await EnrolledAsync(classId, studentId)) return NotFound();
        var book = await ExceptionBook.ForStudentAsync(db, classId, studentId);
        var people = await db.Users.Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var history = book.History(-1, studentId).Where(h => h.Kind == ExceptionKind.TimeMultiplier)
            .Select(h => new ExceptionHistoryRow(ClassTime.Format(h.At, taught.TimeZone), Describe(h, taught.TimeZone), h.Reason, people.GetValueOrDefault(h.ById) ?? "someone")).ToList();
        return View("StudentTime", new StudentTimePage(classId, taught.Name, studentId, people.GetValueOrDefault(studentId) ?? "student", book.TimeMultiplier(classId, studentId), history));
    }

    [HttpPost("/classes/{classId:int}/students/{studentId}/time")]
    public async Task<IActionResult> TimeMultiplier(int classId, string studentId, ExceptionForm form, int? back)
    {
        if (!await access.TeachesAsync(classId, User) || !await EnrolledAsync(classId, studentId)) return NotFound();
        var backUrl = back is int a ? $"/assignments/{a}/students/{studentId}" : $"/classes/{classId}/students/{studentId}/time";
        if (form.TimeMultiplier is not decimal m || !Multipliers.Contains(m))
            return this.ProblemView(StatusCodes.Status422UnprocessableEntity, "That is not a time multiplier", $"Choose one of {string.Join(", ", Multipliers.Select(x => $"×{x:0.##}"))}.", backUrl);
        if (ReasonProblem(form.Reason) is { } problem)
            return this.ProblemView(StatusCodes.Status422UnprocessableEntity, "A reason is needed", problem + " For example, the accommodation plan.", backUrl);
        var book = await ExceptionBook.ForStudentAsync(db, classId, studentId);
        if (book.TimeMultiplier(classId, studentId) == m)
        {
            TempData["Flash"] = $"Nothing changed: time limits are already {(m == 1m ? "standard" : $"×{m:0.##}")} for this student.";
            return Redirect(backUrl);
        }
        db.StudentExceptions.Add(new StudentException
        {
            ClassId = classId, StudentId = studentId, Kind = ExceptionKind.TimeMultiplier, Value = m.ToString("0.##", CultureInfo.InvariantCulture),
            Reason = form.Reason!.Trim(), ById = User.Id()!, At = Now,
        });
        await db.SaveChangesAsync();
        // An attempt already running gets the extra time too (it never loses time it had).
        var updated = await ExceptionBook.ForStudentAsync(db, classId, studentId);
        foreach (var assignment in await db.Assignments.Where(a => a.ClassId == classId && db.Attempts.Any(t => t.AssignmentId == a.Id && t.StudentId == studentId && t.Status == AttemptStatus.InProgress)).ToListAsync())
        {
            var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
            await attempts.RefreshDeadlinesAsync(assignment, studentId, StudentTerms.Of(assignment, quiz.TimeLimitMinutes, updated.For(assignment, studentId)));
        }
        TempData["Flash"] = m == 1m ? "Standard time again for this student (an attempt already running keeps its time)."
            : $"Time limits ×{m:0.##} for this student on every timed assignment of the class, including an attempt already running.";
        return Redirect(backUrl);
    }

    private async Task<IActionResult> ChangeAsync(int id, string studentId, ExceptionForm form, Func<Assignment, string, StudentExceptions, Decision> decide)
    {
        var assignment = await TaughtAsync(id);
        if (assignment is null || !await EnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        if (ReasonProblem(form.Reason) is { } problem) return await RefusedAsync(assignment, studentId, form, problem);
        var current = (await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId)).For(assignment, studentId);
        var decision = decide(assignment, assignment.Class!.TimeZone, current);
        if (decision.NoChange)
        {
            TempData["Flash"] = "Nothing changed: " + decision.Message;
            return Redirect($"/assignments/{id}/students/{studentId}");
        }
        if (decision.Kind is not ExceptionKind kind) return await RefusedAsync(assignment, studentId, form, decision.Message);
        await RecordAsync(assignment, studentId, kind, decision.Value!, form.Reason!);
        if (kind == ExceptionKind.Extension)
        {
            // A running attempt that ends at the due time (late work refused) ends at the new one instead.
            var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
            var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, (await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId)).For(assignment, studentId));
            await attempts.RefreshDeadlinesAsync(assignment, studentId, terms);
        }
        TempData["Flash"] = decision.Message;
        return Redirect($"/assignments/{id}/students/{studentId}");
    }

    private async Task RecordAsync(Assignment assignment, string studentId, ExceptionKind kind, string value, string reason)
    {
        db.StudentExceptions.Add(new StudentException
        {
            ClassId = assignment.ClassId, AssignmentId = assignment.Id, StudentId = studentId, Kind = kind, Value = value,
            Reason = reason.Trim(), ById = User.Id()!, At = Now,
        });
        await db.SaveChangesAsync();
    }

    private async Task<IActionResult> RefusedAsync(Assignment assignment, string studentId, ExceptionForm form, string message, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Response.StatusCode = status;
        return View("Exceptions", await PageAsync(assignment, studentId, form, message));
    }

    private async Task<Assignment?> TaughtAsync(int id)
    {
        var assignment = await db.Assignments.Include(a => a.Class).SingleOrDefaultAsync(a => a.Id == id);
        return assignment is not null && await access.TeachesAsync(assignment.ClassId, User) ? assignment : null;
    }

    private Task<bool> EnrolledAsync(int classId, string studentId) => access.IsEnrolledAsync(classId, studentId);

    private async Task<ExceptionsPage> PageAsync(Assignment assignment, string studentId, ExceptionForm form, string? message)
    {
        var zone = assignment.Class!.TimeZone;
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var book = await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId);
        var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, studentId));
        var name = await db.Users.Where(u => u.Id == studentId).Select(u => u.DisplayName).SingleAsync();
        var mine = await db.Attempts.Where(a => a.AssignmentId == assignment.Id && a.StudentId == studentId).OrderBy(a => a.Number).ToListAsync();
        var counting = AssignmentRules.Counting(mine.Select(AttemptService.Facts));
        var people = await db.Users.Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var history = book.History(assignment.Id, studentId).Select(h => new ExceptionHistoryRow(ClassTime.Format(h.At, zone), Describe(h, zone),
            h.Reason, people.GetValueOrDefault(h.ById) ?? "someone")).ToList();
        return new ExceptionsPage(assignment.Id, assignment.Title, assignment.ClassId, assignment.Class.Name, studentId, name, zone,
            ClassTime.Format(assignment.DueAt, zone), ClassTime.Format(terms.DueAt, zone), terms.Extended(assignment),
            assignment.AttemptsAllowed, terms.AttemptsAllowed, assignment.TimeLimitMinutes ?? quiz.TimeLimitMinutes, terms.TimeLimitMinutes,
            terms.Exceptions.TimeMultiplier, terms.Exceptions.Excused,
            AssignmentRules.KeysOpenTo(assignment.ReviewPolicy, assignment.ReleasedAt is not null, mine.Any(a => a.IsSubmitted)),
            mine.Select(a => new StudentAttemptRow(a.Id, a.Number, a.Status == AttemptStatus.InProgress ? "in progress" : a.ReturnedAt is not null ? "returned" : "submitted",
                a.SubmittedAt is DateTime s ? ClassTime.Format(s, zone) : null, a.Score, a.MaxScore, counting?.Id == a.Id,
                a.IsSubmitted && a.ReturnedAt is null && a.Number == mine.Max(x => x.Number))).ToList(),
            history, form with { DueAt = form.DueAt ?? (terms.Extended(assignment) ? ClassTime.ToLocal(terms.DueAt, zone) : ClassTime.ToLocal(assignment.DueAt, zone).AddDays(2)),
                ExtraAttempts = form.ExtraAttempts ?? terms.Exceptions.ExtraAttempts }, message);
    }

    private static string Describe(StudentException e, string zone) => e.Kind switch
    {
        ExceptionKind.TimeMultiplier => $"time ×{e.Value} on every timed assignment of the class",
        ExceptionKind.Extension when e.Value.Length == 0 => "extension removed",
        ExceptionKind.Extension => $"due {ClassTime.Format(DateTime.Parse(e.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), zone)}",
        ExceptionKind.ExtraAttempts => int.TryParse(e.Value, out var n) ? Plural(n, "extra attempt") : $"{e.Value} extra attempts",
        ExceptionKind.Excused => e.Value == "true" ? "excused" : "no longer excused",
        ExceptionKind.Reopened => "an attempt returned for resubmission",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown kind of exception"),
    };
}

public sealed record ExceptionForm
{
    [StringLength(300)]
    public string? Reason { get; init; }
    public DateTime? DueAt { get; init; }
    public bool Clear { get; init; }
    public int? ExtraAttempts { get; init; }
    public bool Excused { get; init; }
    public decimal? TimeMultiplier { get; init; }
}

public sealed record StudentAttemptRow(int Id, int Number, string State, string? Submitted, decimal? Score, decimal Max, bool Counts, bool CanReturn);

public sealed record StudentTimePage(int ClassId, string ClassName, string StudentId, string Student, decimal Multiplier, IReadOnlyList<ExceptionHistoryRow> History);

public sealed record ExceptionHistoryRow(string When, string What, string Reason, string Who);

public sealed record ExceptionsPage(int AssignmentId, string Title, int ClassId, string ClassName, string StudentId, string Student, string Zone,
    string ClassDue, string StudentDue, bool Extended, int ClassAttempts, int StudentAttempts, int? ClassTimeLimit, int? StudentTimeLimit,
    decimal TimeMultiplier, bool Excused, bool KeysSeen, IReadOnlyList<StudentAttemptRow> Attempts, IReadOnlyList<ExceptionHistoryRow> History, ExceptionForm Form, string? Message);
