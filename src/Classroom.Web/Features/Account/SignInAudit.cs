using Classroom.Web.Data;
using Classroom.Web.Data.Entities;

namespace Classroom.Web.Features.Account;

/// <summary>Records sign-ins, failures, throttling, resets, password and role changes and ended sessions. Nothing secret.</summary>
public sealed class SignInAudit(ClassroomDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(string kind, HttpContext http, string? email, string? userId = null, string? actorId = null, string? detail = null)
    {
        db.SignInEvents.Add(new SignInEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            Email = (email ?? "").Trim().ToLowerInvariant() is var e && e.Length > 256 ? e[..256] : e,
            UserId = userId,
            ActorId = actorId,
            Address = http.Connection.RemoteIpAddress?.ToString() ?? "",
            Detail = detail is { Length: > 300 } ? detail[..300] : detail,
        });
        await db.SaveChangesAsync();
    }
}
