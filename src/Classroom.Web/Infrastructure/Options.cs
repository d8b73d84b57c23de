namespace Classroom.Web.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and sign-up posts allowed per client address per minute.</summary>
    public int AuthPermitsPerMinute { get; set; } = 10;
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds demo accounts and a demo class; only ever honoured in Development.</summary>
    public bool Seed { get; set; } = true;

    public const string Password = "demo-classroom";
}
