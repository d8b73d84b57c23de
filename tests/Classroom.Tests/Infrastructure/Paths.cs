namespace Classroom.Tests.Infrastructure;

public static class Paths
{
    /// <summary>The repository root: the folder holding Classroom.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Content => Path.Combine(RepoRoot, "content");

    /// <summary>The seed articles as received, kept beside the repository in shared/seeds.</summary>
    public static string Seeds => Path.Combine(RepoRoot, "..", "shared", "seeds");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Classroom.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Classroom.sln not found above the test folder");
    }
}
