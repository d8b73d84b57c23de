using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Home;

/// <summary>
/// What a teacher should do next, per class they teach: answers waiting for grading, assignments due in the
/// next seven days with who has not started them, and the latest submissions. Archived classes are left out.
/// </summary>
public static class TeacherWeek
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(7);
    private const int RecentCount = 5;

    public static async Task<IReadOnlyList<ClassWeek>> BuildAsync(ClassroomDbContext db, Quizzes.QuizVersions versions, string teacherId, DateTime now)
    {
        var classes = await db.Classes
            .Where(c => c.ArchivedAt == null && (c.OwnerId == teacherId || c.CoInstructors.Any(ci => ci.InstructorId == teacherId)))
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.TimeZone }).ToListAsync();
        if (classes.Count == 0) return [];
        var classIds = classes.Select(c => c.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Where(a => classIds.Contains(a.ClassId)).ToListAsync();
        var assignmentIds = assignments.Select(a => a.Id).ToList();
        var students = await db.Enrollments.Where(e => classIds.Contains(e.ClassId) && e.RemovedAt == null)
            .Select(e => new { e.ClassId, e.StudentId, e.Student!.DisplayName }).ToListAsync();
        var attempts = await db.Attempts.Where(t => t.AssignmentId != null && assignmentIds.Contains(t.AssignmentId.Value))
            .Select(t => new { t.Id, AssignmentId = t.AssignmentId!.Value, t.StudentId, t.Status, t.SubmittedAt, Returned = t.ReturnedAt != null })
            .ToListAsync();
        // Answers waiting for a teacher, in attempts that count (submitted, not returned for resubmission).
        var waiting = await db.Responses
            .Where(r => r.NeedsGrading && r.Attempt!.Status != AttemptStatus.InProgress && r.Attempt.ReturnedAt == null
                        && r.Attempt.AssignmentId != null && assignmentIds.Contains(r.Attempt.AssignmentId.Value))
            .GroupBy(r => new { AssignmentId = r.Attempt!.AssignmentId!.Value, r.QuestionId })
            .Select(g => new { g.Key.AssignmentId, g.Key.QuestionId, Count = g.Count() })
            .ToListAsync();
        var exceptions = await db.StudentExceptions.AsNoTracking().Where(e => classIds.Contains(e.ClassId)).OrderBy(e => e.Id).ToListAsync();
        var book = new ExceptionBook(exceptions);
        // The queue starts at the first waiting question in the quiz's own order.
        var order = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var versionId in assignments.Where(a => waiting.Any(w => w.AssignmentId == a.Id)).Select(a => a.QuizVersionId).Distinct())
            order[versionId] = (await versions.DefinitionAsync(versionId)).Questions.Select(q => q.Id).ToList();
        // Names of everyone who submitted, including students since removed from a class (their work is still there to grade).
        var submitters = attempts.Select(t => t.StudentId).Distinct().ToList();
        var names = await db.Users.Where(u => submitters.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);

        return classes.Select(c =>
        {
            var mine = assignments.Where(a => a.ClassId == c.Id).ToList();
            var roster = students.Where(s => s.ClassId == c.Id).OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();

            var toGrade = mine.Select(a =>
                {
                    var open = waiting.Where(w => w.AssignmentId == a.Id).ToList();
                    return new GradingToDo(a.Id, a.Title, open.Sum(w => w.Count),
                        attempts.Count(t => t.AssignmentId == a.Id && t.Status == AttemptStatus.NeedsGrading && !t.Returned),
                        open.OrderBy(w => order.TryGetValue(a.QuizVersionId, out var ids) ? ids.ToList().IndexOf(w.QuestionId) : 0)
                            .Select(w => w.QuestionId).FirstOrDefault());
                })
                .Where(g => g.Answers > 0).OrderBy(g => g.Title).ToList();

            // Due this week: for the class, or (once the class's due time has passed) for students whose extension falls this week.
            var due = new List<DueSoon>();
            foreach (var a in mine.OrderBy(a => a.DueAt))
            {
                var classDueThisWeek = a.DueAt > now && a.DueAt <= now + Ahead;
                var who = roster.Select(s => (Student: s, Terms: StudentTerms.Of(a, null, book.For(a, s.StudentId))))
                    .Where(x => !x.Terms.Exceptions.Excused)
                    .Where(x => classDueThisWeek || (x.Terms.Extended(a) && x.Terms.DueAt > now && x.Terms.DueAt <= now + Ahead))
                    .ToList();
                if (who.Count == 0 || a.OpensAt > now + Ahead) continue;
                var submitted = 0;
                var inProgress = 0;
                var notStarted = new List<string>();
                foreach (var (s, _) in who)
                {
                    var theirs = attempts.Where(t => t.AssignmentId == a.Id && t.StudentId == s.StudentId).ToList();
                    if (theirs.Any(t => t.Status == AttemptStatus.InProgress)) inProgress++;
                    else if (theirs.Any(t => t.Status != AttemptStatus.InProgress && !t.Returned)) submitted++;
                    else notStarted.Add(s.DisplayName);
                }
                if (!classDueThisWeek && submitted == who.Count) continue; // every extended student is done
                var when = classDueThisWeek
                    ? ClassTime.Format(a.DueAt, c.TimeZone)
                    : $"{ClassTime.Format(who.Max(x => x.Terms.DueAt), c.TimeZone)} at the latest, for {who.Count} {(who.Count == 1 ? "student" : "students")} with an extension";
                due.Add(new DueSoon(a.Id, a.Title, when, a.OpensAt > now ? ClassTime.Format(a.OpensAt, c.TimeZone) : null,
                    submitted, inProgress, who.Count, notStarted));
            }

            var recent = attempts.Where(t => mine.Any(a => a.Id == t.AssignmentId) && t.SubmittedAt is not null && !t.Returned && t.SubmittedAt > now - Ahead)
                .OrderByDescending(t => t.SubmittedAt).Take(RecentCount)
                .Select(t =>
                {
                    var a = mine.Single(x => x.Id == t.AssignmentId);
                    var late = AssignmentRules.IsLate(StudentTerms.Of(a, null, book.For(a, t.StudentId)), t.SubmittedAt);
                    var name = names.GetValueOrDefault(t.StudentId) ?? "a deleted account";
                    if (!roster.Any(s => s.StudentId == t.StudentId)) name += " (removed from the class)";
                    return new RecentSubmission(t.Id, a.Id, a.Title, name,
                        ClassTime.TimeOfDay(t.SubmittedAt!.Value, now, c.TimeZone), late, t.Status == AttemptStatus.NeedsGrading);
                }).ToList();

            return new ClassWeek(c.Id, c.Name, c.TimeZone, roster.Count, mine.Count, toGrade, due, recent);
        }).ToList();
    }
}

public sealed record ClassWeek(int Id, string Name, string Zone, int Students, int Assignments, IReadOnlyList<GradingToDo> ToGrade,
    IReadOnlyList<DueSoon> Due, IReadOnlyList<RecentSubmission> Recent)
{
    public int AnswersToGrade => ToGrade.Sum(g => g.Answers);
}

/// <summary>An assignment with answers waiting; <see cref="FirstQuestion"/> is where the queue starts.</summary>
public sealed record GradingToDo(int AssignmentId, string Title, int Answers, int Students, string? FirstQuestion)
{
    public string Link => FirstQuestion is null
        ? $"/assignments/{AssignmentId}/grading"
        : $"/assignments/{AssignmentId}/grading/questions/{Uri.EscapeDataString(FirstQuestion)}";
}

public sealed record DueSoon(int AssignmentId, string Title, string Due, string? Opens, int Submitted, int InProgress, int Expected, IReadOnlyList<string> NotStarted);

public sealed record RecentSubmission(int AttemptId, int AssignmentId, string Title, string Student, string When, bool Late, bool NeedsGrading);
