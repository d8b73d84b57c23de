using System.Globalization;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Insight;

/// <summary>
/// Class insight for one assignment: item analysis, the class on the article, and exports. For the class's
/// instructors and admins only; reads go to the read replica when one is configured.
/// </summary>
[Authorize(Policy = Policies.Teaching)]
public sealed class InsightController(ClassroomDbContext db, ReportingDb reporting, ClassAccess access, QuizVersions versions) : Controller
{
    [HttpGet("/assignments/{id:int}/insight")]
    public async Task<IActionResult> Show(int id)
    {
        var data = await InsightQuery.LoadAsync(db, reporting.Db, access, versions, id, User);
        if (data is null) return NotFound();
        return View("Show", new InsightPage(data, InsightReport.Analyse(data.Quiz, data.Students)));
    }

    /// <summary>Every counted response to every question, one row each: student, question, answer as text, points, status.</summary>
    [HttpGet("/assignments/{id:int}/insight/responses.csv")]
    public async Task<IActionResult> ResponsesCsv(int id)
    {
        var data = await InsightQuery.LoadAsync(db, reporting.Db, access, versions, id, User);
        if (data is null) return NotFound();
        var bytes = CsvFiles.Write(csv =>
        {
            foreach (var h in new[] { "Student", "Question", "Type", "Answer", "Points", "Out of", "Status" }) csv.WriteField(h);
            csv.EndRecord();
            foreach (var s in data.Students)
                foreach (var (q, n) in data.Quiz.Questions.Select((q, i) => (q, i + 1)))
                {
                    var r = s.Responses.GetValueOrDefault(q.Id);
                    csv.WriteField(s.Name);
                    csv.WriteField($"{n}");
                    csv.WriteField(q.Kind.Label);
                    csv.WriteField(r is null ? "No answer." : q.AnswerText(r.Answer));
                    csv.WriteField(r is null || r.NeedsGrading ? "" : Number(r.Points));
                    csv.WriteField(Number(q.Points));
                    csv.WriteField(r is null ? "no response" : r.NeedsGrading ? "needs grading" : r.Answer.IsEmpty ? "blank" : "scored");
                    csv.EndRecord();
                }
        });
        return File(bytes, "text/csv; charset=utf-8", $"{FileNames.Slug(data.Assignment.Title)}-responses.csv");
    }

    /// <summary>One row per question: facility, discrimination, flags, as on the page.</summary>
    [HttpGet("/assignments/{id:int}/insight/items.csv")]
    public async Task<IActionResult> ItemsCsv(int id)
    {
        var data = await InsightQuery.LoadAsync(db, reporting.Db, access, versions, id, User);
        if (data is null) return NotFound();
        var items = InsightReport.Analyse(data.Quiz, data.Students);
        var bytes = CsvFiles.Write(csv =>
        {
            foreach (var h in new[] { "Question", "Type", "Prompt", "Points", "Students", "Answered", "Waiting for a teacher", "Facility (%)", "Discrimination (item-rest r)", "Flags" })
                csv.WriteField(h);
            csv.EndRecord();
            foreach (var d in items)
            {
                var i = d.Item;
                csv.WriteField($"{i.Number}");
                csv.WriteField(i.Question.Kind.Label);
                csv.WriteField(i.Question.Prompt);
                csv.WriteField(Number(i.Question.Points));
                csv.WriteField($"{data.Students.Count}");
                csv.WriteField($"{i.Answered}");
                csv.WriteField($"{i.WaitingForTeacher}");
                csv.WriteField(i.Facility is double f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) : "");
                csv.WriteField(i.Discrimination is double r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "");
                csv.WriteField(string.Join("; ", i.Flags));
                csv.EndRecord();
            }
        });
        return File(bytes, "text/csv; charset=utf-8", $"{FileNames.Slug(data.Assignment.Title)}-item-statistics.csv");
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

public sealed record InsightPage(InsightData Data, IReadOnlyList<QuestionDetail> Questions);
