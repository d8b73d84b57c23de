using System.ComponentModel.DataAnnotations;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Account;

/// <summary>Signing in and out, signing up, and getting back in after a forgotten password.</summary>
[Route("account")]
public sealed class AccountController(SignInService signIns, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> identity,
    ResetCodes codes, TwoFactor twoFactor, SignInAudit audit, Sessions sessions, Mailer mailer) : Controller
{
    public const string Refused = "That email and password do not match an account.";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl, CanEmail = mailer.Enabled });

    [HttpPost("login")]
    [EnableRateLimiting(RateLimitPolicies.Auth)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        form.CanEmail = mailer.Enabled;
        if (!ModelState.IsValid) return View(form);
        var outcome = await signIns.PasswordAsync(form.Email, form.Password, form.RememberMe, HttpContext);
        switch (outcome.Kind)
        {
            case SignInResultKind.Throttled:
                return Throttled(outcome.Wait!.Value);
            case SignInResultKind.Refused:
                ModelState.AddModelError("", Refused);
                return View(form);
            case SignInResultKind.NeedsSecondStep:
                return Redirect($"/account/second-step?returnUrl={Uri.EscapeDataString(SafeReturnUrl(form.ReturnUrl))}");
        }
        return LocalRedirect(await NextPageAsync(outcome.User!, form.ReturnUrl));
    }

    [HttpGet("second-step")]
    public async Task<IActionResult> SecondStep(string? returnUrl) =>
        await identity.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : View(new SecondStepForm { ReturnUrl = returnUrl });

    [HttpPost("second-step")]
    [EnableRateLimiting(RateLimitPolicies.Auth)]
    public async Task<IActionResult> SecondStep(SecondStepForm form)
    {
        var user = await identity.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/account/login");
        if (await signIns.WaitAsync(user.Email!, HttpContext) is { } wait) return Throttled(wait);
        var code = form.Code?.Trim() ?? "";
        var ok = code.Replace(" ", "").Length == 6 && code.Replace(" ", "").All(char.IsDigit)
            ? await twoFactor.VerifyAsync(user, code)
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, code.Replace(" ", "").ToUpperInvariant())).Succeeded;
        if (!ok)
        {
            await signIns.RecordFailureAsync(user.Email!, HttpContext);
            await audit.RecordAsync(SignInKinds.TwoFactorFailed, HttpContext, user.Email, user.Id);
            ModelState.AddModelError(nameof(form.Code), "That code is not right, or it was already used. Codes change every 30 seconds.");
            return View(form);
        }
        var remember = (await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal?.FindFirst("remember")?.Value == "1";
        await signIns.CompleteAsync(user, remember, HttpContext);
        return LocalRedirect(await NextPageAsync(user, form.ReturnUrl));
    }

    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    [EnableRateLimiting(RateLimitPolicies.Auth)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = new ApplicationUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), DisplayName = form.DisplayName.Trim() };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, form.Password);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups with the same email at once: the database let one in; this one is told as if it were taken.
            created = IdentityResult.Failed(users.ErrorDescriber.DuplicateEmail(user.Email));
        }
        if (!created.Succeeded)
        {
            // Whether an email has an account is nobody else's business: one neutral message for a taken email.
            var taken = created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
            if (taken)
                ModelState.AddModelError("", "An account could not be made with that email. If you already have one, sign in; if you forgot its password, ask your teacher for a reset code.");
            foreach (var error in created.Errors.Where(e => e.Code is not nameof(IdentityErrorDescriber.DuplicateEmail) and not nameof(IdentityErrorDescriber.DuplicateUserName)))
                ModelState.AddModelError("", error.Description);
            return View(form);
        }
        await users.AddToRoleAsync(user, Roles.Student);
        await audit.RecordAsync(SignInKinds.AccountCreated, HttpContext, user.Email, user.Id);
        await signIns.CompleteAsync(user, remember: false, HttpContext);
        return LocalRedirect("/");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIns.SignOutAsync(User, HttpContext);
        return LocalRedirect("/");
    }

    [HttpGet("reset")]
    public IActionResult Reset(string? email, string? token) => View(new ResetForm { Email = email ?? "", Token = token });

    /// <summary>A new password with a reset code from a teacher or admin, or with the link from a reset email.</summary>
    [HttpPost("reset")]
    [EnableRateLimiting(RateLimitPolicies.Auth)]
    public async Task<IActionResult> Reset(ResetForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Code) && string.IsNullOrWhiteSpace(form.Token))
            ModelState.AddModelError(nameof(form.Code), "Type the reset code your teacher gave you.");
        if (!ModelState.IsValid) return View(form);
        if (await signIns.WaitAsync(form.Email, HttpContext) is { } wait) return Throttled(wait);
        const string refused = "That email and reset code do not match, or the code has expired or was used. Ask for a new code.";
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            await signIns.RecordFailureAsync(form.Email, HttpContext);
            await audit.RecordAsync(SignInKinds.ResetCodeRefused, HttpContext, form.Email);
            ModelState.AddModelError("", refused);
            return View(form);
        }
        // The new password is checked before the code is spent, so a password that is too short does not waste it.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, form.Password);
            foreach (var error in check.Errors) ModelState.AddModelError(nameof(form.Password), error.Description);
        }
        if (!ModelState.IsValid) return View(form);

        IdentityResult changed;
        if (!string.IsNullOrWhiteSpace(form.Token))
        {
            changed = await users.ResetPasswordAsync(user, form.Token, form.Password);
            if (!changed.Succeeded)
            {
                await audit.RecordAsync(SignInKinds.ResetCodeRefused, HttpContext, form.Email, user.Id, detail: "email link");
                ModelState.AddModelError("", "That reset link has expired or was already used. Ask for a new one.");
                return View(form);
            }
            await audit.RecordAsync(SignInKinds.ResetByEmail, HttpContext, user.Email, user.Id);
        }
        else
        {
            if (!await codes.RedeemAsync(user.Id, form.Code!))
            {
                await signIns.RecordFailureAsync(form.Email, HttpContext);
                await audit.RecordAsync(SignInKinds.ResetCodeRefused, HttpContext, form.Email, user.Id);
                ModelState.AddModelError("", refused);
                return View(form);
            }
            var token = await users.GeneratePasswordResetTokenAsync(user);
            changed = await users.ResetPasswordAsync(user, token, form.Password);
            await audit.RecordAsync(SignInKinds.ResetCodeUsed, HttpContext, user.Email, user.Id);
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await sessions.EndAllAsync(user.Id, "password reset");
        await signIns.ForgetFailuresAsync(form.Email, HttpContext);
        TempData["Flash"] = "Your password is changed, and every other device was signed out.";
        if (user.TwoFactorEnabled) return Redirect("/account/login");
        await signIns.CompleteAsync(user, remember: false, HttpContext);
        return LocalRedirect(await NextPageAsync(user, null));
    }

    [HttpGet("forgot")]
    public IActionResult Forgot() => View(new ForgotForm { CanEmail = mailer.Enabled });

    [HttpPost("forgot")]
    [EnableRateLimiting(RateLimitPolicies.Auth)]
    public async Task<IActionResult> Forgot(ForgotForm form)
    {
        form.CanEmail = mailer.Enabled;
        if (!ModelState.IsValid || !mailer.Enabled) return View(form);
        if (await signIns.WaitAsync(form.Email, HttpContext) is { } wait) return Throttled(wait);
        // Counted like a failed sign-in, so the form cannot be used to flood someone's inbox.
        await signIns.RecordFailureAsync(form.Email, HttpContext);
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user?.Email is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/account/reset?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}";
            await mailer.SendAsync(user.Email, "Choose a new Classroom password",
                $"Hello {user.DisplayName},\n\nSomeone (we hope you) asked to choose a new password for Classroom. Open this link within a day to do it:\n\n{link}\n\nIf it was not you, ignore this email: your password stays as it is.\n");
            await audit.RecordAsync(SignInKinds.ResetEmailSent, HttpContext, user.Email, user.Id);
        }
        form.Sent = true;
        return View(form);
    }

    [HttpGet("denied")]
    public IActionResult Denied() => this.ProblemView(StatusCodes.Status403Forbidden, "Not allowed", "That page is not for your account.", "/");

    /// <summary>Where a person goes after signing in: first whatever their account needs (a password of their own, two-step sign-in), then where they were going.</summary>
    private async Task<string> NextPageAsync(ApplicationUser user, string? returnUrl)
    {
        if (user.MustChangePassword) return "/account/password";
        if (!user.TwoFactorEnabled && await twoFactor.RequiredForStaffAsync() && (await users.IsInRoleAsync(user, Roles.Instructor) || await users.IsInRoleAsync(user, Roles.Admin)))
            return "/account/two-factor";
        return SafeReturnUrl(returnUrl);
    }

    private IActionResult Throttled(TimeSpan wait)
    {
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        return this.ProblemView(StatusCodes.Status429TooManyRequests, "Too many tries",
            $"Too many failed tries for this email from here. Try again in {ThrottleRules.Describe(wait)}. If you have forgotten your password, ask your teacher for a reset code.",
            "/account/login");
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}

