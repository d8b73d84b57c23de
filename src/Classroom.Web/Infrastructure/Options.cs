namespace Classroom.Web.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and sign-up posts allowed per client address per minute.</summary>
    public int AuthPermitsPerMinute { get; set; } = 10;
}
