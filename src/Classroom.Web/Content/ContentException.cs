namespace Classroom.Web.Content;

/// <summary>A fault in a content file. The message names the file, the line where known, and the fault.</summary>
public sealed class ContentException(string file, int? line, string fault)
    : Exception(line is null ? $"{file}: {fault}" : $"{file}, line {line}: {fault}")
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public string Fault { get; } = fault;
}
