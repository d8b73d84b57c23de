using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Classes;
using Classroom.Web.Features.Quizzes;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Gradebook;

[Authorize]
public sealed class GradebookController(ReportingDb reporting, ClassAccess access, QuizVersions versions, TimeProvider clock) : Controller
{
    // Reads go to the read replica when one is configured; access is checked on the primary.
    private readonly ClassroomDbContext db = reporting.Db;

    [HttpGet("/classes/{id:int}/gradebook")]
    public async Task<IActionResult> Show(int id, string? count)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is not null)
            return View("Show", new GradebookPage(taught.Id, taught.Name, taught.TimeZone, await BuildAsync(taught, count == "all"), StudentView: false));
        var studentId = User.Id()!;
        if (!await access.IsEnrolledAsync(id, studentId)) return NotFound();
        var joined = await db.Classes.SingleAsync(c => c.Id == id);
        var table = await BuildAsync(joined);
        // A student sees their own row, and only the assignments whose grades are released.
        var row = table.Rows.Single(r => r.Student.Id == studentId);
        var cells = row.Cells.Select((c, i) => table.Assignments[i].Released ? c : c with { Points = null }).ToList();
        var counted = cells.Where((c, i) => table.Assignments[i].Released && c.Status is CellStatus.Final or CellStatus.Missing).ToList();
        var mine = new GradebookRow(row.Student, cells, counted.Sum(c => c.Points ?? 0), counted.Sum(c => c.Max));
        return View("Show", new GradebookPage(joined.Id, joined.Name, joined.TimeZone, table with { Rows = [mine], Columns = [] }, StudentView: true));
    }

    [HttpGet("/classes/{id:int}/gradebook.csv")]
    public async Task<IActionResult> Csv(int id, string? count)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is null)
            return await access.IsEnrolledAsync(id, User.Id()!) ? Forbid() : NotFound();
        var bytes = GradebookCsv.Write(await BuildAsync(taught, count == "all"));
        return File(bytes, "text/csv; charset=utf-8", $"{FileNames.Slug(taught.Name)}-gradebook.csv");
    }

    private Task<GradebookTable> BuildAsync(Class c, bool countUnfinished = false) =>
        GradebookQuery.BuildAsync(db, versions, c, clock.GetUtcNow().UtcDateTime, countUnfinished);
}

public sealed record GradebookPage(int ClassId, string ClassName, string TimeZone, GradebookTable Table, bool StudentView);
