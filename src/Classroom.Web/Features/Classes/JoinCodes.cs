using System.Security.Cryptography;

namespace Classroom.Web.Features.Classes;

/// <summary>
/// Join codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
/// "ABCD-EFGH" and stored without the dash. About 8.5 × 10^11 codes, drawn by a cryptographic
/// generator, and joining is rate limited, so a code cannot be guessed.
/// </summary>
public static class JoinCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a student typed, as stored: upper case, no spaces or dashes.</summary>
    public static string Normalize(string? typed) =>
        new string((typed ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());

    public static string Display(string code) => code.Length > 4 ? $"{code[..4]}-{code[4..]}" : code;
}
