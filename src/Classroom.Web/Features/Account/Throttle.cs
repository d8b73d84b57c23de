using System.Collections.Concurrent;

namespace Classroom.Web.Features.Account;

/// <summary>Sign-in throttling settings (section "Throttle"). Defaults suit a school behind one address.</summary>
public sealed class ThrottleOptions
{
    public const string Section = "Throttle";

    /// <summary>Sign-in, sign-up and code posts allowed from one address per minute: a ceiling against floods, high enough for a school at the bell.</summary>
    public int AddressPostsPerMinute { get; set; } = 300;

    /// <summary>Failed sign-ins for one account from one address before that pair must wait.</summary>
    public int FailuresBeforeWait { get; set; } = 5;

    /// <summary>Quiet time after which a pair's failures are forgotten.</summary>
    public int FailureMemoryMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins for one account from all addresses in an hour before it waits everywhere (a distributed guess).</summary>
    public int AccountFailuresPerHour { get; set; } = 50;

    /// <summary>Join-code tries per signed-in user per minute.</summary>
    public int JoinsPerUserPerMinute { get; set; } = 10;
}

/// <summary>How many failures a key has had: the first and the last, for windows and waits.</summary>
public sealed record FailureCount(int Count, DateTime First, DateTime Last);

/// <summary>Where failure counts live: this process (one instance), or Redis shared by every instance.</summary>
public interface IThrottleStore
{
    Task<FailureCount?> GetAsync(string key, DateTime now, TimeSpan forgetAfter);
    Task<FailureCount> AddFailureAsync(string key, DateTime now, TimeSpan forgetAfter);
    Task ClearAsync(string key);
}

public sealed class MemoryThrottleStore : IThrottleStore
{
    private readonly ConcurrentDictionary<string, FailureCount> counts = new();

    public Task<FailureCount?> GetAsync(string key, DateTime now, TimeSpan forgetAfter) =>
        Task.FromResult(counts.TryGetValue(key, out var c) && now - c.Last <= forgetAfter ? c : null);

    public Task<FailureCount> AddFailureAsync(string key, DateTime now, TimeSpan forgetAfter) =>
        Task.FromResult(counts.AddOrUpdate(key, _ => new FailureCount(1, now, now),
            (_, c) => now - c.Last > forgetAfter ? new FailureCount(1, now, now) : c with { Count = c.Count + 1, Last = now }));

    public Task ClearAsync(string key)
    {
        counts.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The throttling rules, as pure functions. Throttling is per account (the email typed, whether or not an
/// account has it, so it reveals nothing) and per account and address together, never per address alone:
/// a class behind one school address signs in freely, and a classmate cannot lock anyone out.
/// </summary>
public static class ThrottleRules
{
    public static string PairKey(string email, string address) => $"signin:pair:{email}|{address}";
    public static string AccountKey(string email) => $"signin:account:{email}";

    /// <summary>
    /// After <see cref="ThrottleOptions.FailuresBeforeWait"/> failures for an account from one address, that
    /// pair waits a minute, then two, four… (doubling with each further failure, at most an hour).
    /// </summary>
    public static TimeSpan? PairWait(FailureCount? pair, DateTime now, ThrottleOptions o)
    {
        if (pair is null || pair.Count < o.FailuresBeforeWait) return null;
        var minutes = Math.Min(60, Math.Pow(2, pair.Count - o.FailuresBeforeWait));
        var until = pair.Last.AddMinutes(minutes);
        return until > now ? until - now : null;
    }

    /// <summary>An account with more failures in an hour than the ceiling, from anywhere, waits until that hour is over.</summary>
    public static TimeSpan? AccountWait(FailureCount? account, DateTime now, ThrottleOptions o)
    {
        if (account is null || account.Count < o.AccountFailuresPerHour) return null;
        var until = account.First.AddHours(1);
        return until > now ? until - now : null;
    }

    public static string Describe(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return minutes <= 1 ? "a minute" : $"{minutes} minutes";
    }
}
