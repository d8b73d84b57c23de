using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Classroom.Web.Data.Migrations;

/// <summary>
/// The first schema, as EF Core's GenerateCreateScript() wrote it on the day (kept in Initial.sql).
/// Later migrations are small hand-written steps; SchemaTests proves the sum equals the model.
/// </summary>
[DbContext(typeof(ClassroomDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var statement in SqlScript.Statements("20261122000000_Initial.sql"))
            migrationBuilder.Sql(statement);
    }
}

internal static class SqlScript
{
    public static IEnumerable<string> Statements(string name)
    {
        var assembly = typeof(SqlScript).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd()
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0);
    }
}
