using System.Globalization;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Assignments;
using Classroom.Web.Features.Attempts;
using Classroom.Web.Features.Classes;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Grading;

[Authorize(Policy = Policies.Teaching)]
public sealed class GradingController(ClassroomDbContext db, ClassAccess access, QuizVersions versions, GradingService grading) : Controller
{
    [HttpGet("/assignments/{id:int}/grading")]
    public async Task<IActionResult> Overview(int id)
    {
        var context = await GradingQueueQuery.LoadAsync(db, access, versions, id, User);
        if (context is null) return NotFound();
        var (assignment, quiz, attempts, responses, _) = context;
        var questions = quiz.Questions.Where(q => q.NeedsInstructor).Select(q =>
        {
            var all = responses.Where(r => r.QuestionId == q.Id).ToList();
            return new QuestionProgress(q.Id, quiz.NumberOf(q), q.Prompt, q.Kind.Label, all.Count(r => !r.NeedsGrading), all.Count);
        }).ToList();
        var students = attempts.Select(a => new AttemptProgress(a.Id, a.Student!.DisplayName, a.Status == AttemptStatus.NeedsGrading,
            responses.Count(r => r.AttemptId == a.Id && r.NeedsGrading), a.Score, a.MaxScore, context.Late(a))).ToList();
        return View(new GradingOverview(assignment.Id, assignment.Title, assignment.ClassId, assignment.Class!.Name, questions, students,
            questions.Sum(q => q.Graded), questions.Sum(q => q.Total), assignment.ReleasedAt is not null));
    }

    [HttpGet("/assignments/{id:int}/grading/questions/{questionId}")]
    public Task<IActionResult> ByQuestion(int id, string questionId, int? focus) => ByQuestionAsync(id, questionId, focus, refused: null);

    private async Task<IActionResult> ByQuestionAsync(int id, string questionId, int? focus, RefusedGrade? refused)
    {
        var context = await GradingQueueQuery.LoadAsync(db, access, versions, id, User);
        if (context is null) return NotFound();
        var (assignment, quiz, attempts, responses, _) = context;
        var question = quiz.Find(questionId);
        if (question is null) return NotFound();
        var rows = attempts.Select(a => responses.Single(r => r.AttemptId == a.Id && r.QuestionId == questionId)).ToList();
        var history = await grading.HistoryAsync(rows.Select(r => r.Id).ToList());
        var returnUrl = $"/assignments/{id}/grading/questions/{Uri.EscapeDataString(questionId)}";
        var forms = rows.Select((r, i) =>
        {
            var attempt = attempts.Single(a => a.Id == r.AttemptId);
            return Form(r, question, quiz, attempt.Student!.DisplayName, returnUrl, i + 1 < rows.Count ? rows[i + 1].Id : null,
                focus == r.Id, history, context.Late(attempt), assignment.Class!.TimeZone, refused);
        }).ToList();
        var others = quiz.Questions.Where(q => q.NeedsInstructor).Select(q => (q.Id, quiz.NumberOf(q))).ToList();
        return View("ByQuestion", new ByQuestionPage(assignment.Id, assignment.Title, quiz.NumberOf(question), question, forms,
            rows.Count(r => !r.NeedsGrading), rows.Count, others));
    }

    [HttpGet("/assignments/{id:int}/grading/attempts/{attemptId:int}")]
    public Task<IActionResult> ByStudent(int id, int attemptId, int? focus) => ByStudentAsync(id, attemptId, focus, refused: null);

    private async Task<IActionResult> ByStudentAsync(int id, int attemptId, int? focus, RefusedGrade? refused)
    {
        var context = await GradingQueueQuery.LoadAsync(db, access, versions, id, User);
        if (context is null) return NotFound();
        var (assignment, quiz, attempts, responses, _) = context;
        var index = attempts.FindIndex(a => a.Id == attemptId);
        if (index < 0) return NotFound();
        var attempt = attempts[index];
        var mine = responses.Where(r => r.AttemptId == attemptId).ToList();
        var history = await grading.HistoryAsync(mine.Select(r => r.Id).ToList());
        var returnUrl = $"/assignments/{id}/grading/attempts/{attemptId}";
        var ordered = quiz.Questions.Select(q => (q, mine.Single(r => r.QuestionId == q.Id))).ToList();
        var open = ordered.Where(x => x.q.NeedsInstructor).Select(x => x.Item2.Id).ToList();
        var forms = ordered.Select(x =>
        {
            var next = x.q.NeedsInstructor ? open.SkipWhile(i => i != x.Item2.Id).Skip(1).Cast<int?>().FirstOrDefault() : null;
            return Form(x.Item2, x.q, quiz, attempt.Student!.DisplayName, returnUrl, next, focus == x.Item2.Id, history, false, assignment.Class!.TimeZone, refused) with { ByStudent = true };
        }).ToList();
        return View("ByStudent", new ByStudentPage(assignment.Id, assignment.Title, attempt.Id, attempt.Student!.DisplayName, attempt.Score, attempt.MaxScore,
            attempt.SubmittedAt is DateTime at ? ClassTime.Format(at, assignment.Class!.TimeZone) : null, context.Late(attempt), forms,
            index > 0 ? attempts[index - 1].Id : null, index + 1 < attempts.Count ? attempts[index + 1].Id : null, index + 1, attempts.Count));
    }

