using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Microsoft.Data.Sqlite;

namespace Classroom.Tests.Data;

/// <summary>
/// Fixtures/release-2026-11.db was made by the November 2026 release (the three hand-written migrations):
/// the demo class, a graded and a waiting assignment attempt, an essay graded with the rubric, an
/// override with a reason, released grades, and a practice attempt at every quiz (one still open).
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "release-2026-11.db");
    private readonly string copy = Path.Combine(Path.GetTempPath(), $"classroom-upgrade-{Guid.NewGuid():N}.db");

    public UpgradeTests() => File.Copy(Fixture, copy);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(copy + suffix); } catch (IOException) { }
    }

    private ClassroomFactory Open() => new()
    {
        DatabasePath = copy,
        DeleteDatabase = false,
        Settings = { ["Demo:Seed"] = "false" },
    };

    private static List<string[]> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    private static readonly string[] Tables =
        ["AspNetUsers", "AspNetUserRoles", "AspNetRoles", "Classes", "Enrollments", "ClassInstructors", "QuizVersions", "Assignments", "Attempts", "Responses", "ScoreChanges", "LessonReads"];

    /// <summary>Every row of the tables that hold people's work, as text, in a stable order: the columns the fixture has.</summary>
    private static Dictionary<string, List<string>> Snapshot(string path) => Tables.ToDictionary(t => t, t =>
    {
        var columns = Query(Fixture, $"PRAGMA table_info(\"{t}\")").Select(c => c[1]).Order(StringComparer.Ordinal).ToList();
        var select = string.Join(", ", columns.Select(c => $"\"{c}\""));
        return Query(path, $"SELECT {select} FROM \"{t}\"").Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();
    });

    [SqliteFact]
    public async Task A_database_from_the_November_release_upgrades_and_keeps_every_row()
    {
        var before = Snapshot(copy);
        Assert.NotEmpty(before["Responses"]);
        Assert.NotEmpty(before["ScoreChanges"]);

        using (var factory = Open())
        {
            var client = factory.CreateBrowserLikeClient();
            await client.SignInOrFailAsync("student3@example.com", "demo-classroom");
        }

        var applied = Query(copy, "SELECT MigrationId FROM __EFMigrationsHistory").Select(r => r[0]).ToList();
        Assert.Contains(applied, m => m.EndsWith("_Baseline"));
        Assert.Contains(applied, m => m.EndsWith("_AttemptAssignmentForeignKey"));

        var after = Snapshot(copy);
        foreach (var table in Tables.Where(t => t is not "Responses" and not "AspNetUsers"))
            Assert.Equal(before[table], after[table]);
        // Responses gained the stored verdict column; every answer, point and piece of feedback is as it was.
        var kept = Query(copy, "SELECT Id, AttemptId, QuestionId, AnswerJson, AutoPoints, Points, Feedback, RubricJson, Stamp, NeedsGrading FROM Responses ORDER BY Id");
        var old = Query(Fixture, "SELECT Id, AttemptId, QuestionId, AnswerJson, AutoPoints, Points, Feedback, RubricJson, Stamp, NeedsGrading FROM Responses ORDER BY Id");
        Assert.Equal(old.Select(r => string.Join("|", r)), kept.Select(r => string.Join("|", r)));
        Assert.Equal(before["AspNetUsers"].Count, after["AspNetUsers"].Count);

        // The attempts table was rebuilt with its new foreign key, and nothing points nowhere.
        Assert.Contains(Query(copy, "PRAGMA foreign_key_list(\"Attempts\")"), fk => fk[2] == "Assignments" && fk[3] == "AssignmentId");
        Assert.Empty(Query(copy, "PRAGMA foreign_key_check"));
        Assert.Empty(Query(copy, "SELECT Id FROM Responses WHERE AutoPoints IS NOT NULL AND AutoMarksJson IS NULL"));
    }

    [SqliteFact]
    public async Task Every_quiz_version_the_November_release_stored_still_reads_scores_and_renders()
    {
        var versions = Query(Fixture, "SELECT Id, QuizSlug, DefinitionJson FROM QuizVersions");
        Assert.Equal(5, versions.Count);
        var byId = new Dictionary<string, QuizDefinition>();
        foreach (var v in versions)
        {
            var quiz = JsonSerializer.Deserialize<QuizDefinition>(v[2], QuizJson.Options)!;
            Assert.Equal(v[1], quiz.Slug);
            Assert.Equal(JsonNode.Parse(v[2])!["questions"]!.AsArray().Count, quiz.Questions.Count);
            byId[v[0]] = quiz;
        }

        // Scoring each stored answer again gives the points the November release gave it; ledger sources are
        // matched more generously since (titles and a leading "the" no longer count), never more strictly.
        var scored = Query(Fixture, "SELECT a.QuizVersionId, r.QuestionId, r.AnswerJson, r.AutoPoints FROM Responses r JOIN Attempts a ON a.Id = r.AttemptId WHERE r.AutoPoints IS NOT NULL");
        Assert.True(scored.Count > 30);
        foreach (var r in scored)
        {
            var question = byId[r[0]].Find(r[1])!;
            var then = decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture);
            var now = question.Score(Answer.FromJson(r[2])).Points;
            if (question is LedgerQuestion) Assert.True(now >= then, $"{r[1]}: {now} < {then}");
            else Assert.Equal(then, now);
        }

        // The student sees each old attempt, encoded, and the open one resumes with its saved answers.
        using var factory = Open();
        var client = factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("student3@example.com", "demo-classroom");
        foreach (var id in new[] { 3, 4, 5, 7 })
        {
            var review = await client.GetAsync($"/attempts/{id}/review");
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
            var html = await review.Content.ReadAsStringAsync();
            Assert.Contains("&lt;b&gt;", html);
            Assert.DoesNotContain("<b>answer</b>", html);
        }
        var open = await client.GetStringAsync("/attempts/6");
        Assert.Contains("value=\"global-research\" checked=\"checked\"", open);
    }

    [Fact]
    public void A_field_added_to_a_question_later_leaves_old_versions_readable()
    {
        // An old version lacks fields that later code knows; a newer one may carry fields this code does not.
        var json = JsonNode.Parse(Query(Fixture, "SELECT DefinitionJson FROM QuizVersions WHERE QuizSlug = 'tal-afar-offensive'")[0][0])!;
        foreach (var q in json["questions"]!.AsArray())
        {
            var node = q!.AsObject();
            node.Remove("category");
            node.Remove("acceptedAnswers");
            node.Remove("rubric");
            node.Remove("maxLength");
            node["addedInSomeLaterVersion"] = "ignored";
        }
        var quiz = JsonSerializer.Deserialize<QuizDefinition>(json.ToJsonString(), QuizJson.Options)!;
        var highlight = quiz.Questions.OfType<HighlightQuestion>().Single();
        Assert.Null(highlight.Category);
        Assert.NotEmpty(highlight.KeySentences);
        var essay = quiz.Questions.OfType<EssayQuestion>().Single();
        Assert.Empty(essay.Rubric);
        Assert.True(essay.NeedsInstructor);
        Assert.Equal(highlight.Points, highlight.Score(new Answer { Sentences = highlight.KeySentences }).Points);
    }
}
