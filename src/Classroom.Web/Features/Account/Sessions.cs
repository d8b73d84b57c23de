using System.Security.Claims;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Classroom.Web.Features.Account;

/// <summary>
/// Server-side sessions. A sign-in cookie carries its session's id ("sid"); each request checks that the
/// session is still open (remembered for <see cref="CheckEvery"/>, and forgotten at once on every instance
/// when it ends: through Redis when several instances serve the site), so a copied cookie stops working at sign-out, a password change or reset, "sign out
/// everywhere", or when an admin ends a person's sessions.
/// </summary>
public sealed class Sessions(ClassroomDbContext db, IMemoryCache cache, TimeProvider clock, Infrastructure.SiteEvents events)
{
    public const string Claim = "sid";
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(5);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public static string CacheKey(string id) => $"session:{id}";

    /// <summary>Announced to every instance when a session ends, so none trusts its cached "open" for the rest of the 30 s.</summary>
    public const string EndedEvent = "session-ended";

    public async Task<UserSession> StartAsync(string userId, HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            CreatedAt = Now,
            LastSeenAt = Now,
            Address = http.Connection.RemoteIpAddress?.ToString() ?? "",
            Device = agent.Length > 200 ? agent[..200] : agent,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    public async Task<bool> IsOpenAsync(string sessionId, string userId)
    {
        if (cache.TryGetValue(CacheKey(sessionId), out bool open)) return open;
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId);
        open = session is { EndedAt: null };
        if (open && Now - session!.LastSeenAt > SeenEvery)
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, Now));
        cache.Set(CacheKey(sessionId), open, CheckEvery);
        return open;
    }

    public async Task EndAsync(string sessionId, string reason)
    {
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, Now).SetProperty(x => x.EndReason, reason));
        cache.Remove(CacheKey(sessionId));
        await events.PublishAsync(EndedEvent, sessionId);
    }

    /// <summary>Ends every open session of a person (but <paramref name="except"/>); returns how many.</summary>
    public async Task<int> EndAllAsync(string userId, string reason, string? except = null)
    {
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except).Select(s => s.Id).ToListAsync();
        await db.UserSessions.Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, Now).SetProperty(x => x.EndReason, reason));
        foreach (var id in ids)
        {
            cache.Remove(CacheKey(id));
            await events.PublishAsync(EndedEvent, id);
        }
        return ids.Count;
    }

    public Task<List<UserSession>> OpenAsync(string userId) =>
        db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).OrderByDescending(s => s.LastSeenAt).ToListAsync();

    public static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(Claim);

    /// <summary>Cookie check on every request: no open session, no sign-in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal is null ? null : IdOf(principal);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (userId is null || sessionId is null || !await sessions.IsOpenAsync(sessionId, userId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        }
    }
}
