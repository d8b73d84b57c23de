using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Classroom.Web.Content;
using Classroom.Web.Content.Questions;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Quizzes;

/// <summary>
/// Stores each distinct quiz definition once, the first time it is used, and reads versions back.
/// A version never changes, so parsed definitions are cached for the life of the process.
/// </summary>
public sealed class QuizVersions(ClassroomDbContext db, VersionCache cache)
{
    public static JsonSerializerOptions Json => QuizJson.Options;

    public static (string Json, string Hash) Snapshot(QuizDefinition quiz)
    {
        var json = JsonSerializer.Serialize(quiz, Json);
        return (json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    public async Task<QuizVersion> CurrentAsync(QuizDefinition quiz)
    {
        var (json, hash) = Snapshot(quiz);
        var existing = await db.QuizVersions.SingleOrDefaultAsync(v => v.QuizSlug == quiz.Slug && v.ContentHash == hash);
        if (existing is not null) return existing;
        var version = new QuizVersion { QuizSlug = quiz.Slug, ContentHash = hash, DefinitionJson = json, CreatedAt = DateTime.UtcNow };
        db.QuizVersions.Add(version);
        try
        {
            await db.SaveChangesAsync();
            return version;
        }
        catch (DbUpdateException)
        {
            // Another request stored the same version first: use theirs.
            db.Entry(version).State = EntityState.Detached;
            return await db.QuizVersions.SingleAsync(v => v.QuizSlug == quiz.Slug && v.ContentHash == hash);
        }
    }

    public async Task<QuizDefinition> DefinitionAsync(int versionId)
    {
        if (cache.TryGet(versionId, out var cached)) return cached;
        var json = await db.QuizVersions.Where(v => v.Id == versionId).Select(v => v.DefinitionJson).SingleAsync();
        return cache.Add(versionId, JsonSerializer.Deserialize<QuizDefinition>(json, Json)!);
    }
}

public sealed class VersionCache
{
    private readonly ConcurrentDictionary<int, QuizDefinition> definitions = new();
    public bool TryGet(int id, out QuizDefinition definition) => definitions.TryGetValue(id, out definition!);
    public QuizDefinition Add(int id, QuizDefinition definition) => definitions.GetOrAdd(id, definition);
}
