using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using QRCoder;

namespace Classroom.Web.Features.Account;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238: six digits every 30 seconds). The key is
/// Identity's authenticator key; codes are checked with Otp.NET, one step either side for clock drift, and
/// a code cannot be used twice. Recovery codes are Identity's.
/// </summary>
public sealed class TwoFactor(UserManager<ApplicationUser> users, ClassroomDbContext db)
{
    public const string Issuer = "Classroom";
    public const string RequiredForStaffSetting = "require-staff-two-factor";

    public async Task<string> KeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return key!;
    }

    public static string OtpAuthUri(string key, string account) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>The otpauth link as an SVG QR code: markup, so it needs no image request and no data URL.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5, "#000000", "#ffffff", drawQuietZones: true);
    }

    /// <summary>True if the code is the current one (or a step either side) and has not been used before; remembers its step.</summary>
    public async Task<bool> VerifyAsync(ApplicationUser user, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var digits = new string((code ?? "").Where(char.IsDigit).ToArray());
        if (string.IsNullOrEmpty(key) || digits.Length != 6) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(digits, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        // A used step cannot be used again: the update only lands if this step is newer than the last one accepted.
        return await db.Users.Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step)) == 1;
    }

    public async Task<bool> RequiredForStaffAsync() =>
        await db.SiteSettings.AnyAsync(s => s.Key == RequiredForStaffSetting && s.Value == "true");

    public async Task SetRequiredForStaffAsync(bool required)
    {
        var setting = await db.SiteSettings.FindAsync(RequiredForStaffSetting);
        if (setting is null) db.SiteSettings.Add(new SiteSetting { Key = RequiredForStaffSetting, Value = required ? "true" : "false" });
        else setting.Value = required ? "true" : "false";
        await db.SaveChangesAsync();
    }
}
