using Classroom.Web.Features.Account;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Classroom.Web.Infrastructure;

/// <summary>
/// Redis, when ConnectionStrings:Redis is set: what several app instances must agree on lives there (rate limits,
/// sign-in failure counts) or is announced there (a session that ended, an assignment that changed). Without it,
/// each instance keeps these in memory, which is right for one instance. Connects on first use and keeps
/// retrying in the background (StackExchange.Redis), so a Redis restart does not stop the app.
/// </summary>
public sealed class SharedRedis : IDisposable
{
    public const string Prefix = "classroom:";
    private readonly Lazy<IConnectionMultiplexer?> connection;

    public SharedRedis(IConfiguration config)
    {
        var configured = config.GetConnectionString("Redis");
        Enabled = !string.IsNullOrWhiteSpace(configured);
        connection = new Lazy<IConnectionMultiplexer?>(() =>
        {
            if (!Enabled) return null;
            var options = ConfigurationOptions.Parse(configured!);
            options.AbortOnConnectFail = false;
            options.ClientName ??= "classroom";
            return ConnectionMultiplexer.Connect(options);
        });
    }

    public bool Enabled { get; }

    /// <summary>The shared connection, or null when Redis is not configured.</summary>
    public IConnectionMultiplexer? Connection => connection.Value;

    public void Dispose()
    {
        if (connection.IsValueCreated) connection.Value?.Dispose();
    }
}

/// <summary>
/// Sign-in failure counts in Redis, shared by every instance: one atomic script per failure. While Redis does not
/// answer, this instance counts in memory (people can still sign in; the ceiling is then per instance).
/// </summary>
public sealed class RedisThrottleStore(SharedRedis redis, MemoryThrottleStore fallback, ILogger<RedisThrottleStore> log) : IThrottleStore
{
    private async Task<T> OrLocally<T>(Func<Task<T>> shared, Func<Task<T>> local)
    {
        // Not connected: count here at once rather than wait in the client's queue for a reconnect.
        if (redis.Connection is not { IsConnected: true }) return await local();
        try
        {
            return await shared();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Redis did not answer; counting sign-in failures on this instance");
            return await local();
        }
    }

    // count, first and last (Unix ms) in one hash; a failure after the memory window starts the count again.
    private static readonly LuaScript Add = LuaScript.Prepare("""
        local last = redis.call('HGET', @key, 'last')
        if (not last) or (tonumber(@now) - tonumber(last) > tonumber(@forget)) then
          redis.call('HSET', @key, 'count', 1, 'first', @now, 'last', @now)
        else
          redis.call('HINCRBY', @key, 'count', 1)
          redis.call('HSET', @key, 'last', @now)
        end
        redis.call('PEXPIRE', @key, @forget)
        return redis.call('HMGET', @key, 'count', 'first', 'last')
        """);

