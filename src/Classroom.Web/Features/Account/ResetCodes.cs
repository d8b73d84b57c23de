using System.Security.Cryptography;
using System.Text;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Account;

/// <summary>
/// One-time codes that let a person who forgot their password choose a new one, without email: a teacher
/// makes one for a student of their class, an admin for anyone. A code is shown once, valid for 24 hours,
/// used once; a new code replaces the previous one. Only a hash is stored.
/// </summary>
public sealed class ResetCodes(ClassroomDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    // No look-alikes (O/0, I/1/L), as for join codes: read aloud or off a screen without mistakes.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Normalize(string code) => new(code.ToUpperInvariant().Where(c => Alphabet.Contains(c)).ToArray());

    public static string Display(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));

    private static string Hash(string userId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}:{Normalize(code)}")));

    /// <summary>Makes a new code for a person, ending any earlier one; returns it for showing once, as "ABCD-EFGH-JKMN".</summary>
    public async Task<string> IssueAsync(string userId, string issuedById)
    {
        var code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, 12));
        await db.ResetCodes.Where(c => c.UserId == userId && c.UsedAt == null && c.ExpiresAt > Now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, Now));
        db.ResetCodes.Add(new ResetCode { UserId = userId, CodeHash = Hash(userId, code), CreatedAt = Now, ExpiresAt = Now + Lifetime, IssuedById = issuedById });
        await db.SaveChangesAsync();
        return Display(code);
    }

    /// <summary>Uses the code, once: true if it was this person's, unused and unexpired.</summary>
    public async Task<bool> RedeemAsync(string userId, string code)
    {
        var hash = Hash(userId, code);
        var now = Now;
        return await db.ResetCodes.Where(c => c.UserId == userId && c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now)) == 1;
    }
}

/// <summary>A reset code just made, shown once to the teacher or admin who made it.</summary>
public sealed record IssuedResetCode(string Name, string Email, string Code, string BackUrl);
