using System.ComponentModel.DataAnnotations;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Assignments;
using Classroom.Web.Features.Shared;
using Classroom.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Classroom.Web.Features.Classes;

[Authorize]
public sealed class ClassesController(ClassroomDbContext db, ClassAccess access, UserManager<ApplicationUser> users, TimeProvider clock,
    Account.ResetCodes codes, Account.SignInAudit audit) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private bool Teaches => User.IsInRole(Roles.Instructor) || User.IsInRole(Roles.Admin);

    [HttpGet("/classes")]
    public async Task<IActionResult> Index(bool archived = false)
    {
        if (Teaches)
        {
            var classes = await access.Taught(User).Where(c => (c.ArchivedAt != null) == archived)
                .OrderBy(c => c.Name)
                .Select(c => new TaughtClassRow(c.Id, c.Name, c.Term, c.JoinCode, c.Owner!.DisplayName,
                    c.Enrollments.Count(e => e.RemovedAt == null), c.Assignments.Count))
                .ToListAsync();
            // A new class starts in the zone of the teacher's latest class; for a first class the page suggests the browser's zone.
            var lastZone = await access.Taught(User).Where(c => c.OwnerId == User.Id()).OrderByDescending(c => c.Id).Select(c => c.TimeZone).FirstOrDefaultAsync();
            return View("Taught", new TaughtClassesPage(classes, archived, new NewClassForm { TimeZone = lastZone ?? "UTC", GuessZone = lastZone is null }, User.IsInRole(Roles.Admin)));
        }
        return View("Joined", await JoinedPageAsync(new JoinForm()));
    }

    [HttpPost("/classes")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Create(NewClassForm form)
    {
        if (!ClassTime.IsKnown(form.TimeZone)) ModelState.AddModelError(nameof(form.TimeZone), "Choose a time zone from the list.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Taught", new TaughtClassesPage([], false, form, User.IsInRole(Roles.Admin)));
        }
        var created = new Class
        {
            Name = form.Name.Trim(),
            Term = form.Term?.Trim() ?? "",
            TimeZone = form.TimeZone,
            OwnerId = User.Id()!,
            JoinCode = await UniqueCodeAsync(),
            CreatedAt = Now,
        };
        db.Classes.Add(created);
        await db.SaveChangesAsync();
        return Redirect($"/classes/{created.Id}");
    }

    [HttpPost("/classes/join")]
    [EnableRateLimiting(RateLimitPolicies.Join)]
    public async Task<IActionResult> Join(JoinForm form)
    {
        if (Teaches) return Forbid();
        var code = JoinCodes.Normalize(form.Code);
        var found = code.Length == 0 ? null : await db.Classes.SingleOrDefaultAsync(c => c.JoinCode == code && c.ArchivedAt == null);
        if (found is null)
        {
            ModelState.AddModelError(nameof(form.Code), "No open class has that code. Check it with your teacher: codes use letters and digits, without O, I, L, 0 or 1.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Joined", await JoinedPageAsync(form));
        }
        var studentId = User.Id()!;
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.ClassId == found.Id && e.StudentId == studentId);
        if (enrollment is null) db.Enrollments.Add(new Enrollment { ClassId = found.Id, StudentId = studentId, JoinedAt = Now });
        else enrollment.RemovedAt = null;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same student joined in another request at the same moment (a double click): they are in.
            db.ChangeTracker.Clear();
            if (!await access.IsEnrolledAsync(found.Id, studentId)) throw;
        }
        TempData["Flash"] = $"You joined {found.Name}.";
        return Redirect($"/classes/{found.Id}");
    }

    [HttpGet("/classes/{id:int}")]
    public async Task<IActionResult> Show(int id)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is not null) return View("Show", await ClassPageQuery.BuildAsync(db, taught));
        var studentId = User.Id()!;
        if (!await access.IsEnrolledAsync(id, studentId)) return NotFound();
        var joined = await db.Classes.Include(c => c.Owner).SingleAsync(c => c.Id == id);
        return View("StudentClass", new StudentClassPage(joined.Id, joined.Name, joined.Term, joined.Owner!.DisplayName,
            await MyAssignments.ForStudentAsync(db, studentId, Now, id)));
    }

    [HttpPost("/classes/{id:int}/settings")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> Settings(int id, NewClassForm form)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is null) return NotFound();
        if (!ClassTime.IsKnown(form.TimeZone)) ModelState.AddModelError(nameof(form.TimeZone), "Choose a time zone from the list.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await ClassPageQuery.BuildAsync(db, taught, form));
        }
        taught.Name = form.Name.Trim();
        taught.Term = form.Term?.Trim() ?? "";
        taught.TimeZone = form.TimeZone;
        await db.SaveChangesAsync();
        TempData["Flash"] = "Class settings saved.";
        return Redirect($"/classes/{id}");
    }

    [HttpPost("/classes/{id:int}/archive")]
    [Authorize(Policy = Policies.Teaching)]
    public Task<IActionResult> Archive(int id) => Change(id, c => c.ArchivedAt = Now, "Class archived: students can no longer join it. Its work is kept.");

    [HttpPost("/classes/{id:int}/unarchive")]
    [Authorize(Policy = Policies.Teaching)]
    public Task<IActionResult> Unarchive(int id) => Change(id, c => c.ArchivedAt = null, "Class restored.");

    [HttpPost("/classes/{id:int}/code")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> NewCode(int id)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is null) return NotFound();
        if (!this.Confirmed())
            return this.ConfirmView(new ActionConfirmation($"A new join code for {taught.Name}?", $"The current code, {JoinCodes.Display(taught.JoinCode)}, stops working at once.",
                ["Students already in the class stay in it.", "Anyone who has not joined yet needs the new code."],
                $"/classes/{id}/code", "Make a new code", $"/classes/{id}"));
        var code = await UniqueCodeAsync();
        return await Change(id, c => c.JoinCode = code, $"New join code: {JoinCodes.Display(code)}. The old code no longer works.");
    }

    [HttpPost("/classes/{id:int}/students/{studentId}/remove")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> RemoveStudent(int id, string studentId)
    {
        if (!await access.TeachesAsync(id, User)) return NotFound();
        var enrollment = await db.Enrollments.Include(e => e.Student).SingleOrDefaultAsync(e => e.ClassId == id && e.StudentId == studentId && e.RemovedAt == null);
        if (enrollment is null) return NotFound();
        if (!this.Confirmed())
            return this.ConfirmView(new ActionConfirmation($"Remove {enrollment.Student!.DisplayName} from the class?", $"{enrollment.Student.DisplayName} will no longer see this class or its assignments.",
                ["Their attempts, grades and feedback are kept, and come back if they rejoin with the class's code.", "They leave the gradebook and its exports while they are removed."],
                $"/classes/{id}/students/{studentId}/remove", "Remove from the class", $"/classes/{id}", Danger: true));
        enrollment.RemovedAt = Now;
        await db.SaveChangesAsync();
        TempData["Flash"] = $"{enrollment.Student!.DisplayName} was removed from the class. Their attempts are kept.";
        return Redirect($"/classes/{id}");
    }

    /// <summary>A one-time code for a student of the class who forgot their password, shown once to the teacher.</summary>
    [HttpPost("/classes/{id:int}/students/{studentId}/reset-code")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> ResetCode(int id, string studentId)
    {
        if (!await access.TeachesAsync(id, User) || !await access.IsEnrolledAsync(id, studentId)) return NotFound();
        var student = await users.FindByIdAsync(studentId);
        if (student is null) return NotFound();
        var code = await codes.IssueAsync(student.Id, User.Id()!);
        await audit.RecordAsync(Data.Entities.SignInKinds.ResetCodeIssued, HttpContext, student.Email, student.Id, User.Id(), $"class {id}");
        return View("~/Features/Account/ResetCodeIssued.cshtml", new Account.IssuedResetCode(student.DisplayName, student.Email ?? "", code, $"/classes/{id}"));
    }

    [HttpPost("/classes/{id:int}/instructors")]
    [Authorize(Policy = Policies.Teaching)]
    public async Task<IActionResult> AddInstructor(int id, CoInstructorForm form)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is null) return NotFound();
        var other = ModelState.IsValid ? await users.FindByEmailAsync(form.Email.Trim()) : null;
        if (other is null || !await users.IsInRoleAsync(other, Roles.Instructor))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            ModelState.AddModelError(nameof(form.Email), "No instructor account has that email. An administrator creates instructor accounts.");
            return View("Show", await ClassPageQuery.BuildAsync(db, taught));
        }
        if (other.Id != taught.OwnerId && !await db.ClassInstructors.AnyAsync(ci => ci.ClassId == id && ci.InstructorId == other.Id))
        {
            db.ClassInstructors.Add(new ClassInstructor { ClassId = id, InstructorId = other.Id, AddedAt = Now });
            await db.SaveChangesAsync();
        }
        TempData["Flash"] = $"{other.DisplayName} now teaches this class with you.";
        return Redirect($"/classes/{id}");
    }

    private async Task<IActionResult> Change(int id, Action<Class> change, string message)
    {
        var taught = await access.TaughtClassAsync(id, User);
        if (taught is null) return NotFound();
        change(taught);
        await db.SaveChangesAsync();
        TempData["Flash"] = message;
        return Redirect($"/classes/{id}");
    }

    private async Task<string> UniqueCodeAsync()
    {
        while (true)
        {
            var code = JoinCodes.New();
            if (!await db.Classes.AnyAsync(c => c.JoinCode == code)) return code;
        }
    }

    private async Task<JoinedClassesPage> JoinedPageAsync(JoinForm form)
    {
        var studentId = User.Id()!;
        var classes = await access.Joined(studentId).OrderBy(c => c.Name)
            .Select(c => new JoinedClassRow(c.Id, c.Name, c.Term, c.Owner!.DisplayName, c.Assignments.Count))
            .ToListAsync();
        return new JoinedClassesPage(classes, form);
    }
}