    /// <summary>
    /// Saves one grade. A refused save (out of range, a missing reason, someone else's change) shows the same
    /// grading page again with what the teacher typed kept in the form and the value now saved beside it.
    /// </summary>
    [HttpPost("/responses/{id:int}/grade")]
    public async Task<IActionResult> Grade(int id)
    {
        // Whose response this is comes first: a response outside the teacher's classes, or in practice, is not found, whatever was typed.
        var place = await db.Responses.Where(r => r.Id == id)
            .Select(r => new { r.QuestionId, r.AttemptId, r.Attempt!.AssignmentId, r.Attempt.Status, Returned = r.Attempt.ReturnedAt != null })
            .SingleOrDefaultAsync();
        var classId = place?.AssignmentId is int aid ? await db.Assignments.Where(a => a.Id == aid).Select(a => (int?)a.ClassId).SingleOrDefaultAsync() : null;
        if (place is null || classId is null || !await access.TeachesAsync(classId.Value, User)) return NotFound();
        var form = await Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!Url.IsLocalUrl(returnUrl)) returnUrl = "/classes";
        var typedNote = form["feedback"].ToString().Trim().Length > 0 || form["points"].ToString().Trim().Length > 0
            ? $" What you typed: {(form["points"].ToString().Trim() is { Length: > 0 } p0 ? $"{p0} points" : "no points")}{(form["feedback"].ToString().Trim() is { Length: > 0 } f0 ? $"; feedback “{f0}”" : "")}."
            : "";
        if (place.Returned)
            return this.ProblemView(StatusCodes.Status409Conflict, "This attempt was returned for resubmission",
                "It no longer counts, so it is not graded. Grade the student's new attempt once they submit it." + typedNote, returnUrl);
        if (place.Status == AttemptStatus.InProgress)
            return this.ProblemView(StatusCodes.Status409Conflict, "Not submitted yet",
                "The student is still working on this attempt, so it cannot be graded yet." + typedNote, returnUrl);
        var typed = new TypedGrade(
            Enumerable.Range(0, 20).Where(i => form.ContainsKey($"level{i}")).ToDictionary(i => i, i => form[$"level{i}"].ToString()),
            form["points"].ToString(), form["feedback"].ToString(), form["reason"].ToString());
        GradeResult result;
        if (form["zero"] == "blank")
        {
            result = await grading.GradeBlankAsync(id, User, form["stamp"].ToString());
        }
        else
        {
            var levels = new List<int>();
            string? problem = null;
            for (int i = 0; form.ContainsKey($"level{i}") && problem is null; i++)
            {
                if (int.TryParse(form[$"level{i}"], out var level)) levels.Add(level);
                else problem = "Choose one level for each criterion.";
            }
            decimal? points = null;
            if (typed.Points.Trim().Length > 0)
            {
                if (decimal.TryParse(typed.Points.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p)) points = p;
                else problem = $"'{typed.Points.Trim()}' is not a number of points: type digits, with a point for a fraction (2.5).";
            }
            result = problem is not null
                ? new GradeResult(GradeOutcome.Invalid, problem)
                : await grading.GradeAsync(id, User, new GradeInput(levels.Count > 0 ? levels : null, points, typed.Feedback, typed.Reason, form["stamp"].ToString()));
        }
        if (result.Outcome == GradeOutcome.NotFound) return NotFound();
        if (result.Outcome == GradeOutcome.Saved)
        {
            TempData["Flash"] = result.Message;
            var next = int.TryParse(form["next"], out var n) ? n : (int?)null;
            return LocalRedirect(next is int target ? $"{returnUrl}?focus={target}#response-{target}" : $"{returnUrl}?focus={id}#response-{id}");
        }

