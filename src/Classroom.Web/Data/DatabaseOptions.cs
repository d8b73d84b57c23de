namespace Classroom.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The "Database" settings: which database, and whether this instance migrates it when it starts.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the default: one file, one machine) or Postgres (with ConnectionStrings:Classroom).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply migrations at start (the default, right for one instance). With several instances, turn it off and
    /// run `dotnet Classroom.Web.dll migrate` once per release, so instances never race to migrate.
    /// </summary>
    public bool MigrateAtStartup { get; set; } = true;
}
