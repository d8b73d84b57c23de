namespace Classroom.Web.Features.Shared;

/// <summary>Named authorization policies, registered once at start.</summary>
public static class Policies
{
    /// <summary>Instructors and admins: the people who may teach a class. Which class they teach is checked by <see cref="ClassAccess"/>.</summary>
    public const string Teaching = "teaching";
}

/// <summary>Named rate-limit policies, registered once at start.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in, sign-up and code posts: a generous ceiling per address.</summary>
    public const string Auth = "auth";

    /// <summary>Joining a class with a code: a limit per signed-in person.</summary>
    public const string Join = "join";
}
