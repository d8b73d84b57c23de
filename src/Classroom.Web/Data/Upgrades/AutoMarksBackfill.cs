using System.Text.Json;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Data.Upgrades;

/// <summary>
/// Responses submitted before the verdict was stored with them (the November 2026 release) get it once,
/// computed from their own quiz version exactly as submission would have. After that, review only reads it.
/// </summary>
public static class AutoMarksBackfill
{
    public static async Task RunAsync(ClassroomDbContext db)
    {
        var missing = await (from r in db.Responses
                             join a in db.Attempts on r.AttemptId equals a.Id
                             where r.AutoPoints != null && r.AutoMarksJson == null
                             select new { Response = r, a.QuizVersionId }).ToListAsync();
        if (missing.Count == 0) return;
        var versionIds = missing.Select(m => m.QuizVersionId).Distinct().ToList();
        var definitions = (await db.QuizVersions.Where(v => versionIds.Contains(v.Id)).Select(v => new { v.Id, v.DefinitionJson }).ToListAsync())
            .ToDictionary(v => v.Id, v => JsonSerializer.Deserialize<QuizDefinition>(v.DefinitionJson, QuizJson.Options)!);
        foreach (var m in missing)
        {
            var question = definitions[m.QuizVersionId].Find(m.Response.QuestionId);
            m.Response.AutoMarksJson = question is null ? new AutoScore(0, false, [], []).MarksJson()
                : question.Score(Answer.FromJson(m.Response.AnswerJson)).MarksJson();
        }
        await db.SaveChangesAsync();
    }
}
