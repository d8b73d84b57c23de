using System.Security.Claims;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Shared;

/// <summary>
/// Who may see what, beyond roles: an instructor teaches the classes they own or co-teach, an admin
/// sees every class, a student sees the classes they are enrolled in (and not removed from).
/// Anything else is answered as "not found", so ids of other people's classes reveal nothing.
/// </summary>
public sealed class ClassAccess(ClassroomDbContext db)
{
    public IQueryable<Class> Taught(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return db.Classes;
        var id = user.Id();
        if (id is null || !user.IsInRole(Roles.Instructor)) return db.Classes.Where(_ => false);
        return db.Classes.Where(c => c.OwnerId == id || c.CoInstructors.Any(ci => ci.InstructorId == id));
    }

    public Task<Class?> TaughtClassAsync(int classId, ClaimsPrincipal user) =>
        Taught(user).SingleOrDefaultAsync(c => c.Id == classId);

    public Task<bool> TeachesAsync(int classId, ClaimsPrincipal user) =>
        Taught(user).AnyAsync(c => c.Id == classId);

    public IQueryable<Class> Joined(string studentId) =>
        db.Classes.Where(c => c.Enrollments.Any(e => e.StudentId == studentId && e.RemovedAt == null));

    public Task<bool> IsEnrolledAsync(int classId, string studentId) =>
        db.Enrollments.AnyAsync(e => e.ClassId == classId && e.StudentId == studentId && e.RemovedAt == null);
}
