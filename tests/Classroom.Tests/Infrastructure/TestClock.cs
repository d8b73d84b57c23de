namespace Classroom.Tests.Infrastructure;

/// <summary>A clock a test can move forward, to reach time limits without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => now;
    public void Advance(TimeSpan by) => now += by;
    public void SetTo(DateTimeOffset at) => now = at;
}

/// <summary>A copy of content/ in a temporary folder that a test may edit.</summary>
public sealed class ContentCopy : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("classroom-content-").FullName;

    public ContentCopy()
    {
        foreach (var file in Directory.EnumerateFiles(Paths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Paths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Edit(string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(Root, relativePath);
        var before = File.ReadAllText(path);
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"the edit changed nothing in {relativePath}");
        File.WriteAllText(path, after);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
