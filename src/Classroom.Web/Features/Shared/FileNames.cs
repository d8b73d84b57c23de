namespace Classroom.Web.Features.Shared;

public static class FileNames
{
    /// <summary>"Period 1 (B)" → "period-1-b": file names that say what they are and survive any file system.</summary>
    public static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());
        while (slug.Contains("--")) slug = slug.Replace("--", "-");
        slug = slug.Trim('-');
        return slug.Length == 0 ? "document" : slug;
    }
}
