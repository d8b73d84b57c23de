using Classroom.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Classroom.Tests.Data;

/// <summary>The migrations (three hand-written, then generated ones) must build exactly the schema the model describes.</summary>
public class SchemaTests
{
    private static ClassroomDbContext Open(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<ClassroomDbContext>().UseSqlite(connection).Options);

    [Fact]
    public void Migrating_an_empty_database_gives_the_same_schema_as_the_model()
    {
        using var migrated = new SqliteConnection("Data Source=:memory:");
        using var created = new SqliteConnection("Data Source=:memory:");
        migrated.Open();
        created.Open();
        using (var db = Open(migrated)) db.Database.Migrate();
        using (var db = Open(created)) db.Database.EnsureCreated();

        var expected = Describe(created);
        var actual = Describe(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_model_has_no_change_that_lacks_a_migration()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = Open(connection);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the migrations' snapshot: run `dotnet ef migrations add <Name>` in src/Classroom.Web.");
    }

    [Fact]
    public void Every_migration_has_been_applied_after_migrating()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = Open(connection);
        db.Database.Migrate();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.NotEmpty(db.Database.GetAppliedMigrations());
    }

    [Fact]
    public void Upgrading_keeps_every_answer_already_saved()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var db = Open(connection))
        {
            db.GetService<IMigrator>().Migrate("20261122010000_QuizAttempts");
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO AspNetUsers (Id, DisplayName, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ('u1', 'Student', 0, 0, 0, 0, 0);
                INSERT INTO QuizVersions (Id, QuizSlug, ContentHash, DefinitionJson, CreatedAt) VALUES (1, 'q', 'h', '{}', '2026-01-01');
                INSERT INTO Attempts (Id, QuizVersionId, StudentId, Status, StartedAt, MaxScore) VALUES (1, 1, 'u1', 'InProgress', '2026-01-01', '10');
                INSERT INTO Responses (AttemptId, QuestionId, AnswerJson, SavedAt, NeedsGrading) VALUES (1, 'essay', '{"text":"every word"}', '2026-01-01', 0);
                """;
            insert.ExecuteNonQuery();
        }
        using (var db = Open(connection))
        {
            db.Database.Migrate();
            var response = db.Responses.Single();
            Assert.Equal("{\"text\":\"every word\"}", response.AnswerJson);
            Assert.Null(response.Feedback);
            Assert.Empty(db.Database.GetPendingMigrations());
        }
    }

    /// <summary>Tables, columns (type, nullability, default, key), indexes and foreign keys, as sorted text.</summary>
    private static List<string> Describe(SqliteConnection connection)
    {
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')")
            .Select(r => r[0]).ToList();
        foreach (var table in tables)
        {
            foreach (var c in Query(connection, $"PRAGMA table_info(\"{table}\")"))
                lines.Add($"{table} column {c[1]} {c[2]} notnull={c[3]} default={c[4]} pk={c[5]}");
            foreach (var i in Query(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var columns = string.Join(",", Query(connection, $"PRAGMA index_info(\"{i[1]}\")").Select(r => r[2]));
                lines.Add($"{table} index {i[1]} unique={i[2]} ({columns})");
            }
            foreach (var f in Query(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
                lines.Add($"{table} fk {f[3]} -> {f[2]}.{f[4]} on delete {f[6]}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i))!).ToArray());
        return rows;
    }
}
