namespace Classroom.Web.Data.Entities;

/// <summary>
/// A signed-in browser. The sign-in cookie names its session; a session that has ended (sign-out, a password
/// change or reset, "sign out everywhere", an admin) no longer signs anyone in, whoever holds the cookie.
/// </summary>
public class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public string Address { get; set; } = "";
    /// <summary>The browser, as its user-agent string describes itself (shortened).</summary>
    public string Device { get; set; } = "";
}

/// <summary>What the sign-in audit records: who (the account, or the email typed), from where, what happened. Never a secret.</summary>
public class SignInEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>The account concerned, when there is one.</summary>
    public string? UserId { get; set; }
    /// <summary>The email as typed (lower case), so failures against unknown emails are visible too.</summary>
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>Who did it, when it was someone else (a teacher issuing a reset code, an admin).</summary>
    public string? ActorId { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A one-time code a teacher or admin gives a student who forgot their password. Only its hash is kept.</summary>
public class ResetCode
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public string IssuedById { get; set; } = "";
}

/// <summary>A site-wide setting an admin changes on a page (for example, two-step sign-in required for staff).</summary>
public class SiteSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

public static class SignInKinds
{
    public const string SignedIn = "signed in";
    public const string Failed = "failed sign-in";
    public const string Throttled = "throttled";
    public const string SignedOut = "signed out";
    public const string SessionsEnded = "sessions ended";
    public const string PasswordChanged = "password changed";
    public const string ResetCodeIssued = "reset code issued";
    public const string ResetCodeUsed = "reset code used";
    public const string ResetCodeRefused = "reset code refused";
    public const string ResetEmailSent = "reset email sent";
    public const string ResetByEmail = "password reset by email";
    public const string RoleChanged = "role changed";
    public const string TwoFactorEnabled = "two-step sign-in turned on";
    public const string TwoFactorDisabled = "two-step sign-in turned off";
    public const string TwoFactorFailed = "two-step code refused";
    public const string AccountCreated = "account created";
}
