using System.ComponentModel.DataAnnotations;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Account;

/// <summary>A signed-in person's own account: password, signed-in devices, two-step sign-in.</summary>
[Authorize]
[Route("account")]
public sealed class MyAccountController(UserManager<ApplicationUser> users, SignInService signIns, Sessions sessions, SignInAudit audit, TwoFactor twoFactor, Data.ClassroomDbContext db) : Controller
{
    private async Task<ApplicationUser> MeAsync() => (await users.GetUserAsync(User))!;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = await MeAsync();
        var staff = User.IsInRole(Roles.Instructor) || User.IsInRole(Roles.Admin);
        return View(new AccountPage(me.DisplayName, me.Email ?? "", staff, me.TwoFactorEnabled, (await sessions.OpenAsync(me.Id)).Count));
    }

    [HttpGet("password")]
    public async Task<IActionResult> Password() => View(new PasswordForm { Required = (await MeAsync()).MustChangePassword });

    [HttpPost("password")]
    public async Task<IActionResult> Password(PasswordForm form)
    {
        var me = await MeAsync();
        form.Required = me.MustChangePassword;
        if (!ModelState.IsValid) return View(form);
        if (form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), "Choose a password different from the current one.");
            return View(form);
        }
        var changed = await users.ChangePasswordAsync(me, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That is not your current password." : error.Description);
            return View(form);
        }
        me.MustChangePassword = false;
        await users.UpdateAsync(me);
        // Every other device signs out; this one gets a fresh session.
        await sessions.EndAllAsync(me.Id, "password changed");
        await audit.RecordAsync(SignInKinds.PasswordChanged, HttpContext, me.Email, me.Id);
        await signIns.CompleteAsync(me, remember: false, HttpContext);
        TempData["Flash"] = "Your password is changed, and every other device was signed out.";
        return Redirect("/account");
    }

    [HttpGet("sessions")]
    public async Task<IActionResult> Devices()
    {
        var me = await MeAsync();
        var mine = await sessions.OpenAsync(me.Id);
        var current = Sessions.IdOf(User);
        var zone = await Shared.ClassTime.ZoneOfAsync(db, me.Id);
        return View("Sessions", mine.Select(s => new DeviceRow(s.Id, s.Id == current, Shared.ClassTime.Format(s.CreatedAt, zone), Shared.ClassTime.Format(s.LastSeenAt, zone),
            s.Address, Browser.Describe(s.Device))).ToList());
    }

    [HttpPost("sessions/end-all")]
    public async Task<IActionResult> EndAll()
    {
        var me = await MeAsync();
        var ended = await sessions.EndAllAsync(me.Id, "signed out everywhere");
        await audit.RecordAsync(SignInKinds.SessionsEnded, HttpContext, me.Email, me.Id, detail: $"{ended} ended by the owner");
        await HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().SignOutAsync();
        TempData["Flash"] = "You are signed out on every device, this one included.";
        return Redirect("/account/login");
    }

    [HttpPost("sessions/{id}/end")]
    public async Task<IActionResult> End(string id)
    {
        var me = await MeAsync();
        if (!(await sessions.OpenAsync(me.Id)).Any(s => s.Id == id)) return NotFound();
        await sessions.EndAsync(id, "signed out from another device");
        await audit.RecordAsync(SignInKinds.SessionsEnded, HttpContext, me.Email, me.Id, detail: "1 ended by the owner");
        TempData["Flash"] = "That device is signed out.";
        return Redirect("/account/sessions");
    }

    [HttpGet("two-factor")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var me = await MeAsync();
        return View("TwoFactor", await TwoFactorPageAsync(me));
    }

    /// <summary>The QR code of the key being set up, as an image; never after two-step sign-in is on.</summary>
    [HttpGet("two-factor/qr.svg")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> TwoFactorQr()
    {
        var me = await MeAsync();
        if (me.TwoFactorEnabled) return NotFound();
        return Content(TwoFactor.QrSvg(TwoFactor.OtpAuthUri(await twoFactor.KeyAsync(me), me.Email!)), "image/svg+xml");
    }

    [HttpPost("two-factor")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> TwoFactorSetup(TwoFactorForm form)
    {
        var me = await MeAsync();
        if (me.TwoFactorEnabled) return Redirect("/account/two-factor");
        if (!await twoFactor.VerifyAsync(me, form.Code ?? ""))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Check the time on your phone, and type the code your app shows now.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("TwoFactor", await TwoFactorPageAsync(me));
        }
        await users.SetTwoFactorEnabledAsync(me, true);
        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(me, 10))!.ToList();
        await audit.RecordAsync(SignInKinds.TwoFactorEnabled, HttpContext, me.Email, me.Id);
        // A fresh session, now that the account owes nothing.
        if (Sessions.IdOf(User) is { } current) await sessions.EndAsync(current, "two-step sign-in turned on");
        await signIns.CompleteAsync(me, remember: false, HttpContext);
        return View("RecoveryCodes", recovery);
    }

    [HttpPost("two-factor/off")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> TwoFactorOff(TwoFactorForm form)
    {
        var me = await MeAsync();
        if (await twoFactor.RequiredForStaffAsync())
            return this.ProblemView(StatusCodes.Status409Conflict, "Two-step sign-in is required", "Your school requires two-step sign-in for staff, so it cannot be turned off.", "/account/two-factor");
        if (!await twoFactor.VerifyAsync(me, form.Code ?? ""))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right: type the code your app shows now to turn two-step sign-in off.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("TwoFactor", await TwoFactorPageAsync(me));
        }
        await users.SetTwoFactorEnabledAsync(me, false);
        await users.ResetAuthenticatorKeyAsync(me);
        await audit.RecordAsync(SignInKinds.TwoFactorDisabled, HttpContext, me.Email, me.Id);
        TempData["Flash"] = "Two-step sign-in is off.";
        return Redirect("/account");
    }

    private async Task<TwoFactorPage> TwoFactorPageAsync(ApplicationUser me)
    {
        var required = await twoFactor.RequiredForStaffAsync();
        if (me.TwoFactorEnabled) return new TwoFactorPage(true, required, null, await users.CountRecoveryCodesAsync(me));
        var key = await twoFactor.KeyAsync(me);
        return new TwoFactorPage(false, required, string.Join(' ', key.Chunk(4).Select(c => new string(c))), 0);
    }
}