public sealed class LoginForm
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(PasswordLengthValidator<ApplicationUser>.MaxLength)]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    public bool CanEmail { get; set; }
}

public sealed class SecondStepForm
{
    [Required(ErrorMessage = "Type the 6-digit code from your authenticator app, or a recovery code."), StringLength(40), Display(Name = "Code")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm
{
    [Required, Display(Name = "Your name"), StringLength(100)]
    public string DisplayName { get; set; } = "";

    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password), StringLength(PasswordLengthValidator<ApplicationUser>.MaxLength, MinimumLength = 8, ErrorMessage = "Passwords must be 8 to 128 characters.")]
    public string Password { get; set; } = "";

    [Required, DataType(DataType.Password), Display(Name = "Password again"), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetForm
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [StringLength(40), Display(Name = "Reset code")]
    public string? Code { get; set; }

    public string? Token { get; set; }

    [Required, DataType(DataType.Password), Display(Name = "New password"), StringLength(PasswordLengthValidator<ApplicationUser>.MaxLength, MinimumLength = 8, ErrorMessage = "Passwords must be 8 to 128 characters.")]
    public string Password { get; set; } = "";

    [Required, DataType(DataType.Password), Display(Name = "New password again"), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ForgotForm
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    public bool CanEmail { get; set; }
    public bool Sent { get; set; }
}
