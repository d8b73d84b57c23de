using System.Globalization;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Shared;

/// <summary>What a teacher changed for one student on one assignment (and the class-wide time multiplier).</summary>
public sealed record StudentExceptions(decimal TimeMultiplier, DateTime? DueAt, int ExtraAttempts, bool Excused, int Reopens)
{
    public static readonly StudentExceptions None = new(1m, null, 0, false, 0);

    public bool Any => TimeMultiplier != 1m || DueAt is not null || ExtraAttempts != 0 || Excused || Reopens > 0;

    /// <summary>A few words for a gradebook cell or a roster: "extended", "×1.5", "+1 attempt", "excused", "reopened".</summary>
    public string Marks => string.Join(", ", new[]
    {
        Excused ? "excused" : null,
        DueAt is not null ? "extended" : null,
        TimeMultiplier != 1m ? $"×{TimeMultiplier.ToString("0.##", CultureInfo.InvariantCulture)} time" : null,
        ExtraAttempts > 0 ? $"+{ExtraAttempts} {(ExtraAttempts == 1 ? "attempt" : "attempts")}" : null,
        Reopens > 0 ? "reopened" : null,
    }.OfType<string>());
}

/// <summary>The changes of a class, read once: what holds for each student, and the history of how it came to.</summary>
public sealed class ExceptionBook(IReadOnlyList<StudentException> changes)
{
    public static readonly ExceptionBook Empty = new([]);

    public static async Task<ExceptionBook> ForClassAsync(ClassroomDbContext db, int classId) =>
        new(await db.StudentExceptions.AsNoTracking().Where(e => e.ClassId == classId).OrderBy(e => e.Id).ToListAsync());

    public static async Task<ExceptionBook> ForStudentAsync(ClassroomDbContext db, int classId, string studentId) =>
        new(await db.StudentExceptions.AsNoTracking().Where(e => e.ClassId == classId && e.StudentId == studentId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Every change a student has, in all their classes (for their own list of assignments).</summary>
    public static async Task<ExceptionBook> ForStudentEverywhereAsync(ClassroomDbContext db, string studentId) =>
        new(await db.StudentExceptions.AsNoTracking().Where(e => e.StudentId == studentId).OrderBy(e => e.Id).ToListAsync());

    private StudentException? Latest(ExceptionKind kind, int? assignmentId, string studentId) =>
        changes.LastOrDefault(e => e.Kind == kind && e.AssignmentId == assignmentId && e.StudentId == studentId);

    public decimal TimeMultiplier(int classId, string studentId) =>
        changes.LastOrDefault(e => e.Kind == ExceptionKind.TimeMultiplier && e.ClassId == classId && e.StudentId == studentId) is { } m
        && decimal.TryParse(m.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) ? x : 1m;

    public StudentExceptions For(Assignment assignment, string studentId) => For(assignment.ClassId, assignment.Id, studentId);

    public StudentExceptions For(int classId, int assignmentId, string studentId)
    {
        DateTime? due = Latest(ExceptionKind.Extension, assignmentId, studentId) is { Value.Length: > 0 } e
            ? DateTime.Parse(e.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : null;
        var extra = Latest(ExceptionKind.ExtraAttempts, assignmentId, studentId) is { } a && int.TryParse(a.Value, out var n) ? n : 0;
        var excused = Latest(ExceptionKind.Excused, assignmentId, studentId)?.Value == "true";
        var reopens = changes.Count(c => c.Kind == ExceptionKind.Reopened && c.AssignmentId == assignmentId && c.StudentId == studentId);
        return new StudentExceptions(TimeMultiplier(classId, studentId), due, extra, excused, reopens);
    }

    /// <summary>Every change for this student on this assignment (and the class-wide ones), oldest first.</summary>
    public IReadOnlyList<StudentException> History(int assignmentId, string studentId) =>
        changes.Where(c => c.StudentId == studentId && (c.AssignmentId == assignmentId || c.AssignmentId == null)).ToList();
}
