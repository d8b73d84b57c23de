using Microsoft.Extensions.Primitives;

namespace Classroom.Web.Content.Questions;

/// <summary>A posted form as a question reads it: every value of a field, trimmed, without empties.</summary>
public sealed class FormFields(IEnumerable<KeyValuePair<string, StringValues>> form)
{
    private readonly Dictionary<string, StringValues> fields = form.ToDictionary(f => f.Key, f => f.Value);

    public IEnumerable<string> Keys => fields.Keys;

    public IReadOnlyList<string> Values(string key) =>
        fields.GetValueOrDefault(key).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!.Trim()).ToList();

    /// <summary>A text field exactly as typed (written answers keep their spacing).</summary>
    public string Text(string key) => fields.GetValueOrDefault(key).ToString();
}
