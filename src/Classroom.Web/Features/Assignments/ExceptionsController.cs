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
    public Task<IActionResult> Extension(int id, string studentId, ExceptionForm form) => ChangeAsync(id, studentId, form, async (assignment, zone) =>
    {
        if (form.Clear) return (ExceptionKind.Extension, "", "Extension removed: the assignment's own due time holds.");
        if (form.DueAt is not DateTime local) return (null, null, "Choose the new due date and time.");
        var utc = ClassTime.ToUtc(local, zone);
        if (utc <= assignment.OpensAt) return (null, null, "The new due time must be after the assignment opens.");
        await Task.CompletedTask;
        return (ExceptionKind.Extension, utc.ToString("O", CultureInfo.InvariantCulture), $"Due time for this student: {ClassTime.Format(utc, zone)}.");
    });

    [HttpPost("/assignments/{id:int}/students/{studentId}/attempts")]
    public Task<IActionResult> ExtraAttempts(int id, string studentId, ExceptionForm form) => ChangeAsync(id, studentId, form, (_, _) =>
        Task.FromResult<(ExceptionKind?, string?, string)>(form.ExtraAttempts is int n and >= 0 and <= 10
            ? (ExceptionKind.ExtraAttempts, n.ToString(CultureInfo.InvariantCulture), $"{n} extra {(n == 1 ? "attempt" : "attempts")} for this student.")
            : (null, null, "Extra attempts must be a whole number from 0 to 10.")));

    [HttpPost("/assignments/{id:int}/students/{studentId}/excused")]
    public Task<IActionResult> Excused(int id, string studentId, ExceptionForm form) => ChangeAsync(id, studentId, form, (_, _) =>
        Task.FromResult<(ExceptionKind?, string?, string)>((ExceptionKind.Excused, form.Excused ? "true" : "false",
            form.Excused ? "Excused: this assignment counts neither for nor against the student." : "No longer excused.")));

    [HttpPost("/assignments/{id:int}/students/{studentId}/reopen/{attemptId:int}")]
    public async Task<IActionResult> Reopen(int id, string studentId, int attemptId, ExceptionForm form)
    {
        var assignment = await TaughtAsync(id);
        if (assignment is null || !await EnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        var returned = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId && a.AssignmentId == id && a.StudentId == studentId);
        if (returned is null) return NotFound();
        if (string.IsNullOrWhiteSpace(form.Reason)) return await RefusedAsync(assignment, studentId, form, "Give a reason: it is kept in the history.");
        var quiz = await versions.DefinitionAsync(assignment.QuizVersionId);
        var book = await ExceptionBook.ForStudentAsync(db, assignment.ClassId, studentId);
        var terms = StudentTerms.Of(assignment, quiz.TimeLimitMinutes, book.For(assignment, studentId));
        if (terms.LatePolicy == LatePolicy.Refuse && Now > terms.DueAt)
            return await RefusedAsync(assignment, studentId, form,
                "This assignment refuses late work and the student's due time has passed, so a returned attempt could not be submitted. Extend their due time first, then return the attempt.",
                StatusCodes.Status409Conflict);
        try
        {
            var fresh = await attempts.ReopenAsync(returned, assignment, quiz, terms);
            await RecordAsync(assignment, studentId, ExceptionKind.Reopened, fresh.Id.ToString(CultureInfo.InvariantCulture), form.Reason!);
        }
        catch (AttemptRefusedException e)
        {
            return await RefusedAsync(assignment, studentId, form, e.Message, StatusCodes.Status409Conflict);
        }
        TempData["Flash"] = "Returned for resubmission: the student finds a new attempt with their earlier answers in it. The earlier attempt stays in the history.";
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
        if (string.IsNullOrWhiteSpace(form.Reason))
            return this.ProblemView(StatusCodes.Status422UnprocessableEntity, "A reason is needed", "Give a reason (for example, the accommodation plan): it is kept in the history.", backUrl);
        db.StudentExceptions.Add(new StudentException
        {
            ClassId = classId, StudentId = studentId, Kind = ExceptionKind.TimeMultiplier, Value = m.ToString(CultureInfo.InvariantCulture),
            Reason = form.Reason.Trim(), ById = User.Id()!, At = Now,
        });
        await db.SaveChangesAsync();
        TempData["Flash"] = m == 1m ? "Standard time again for this student." : $"Time limits ×{m:0.##} for this student on every timed assignment of the class.";
        return Redirect(backUrl);
    }

    private async Task<IActionResult> ChangeAsync(int id, string studentId, ExceptionForm form,
        Func<Assignment, string, Task<(ExceptionKind? Kind, string? Value, string Message)>> decide)
    {
        var assignment = await TaughtAsync(id);
        if (assignment is null || !await EnrolledAsync(assignment.ClassId, studentId)) return NotFound();
        if (string.IsNullOrWhiteSpace(form.Reason)) return await RefusedAsync(assignment, studentId, form, "Give a reason: it is kept in the history.");
        var (kind, value, message) = await decide(assignment, assignment.Class!.TimeZone);
        if (kind is null) return await RefusedAsync(assignment, studentId, form, message);
        await RecordAsync(assignment, studentId, kind.Value, value!, form.Reason!);
        TempData["Flash"] = message;
        return Redirect($"/assignments/{id}/students/{studentId}");
    }

    private async Task RecordAsync(Assignment assignment, string studentId, ExceptionKind kind, string value, string reason)
    {
        db.StudentExceptions.Add(new StudentException
        {
            ClassId = assignment.ClassId, AssignmentId = assignment.Id, StudentId = studentId, Kind = kind, Value = value,
            Reason = reason.Trim().Length > 300 ? reason.Trim()[..300] : reason.Trim(), ById = User.Id()!, At = Now,
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
                a.IsSubmitted && a.ReturnedAt is null && !mine.Any(x => x.Status == AttemptStatus.InProgress))).ToList(),
            history, form with { DueAt = form.DueAt ?? (terms.Extended(assignment) ? ClassTime.ToLocal(terms.DueAt, zone) : ClassTime.ToLocal(assignment.DueAt, zone).AddDays(2)),
                ExtraAttempts = form.ExtraAttempts ?? terms.Exceptions.ExtraAttempts }, message);
    }

    private static string Describe(StudentException e, string zone) => e.Kind switch
    {
        ExceptionKind.TimeMultiplier => $"time ×{e.Value} on every timed assignment of the class",
        ExceptionKind.Extension when e.Value.Length == 0 => "extension removed",
        ExceptionKind.Extension => $"due {ClassTime.Format(DateTime.Parse(e.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), zone)}",
        ExceptionKind.ExtraAttempts => $"{e.Value} extra attempts",
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
