namespace Classroom.Web.Features.Shared;

/// <summary>Dates are stored in UTC and shown, and typed, in the class's time zone.</summary>
public static class ClassTime
{
    public static readonly IReadOnlyList<string> CommonZones =
    [
        "UTC", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Athens",
        "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
        "Australia/Sydney", "Pacific/Auckland", "America/St_Johns", "America/Halifax", "America/New_York", "America/Chicago",
        "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Sao_Paulo",
        "America/Mexico_City", "America/Toronto", "America/Vancouver",
    ];

    /// <summary>
    /// The zone a person's own times show in when no class is involved (practice, their account): the zone of
    /// a class they take or teach, else UTC.
    /// </summary>
    public static async Task<string> ZoneOfAsync(Data.ClassroomDbContext db, string userId) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Classes.Where(c => c.ArchivedAt == null && (c.OwnerId == userId || c.Enrollments.Any(e => e.StudentId == userId && e.RemovedAt == null)))
                .OrderBy(c => c.Id).Select(c => c.TimeZone)) ?? "UTC";

    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnown(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static DateTime ToLocal(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zone));

    /// <summary>A wall-clock time typed for the class (as an &lt;input type=datetime-local&gt; sends it) to UTC.</summary>
    public static DateTime ToUtc(DateTime local, string zone)
    {
        var tz = Zone(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A time skipped by a clock change does not exist; move it forward by the gap.
        if (tz.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, tz);
    }

    /// <summary>A time of day with seconds, for "Saved at": "14:30:12 (Europe/London)".</summary>
    public static string Clock(DateTime utc, string zone) => $"{ToLocal(utc, zone):HH:mm:ss} ({zone})";

    /// <summary>A time of day, with the date when it is not today in that zone: "14:30 (Europe/London)".</summary>
    public static string TimeOfDay(DateTime utc, DateTime nowUtc, string zone)
    {
        var local = ToLocal(utc, zone);
        return local.Date == ToLocal(nowUtc, zone).Date ? $"{local:HH:mm} ({zone})" : Format(utc, zone);
    }

    public static string Format(DateTime utc, string zone)
    {
        var local = ToLocal(utc, zone);
        return $"{local:ddd d MMM yyyy, HH:mm} ({zone})";
    }
}
