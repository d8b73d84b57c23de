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
    public async Task<IActionResult> ByQuestion(int id, string questionId, int? focus)
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
                focus == r.Id, history, context.Late(attempt));
        }).ToList();
        var others = quiz.Questions.Where(q => q.NeedsInstructor).Select(q => (q.Id, quiz.NumberOf(q))).ToList();
        return View(new ByQuestionPage(assignment.Id, assignment.Title, quiz.NumberOf(question), question, forms,
            rows.Count(r => !r.NeedsGrading), rows.Count, others));
    }

    [HttpGet("/assignments/{id:int}/grading/attempts/{attemptId:int}")]
    public async Task<IActionResult> ByStudent(int id, int attemptId, int? focus)
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
            return Form(x.Item2, x.q, quiz, attempt.Student!.DisplayName, returnUrl, next, focus == x.Item2.Id, history, false) with { ByStudent = true };
        }).ToList();
        return View(new ByStudentPage(assignment.Id, assignment.Title, attempt.Id, attempt.Student!.DisplayName, attempt.Score, attempt.MaxScore,
            attempt.SubmittedAt, context.Late(attempt), forms,
            index > 0 ? attempts[index - 1].Id : null, index + 1 < attempts.Count ? attempts[index + 1].Id : null, index + 1, attempts.Count));
    }

    [HttpPost("/responses/{id:int}/grade")]
    public async Task<IActionResult> Grade(int id)
    {
        var form = await Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!Url.IsLocalUrl(returnUrl)) returnUrl = "/classes";
        var levels = new List<int>();
        for (int i = 0; form.ContainsKey($"level{i}"); i++)
        {
            if (!int.TryParse(form[$"level{i}"], out var level)) return this.ProblemView(400, "That grade could not be saved", "Choose one level for each criterion.", returnUrl);
            levels.Add(level);
        }
        decimal? points = null;
        var pointsText = form["points"].ToString();
        if (pointsText.Length > 0)
        {
            if (!decimal.TryParse(pointsText, NumberStyles.Number, CultureInfo.InvariantCulture, out var p))
                return this.ProblemView(400, "That grade could not be saved", $"'{pointsText}' is not a number of points.", returnUrl);
            points = p;
        }
        var result = await grading.GradeAsync(id, User, new GradeInput(levels.Count > 0 ? levels : null, points,
            form["feedback"].ToString(), form["reason"].ToString(), form["stamp"].ToString()));
        switch (result.Outcome)
        {
            case GradeOutcome.NotFound:
                return NotFound();
            case GradeOutcome.Invalid:
                return this.ProblemView(400, "That grade could not be saved", result.Message, returnUrl + $"?focus={id}#response-{id}");
            case GradeOutcome.Conflict:
                return this.ProblemView(409, "Changed while you were grading",
                    result.CurrentFeedback is null ? result.Message : $"{result.Message} Their feedback: {result.CurrentFeedback}",
                    returnUrl + $"?focus={id}#response-{id}");
        }
        TempData["Flash"] = result.Message;
        var next = int.TryParse(form["next"], out var n) ? n : (int?)null;
        return LocalRedirect(next is int target ? $"{returnUrl}?focus={target}#response-{target}" : $"{returnUrl}?focus={id}#response-{id}");
    }


    private static GradeFormView Form(Response r, Question q, QuizDefinition quiz, string student, string returnUrl, int? next, bool focus,
        IReadOnlyList<HistoryEntry> history, bool late) =>
        new(r.Id, quiz.NumberOf(q), q, student, Answer.FromJson(r.AnswerJson),
            r.AutoPoints, r.Points, r.NeedsGrading, r.Feedback, RubricScoring.FromJson(r.RubricJson), r.Stamp, returnUrl, next, focus,
            history.Where(h => h.ResponseId == r.Id).ToList(), late);
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
}

public sealed record ByQuestionPage(int AssignmentId, string Title, int Number, Question Question, IReadOnlyList<GradeFormView> Responses,
    int Graded, int Total, IReadOnlyList<(string Id, int Number)> OpenQuestions);

public sealed record ByStudentPage(int AssignmentId, string Title, int AttemptId, string Student, decimal? Score, decimal Max, DateTime? SubmittedAt,
    bool Late, IReadOnlyList<GradeFormView> Responses, int? Previous, int? Next, int Position, int Count);