    private IDatabase Db => redis.Connection!.GetDatabase();
    private static RedisKey Key(string key) => SharedRedis.Prefix + "throttle:" + key;
    private static long Ms(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
    private static DateTime At(RedisValue ms) => DateTimeOffset.FromUnixTimeMilliseconds((long)ms).UtcDateTime;

    public Task<FailureCount?> GetAsync(string key, DateTime now, TimeSpan forgetAfter) =>
        OrLocally(() => SharedGetAsync(key, now, forgetAfter), () => fallback.GetAsync(key, now, forgetAfter));

    public Task<FailureCount> AddFailureAsync(string key, DateTime now, TimeSpan forgetAfter) =>
        OrLocally(() => SharedAddAsync(key, now, forgetAfter), () => fallback.AddFailureAsync(key, now, forgetAfter));

    public Task ClearAsync(string key) =>
        OrLocally<bool>(async () => { await Db.KeyDeleteAsync(Key(key)); await fallback.ClearAsync(key); return true; },
            async () => { await fallback.ClearAsync(key); return true; });

    private async Task<FailureCount?> SharedGetAsync(string key, DateTime now, TimeSpan forgetAfter)
    {
        var values = await Db.HashGetAsync(Key(key), ["count", "first", "last"]);
        if (values[0].IsNull || values[2].IsNull) return null;
        var count = new FailureCount((int)values[0], At(values[1]), At(values[2]));
        return now - count.Last <= forgetAfter ? count : null;
    }

    private async Task<FailureCount> SharedAddAsync(string key, DateTime now, TimeSpan forgetAfter)
    {
        var result = (RedisValue[])(await Db.ScriptEvaluateAsync(Add, new { key = Key(key), now = Ms(now), forget = (long)forgetAfter.TotalMilliseconds }))!;
        return new FailureCount((int)result[0], At(result[1]), At(result[2]));
    }
}

/// <summary>
/// Announcements every instance must hear: a session ended (drop it from the 30-second session cache), an
/// assignment changed (re-read which lessons are taken "try first"). Through Redis pub/sub when it is set;
/// otherwise only this instance hears them, which is all there is.
/// </summary>
public sealed class SiteEvents(SharedRedis redis, ILogger<SiteEvents> log)
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(SharedRedis.Prefix + "events");
    private readonly List<Action<string, string>> handlers = [];
    private int subscribed;

    public void On(Action<string, string> handler)
    {
        lock (handlers) handlers.Add(handler);
        Subscribe();
    }

    private void Subscribe()
    {
        if (!redis.Enabled || Interlocked.Exchange(ref subscribed, 1) == 1) return;
        // In the background, and again until Redis answers: a Redis that is down at start must not stop the app.
        _ = Task.Run(async () =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await redis.Connection!.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
                    {
                        var text = (string?)message ?? "";
                        var colon = text.IndexOf(':');
                        if (colon > 0) Deliver(text[..colon], text[(colon + 1)..]);
                    });
                    return;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    if (attempt == 0) log.LogWarning(e, "Cannot hear other instances through Redis yet; trying again every 5 s");
                    await Task.Delay(TimeSpan.FromSeconds(5));
                }
            }
        });
    }

    private void Deliver(string kind, string value)
    {
        Action<string, string>[] now;
        lock (handlers) now = [.. handlers];
        foreach (var handler in now) handler(kind, value);
    }

    /// <summary>Tells every instance (this one at once, the others through Redis), without waiting for Redis.</summary>
    public void Publish(string kind, string value = "") => _ = PublishAsync(kind, value);

    /// <summary>Tells every instance, and returns once Redis has passed the message on to them.</summary>
    public async Task PublishAsync(string kind, string value = "")
    {
        Deliver(kind, value);
        if (!redis.Enabled) return;
        if (redis.Connection is not { IsConnected: true })
        {
            log.LogWarning("Redis is not connected: other instances are not told of {Kind} (they catch up by themselves)", kind);
            return;
        }
        try
        {
            await redis.Connection!.GetSubscriber().PublishAsync(Channel, $"{kind}:{value}").WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Other instances then catch up by themselves (sessions within 30 s, assignments within 10 s).
            log.LogWarning(e, "Could not announce {Kind} to other instances", kind);
        }
    }
}

/// <summary>Redis answers a PING (or is not used at all, which is healthy too); degraded while it does not.</summary>
public sealed class RedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.Enabled) return HealthCheckResult.Healthy("Redis is not used: limits and caches are per instance");
        if (redis.Connection is not { IsConnected: true })
            return HealthCheckResult.Degraded("Redis is not connected; limits and counts are per instance until it is");
        try
        {
            var latency = await redis.Connection!.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Degraded, not Unhealthy: the instance still serves (counting limits for itself), and a Redis outage
            // must not take every instance out of the proxy at once.
            return HealthCheckResult.Degraded($"Redis does not answer; limits and counts are per instance until it does: {e.Message}");
        }
    }
}
