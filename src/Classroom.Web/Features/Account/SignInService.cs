using System.Security.Claims;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Classroom.Web.Features.Account;

public static class AccountClaims
{
    public const string DisplayName = "name";
    public const string MustChangePassword = "must-change-password";
    public const string NeedsTwoFactor = "needs-two-factor";

    /// <summary>The claims a refreshed sign-in keeps (Identity rebuilds the principal from the user every so often).</summary>
    public static readonly IReadOnlyList<string> Kept = [Sessions.Claim, DisplayName, MustChangePassword, NeedsTwoFactor];
}

public enum SignInResultKind { SignedIn, NeedsSecondStep, Refused, Throttled }

public sealed record SignInOutcome(SignInResultKind Kind, ApplicationUser? User = null, TimeSpan? Wait = null);

/// <summary>
/// Signing in with a password, as one rule: throttled per account and per account-and-address, the same answer
/// and about the same time whether or not the email has an account, a server-side session when it succeeds,
/// and every step in the sign-in audit.
/// </summary>
public sealed class SignInService(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IPasswordHasher<ApplicationUser> hasher,
    Sessions sessions, SignInAudit audit, IThrottleStore throttle, IOptions<ThrottleOptions> options, TwoFactor twoFactor, TimeProvider clock)
{
    // A real hash of a random password, so an unknown email costs the same work as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    private ThrottleOptions O => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private TimeSpan Forget => TimeSpan.FromMinutes(O.FailureMemoryMinutes);

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>How long this email must wait before trying from this address, if at all.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, HttpContext http)
    {
        var key = NormalizeEmail(email);
        var pair = await throttle.GetAsync(ThrottleRules.PairKey(key, AddressOf(http)), Now, Forget);
        var account = await throttle.GetAsync(ThrottleRules.AccountKey(key), Now, TimeSpan.FromHours(1));
        var waits = new[] { ThrottleRules.PairWait(pair, Now, O), ThrottleRules.AccountWait(account, Now, O) }.OfType<TimeSpan>().ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public async Task RecordFailureAsync(string email, HttpContext http)
    {
        var key = NormalizeEmail(email);
        await throttle.AddFailureAsync(ThrottleRules.PairKey(key, AddressOf(http)), Now, Forget);
        await throttle.AddFailureAsync(ThrottleRules.AccountKey(key), Now, TimeSpan.FromHours(1));
    }

    public Task ForgetFailuresAsync(string email, HttpContext http) =>
        throttle.ClearAsync(ThrottleRules.PairKey(NormalizeEmail(email), AddressOf(http)));

    public async Task<SignInOutcome> PasswordAsync(string email, string password, bool remember, HttpContext http)
    {
        if (await WaitAsync(email, http) is { } wait)
        {
            await audit.RecordAsync(SignInKinds.Throttled, http, email, detail: $"wait {ThrottleRules.Describe(wait)}");
            return new SignInOutcome(SignInResultKind.Throttled, Wait: wait);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        bool right;
        if (user?.PasswordHash is not null) right = await users.CheckPasswordAsync(user, password);
        else
        {
            hasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password);
            right = false;
        }
        if (!right)
        {
            await RecordFailureAsync(email, http);
            await audit.RecordAsync(SignInKinds.Failed, http, email, user?.Id);
            return new SignInOutcome(SignInResultKind.Refused);
        }
        await ForgetFailuresAsync(email, http);
        if (user!.TwoFactorEnabled)
        {
            var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id), new Claim("remember", remember ? "1" : "0")], IdentityConstants.TwoFactorUserIdScheme);
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            return new SignInOutcome(SignInResultKind.NeedsSecondStep, user);
        }
        await CompleteAsync(user, remember, http);
        return new SignInOutcome(SignInResultKind.SignedIn, user);
    }

    /// <summary>The last step of every sign-in: a server-side session and a cookie naming it.</summary>
    public async Task CompleteAsync(ApplicationUser user, bool remember, HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        var session = await sessions.StartAsync(user.Id, http);
        var claims = new List<Claim> { new(Sessions.Claim, session.Id), new(AccountClaims.DisplayName, user.DisplayName) };
        // What the account still owes before it may use the site: every page but these account pages sends it here.
        if (user.MustChangePassword) claims.Add(new(AccountClaims.MustChangePassword, "1"));
        else if (!user.TwoFactorEnabled && await twoFactor.RequiredForStaffAsync()
                 && (await users.IsInRoleAsync(user, Roles.Instructor) || await users.IsInRoleAsync(user, Roles.Admin)))
            claims.Add(new(AccountClaims.NeedsTwoFactor, "1"));
        await signIn.SignInWithClaimsAsync(user, remember, claims);
        await audit.RecordAsync(SignInKinds.SignedIn, http, user.Email, user.Id, detail: user.TwoFactorEnabled ? "with a second step" : null);
    }

    public async Task SignOutAsync(ClaimsPrincipal principal, HttpContext http)
    {
        if (Sessions.IdOf(principal) is { } id) await sessions.EndAsync(id, "signed out");
        await signIn.SignOutAsync();
        await audit.RecordAsync(SignInKinds.SignedOut, http, principal.Identity?.Name, principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }
}
