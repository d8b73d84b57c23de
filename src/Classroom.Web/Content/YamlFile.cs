using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Classroom.Web.Content;

/// <summary>
/// A YAML document read node by node, so every fault can name the line it comes from.
/// <paramref name="lineOffset"/> is the number of file lines before the YAML starts (front matter).
/// </summary>
public sealed class YamlFile
{
    public string File { get; }
    public YamlMappingNode Root { get; }
    private readonly int lineOffset;

    public YamlFile(string file, string yaml, int lineOffset = 0)
    {
        File = file;
        this.lineOffset = lineOffset;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ContentException(file, (int)e.Start.Line + lineOffset, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ContentException(file, lineOffset + 1, "expected a YAML mapping of fields");
        Root = root;
    }

    public int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;

    public ContentException Fault(YamlNode node, string fault) => new(File, LineOf(node), fault);

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string Required(YamlMappingNode map, string key)
    {
        var value = Optional(map, key);
        if (string.IsNullOrWhiteSpace(value))
            throw Fault(map, $"missing required field '{key}'");
        return value;
    }

    public string? Optional(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar) throw Fault(node, $"field '{key}' must be a single value");
        return scalar.Value?.Trim();
    }

    public int RequiredInt(YamlMappingNode map, string key)
    {
        var text = Required(map, key);
        if (!int.TryParse(text, out var value))
            throw Fault(Child(map, key)!, $"field '{key}' must be a whole number, not '{text}'");
        return value;
    }

    public IReadOnlyList<YamlNode> List(YamlMappingNode map, string key, bool required)
    {
        var node = Child(map, key);
        if (node is null)
            return required ? throw Fault(map, $"missing required field '{key}'") : [];
        if (node is not YamlSequenceNode seq) throw Fault(node, $"field '{key}' must be a list");
        if (required && seq.Children.Count == 0) throw Fault(node, $"field '{key}' must not be empty");
        return seq.Children.ToList();
    }

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key, bool required) =>
        List(map, key, required).Select(n => n is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)
            ? s.Value.Trim()
            : throw Fault(n, $"each entry of '{key}' must be text")).ToList();

    public IReadOnlyList<YamlMappingNode> Maps(YamlMappingNode map, string key, bool required) =>
        List(map, key, required).Select(n => n as YamlMappingNode
            ?? throw Fault(n, $"each entry of '{key}' must be a set of fields")).ToList();
}

/// <summary>Splits a Markdown file into its YAML front matter and its body.</summary>
public sealed record FrontMatterDocument(string Yaml, int YamlLineOffset, string Body, int BodyLineOffset)
{
    public static FrontMatterDocument Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
            throw new ContentException(file, 1, "expected front matter: the file must start with a line '---'");
        int close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
            throw new ContentException(file, 1, "front matter is not closed: add a line '---' after it");
        return new(string.Join('\n', lines[1..close]), 1, string.Join('\n', lines[(close + 1)..]), close + 1);
    }
}