public sealed record AccountPage(string Name, string Email, bool Staff, bool TwoFactorEnabled, int Devices);

public sealed record DeviceRow(string Id, bool Current, string SignedInAt, string LastSeenAt, string Address, string Browser);

public sealed record TwoFactorPage(bool Enabled, bool Required, string? KeyText, int RecoveryCodesLeft);

public sealed class TwoFactorForm
{
    [StringLength(20)]
    public string? Code { get; set; }
}

public sealed class PasswordForm
{
    [Required, DataType(DataType.Password), Display(Name = "Current password"), StringLength(PasswordLengthValidator<ApplicationUser>.MaxLength)]
    public string CurrentPassword { get; set; } = "";

    [Required, DataType(DataType.Password), Display(Name = "New password"), StringLength(PasswordLengthValidator<ApplicationUser>.MaxLength, MinimumLength = 8, ErrorMessage = "Passwords must be 8 to 128 characters.")]
    public string NewPassword { get; set; } = "";

    [Required, DataType(DataType.Password), Display(Name = "New password again"), Compare(nameof(NewPassword), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    public bool Required { get; set; }
}

/// <summary>A short name for a browser from its user-agent string, for the devices page.</summary>
public static class Browser
{
    public static string Describe(string agent)
    {
        if (string.IsNullOrWhiteSpace(agent)) return "Unknown browser";
        var name = agent.Contains("Edg/") ? "Edge" : agent.Contains("Firefox/") ? "Firefox" : agent.Contains("Chrome/") ? "Chrome"
            : agent.Contains("Safari/") ? "Safari" : "A browser";
        var os = agent.Contains("Windows") ? "Windows" : agent.Contains("iPhone") || agent.Contains("iPad") ? "iOS" : agent.Contains("Android") ? "Android"
            : agent.Contains("Mac OS") ? "macOS" : agent.Contains("CrOS") ? "ChromeOS" : agent.Contains("Linux") ? "Linux" : null;
        return os is null ? name : $"{name} on {os}";
    }
}