        // Refused: the page again, this card holding what was typed and what is saved now.
        var refused = new RefusedGrade(id, result.Message, result.Outcome == GradeOutcome.Conflict, typed,
            result.Outcome == GradeOutcome.Conflict ? result.CurrentStamp : form["stamp"].ToString());
        Response.StatusCode = result.Outcome == GradeOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var byStudent = returnUrl.Contains("/grading/attempts/", StringComparison.Ordinal);
        return byStudent
            ? await ByStudentAsync(place.AssignmentId!.Value, place.AttemptId, id, refused)
            : await ByQuestionAsync(place.AssignmentId!.Value, place.QuestionId, id, refused);
    }

    private static GradeFormView Form(Response r, Question q, QuizDefinition quiz, string student, string returnUrl, int? next, bool focus,
        IReadOnlyList<HistoryEntry> history, bool late, string zone, RefusedGrade? refused) =>
        new(r.Id, quiz.NumberOf(q), q, student, Answer.FromJson(r.AnswerJson),
            r.AutoPoints, r.Points, r.NeedsGrading, r.Feedback, RubricScoring.FromJson(r.RubricJson), r.Stamp, returnUrl, next, focus,
            history.Where(h => h.ResponseId == r.Id).ToList(), late)
        {
            Zone = zone,
            Refused = refused?.ResponseId == r.Id ? refused : null,
        };
}

public sealed record QuestionProgress(string Id, int Number, string Prompt, string Type, int Graded, int Total);
public sealed record AttemptProgress(int AttemptId, string Student, bool NeedsGrading, int Waiting, decimal? Score, decimal Max, bool Late);
public sealed record GradingOverview(int AssignmentId, string Title, int ClassId, string ClassName, IReadOnlyList<QuestionProgress> Questions,
    IReadOnlyList<AttemptProgress> Attempts, int Graded, int Total, bool Released);

public sealed record GradeFormView(int ResponseId, int Number, Question Question, string Student, Answer Answer, decimal? AutoPoints, decimal? Points,
    bool NeedsGrading, string? Feedback, IReadOnlyList<int>? Levels, string? Stamp, string ReturnUrl, int? Next, bool Focus,
    IReadOnlyList<HistoryEntry> History, bool Late)
{
    /// <summary>By question the card is named for the student; by student, for the question.</summary>
    public bool ByStudent { get; init; }
    public string Zone { get; init; } = "UTC";

    /// <summary>Set when this card's last save was refused: the form shows what was typed, beside what is saved.</summary>
    public RefusedGrade? Refused { get; init; }

    public bool Blank => Answer.IsEmpty;

    /// <summary>The rubric level to show chosen for a criterion: what was typed after a refusal, else what is saved.</summary>
    public int? LevelShown(int criterion) => Refused is { } r
        ? (r.Typed.Levels.TryGetValue(criterion, out var t) && int.TryParse(t, out var l) ? l : null)
        : Levels is not null && criterion < Levels.Count ? Levels[criterion] : null;

    public string? PointsShown(decimal? saved) => Refused is { } r ? r.Typed.Points : saved?.ToString(CultureInfo.InvariantCulture);
    public string? FeedbackShown => Refused is { } r ? r.Typed.Feedback : Feedback;
    public string? ReasonShown => Refused?.Typed.Reason;
    public string? StampShown => Refused is { } r ? r.Stamp : Stamp;
}

/// <summary>What a teacher typed in a grading form, exactly as sent.</summary>
public sealed record TypedGrade(IReadOnlyDictionary<int, string> Levels, string Points, string Feedback, string Reason);

/// <summary>A save that did not land, and why. <see cref="Stamp"/> is the version the form now answers to.</summary>
public sealed record RefusedGrade(int ResponseId, string Message, bool Conflict, TypedGrade Typed, string? Stamp);

public sealed record ByQuestionPage(int AssignmentId, string Title, int Number, Question Question, IReadOnlyList<GradeFormView> Responses,
    int Graded, int Total, IReadOnlyList<(string Id, int Number)> OpenQuestions);

public sealed record ByStudentPage(int AssignmentId, string Title, int AttemptId, string Student, decimal? Score, decimal Max, string? SubmittedAt,
    bool Late, IReadOnlyList<GradeFormView> Responses, int? Previous, int? Next, int Position, int Count);