public sealed class NewClassForm
{
    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [StringLength(50)]
    public string? Term { get; set; }

    [Required, Display(Name = "Time zone")]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A teacher's first class: the page suggests the browser's own zone.</summary>
    public bool GuessZone { get; set; }
}

public sealed class JoinForm
{
    [Required, StringLength(20), Display(Name = "Join code")]
    public string Code { get; set; } = "";
}

public sealed class CoInstructorForm
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";
}

public sealed record TaughtClassRow(int Id, string Name, string Term, string JoinCode, string Owner, int Students, int Assignments);
public sealed record TaughtClassesPage(IReadOnlyList<TaughtClassRow> Classes, bool Archived, NewClassForm Form, bool IsAdmin);
public sealed record JoinedClassRow(int Id, string Name, string Term, string Teacher, int Assignments);
public sealed record JoinedClassesPage(IReadOnlyList<JoinedClassRow> Classes, JoinForm Form);
public sealed record RosterRow(string StudentId, string Name, string Email, DateTime JoinedAt, int Submitted, decimal? Percent)
{
    public decimal TimeMultiplier { get; init; } = 1m;
}
public sealed record ClassAssignmentRow(int Id, string Title, string Due, bool Released);
public sealed record ClassPage(int Id, string Name, string Term, string TimeZone, string JoinCode, bool Archived, string Owner,
    IReadOnlyList<string> CoInstructors, IReadOnlyList<RosterRow> Roster, IReadOnlyList<ClassAssignmentRow> Assignments,
    int AssignmentCount, int NeedsGrading, NewClassForm Settings);
public sealed record StudentClassPage(int Id, string Name, string Term, string Teacher, IReadOnlyList<MyAssignmentRow> Assignments);
