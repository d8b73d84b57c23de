using Microsoft.EntityFrameworkCore;
using Classroom.Web.Features.Shared;
using Classroom.Web.Data;
using System.ComponentModel.DataAnnotations;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

using Classroom.Web.Features.Account;

namespace Classroom.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
[Route("admin")]
public sealed class AdminController(UserManager<ApplicationUser> users, ClassroomDbContext db, ResetCodes codes, Sessions sessions, SignInAudit audit,
    TwoFactor twoFactor) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();

    [HttpGet("users")]
    public async Task<IActionResult> Users(string? q)
    {
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }
        var rows = await query.OrderBy(u => u.DisplayName).Take(200)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.TwoFactorEnabled,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => role.Name!).ToList(),
                db.UserSessions.Count(s => s.UserId == u.Id && s.EndedAt == null)))
            .ToListAsync();
        return View(new UsersPage(q, rows));
    }

    [HttpPost("users/{id}/reset-code")]
    public async Task<IActionResult> ResetCode(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var code = await codes.IssueAsync(user.Id, User.Id()!);
        await audit.RecordAsync(SignInKinds.ResetCodeIssued, HttpContext, user.Email, user.Id, User.Id());
        return View("~/Features/Account/ResetCodeIssued.cshtml", new IssuedResetCode(user.DisplayName, user.Email ?? "", code, "/admin/users"));
    }

    [HttpPost("users/{id}/end-sessions")]
    public async Task<IActionResult> EndSessions(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var ended = await sessions.EndAllAsync(user.Id, "ended by an admin");
        await audit.RecordAsync(SignInKinds.SessionsEnded, HttpContext, user.Email, user.Id, User.Id(), $"{ended} ended by an admin");
        TempData["Flash"] = $"{user.DisplayName} is signed out on {ended} {(ended == 1 ? "device" : "devices")}.";
        return Redirect("/admin/users?q=" + Uri.EscapeDataString(user.Email ?? ""));
    }

    [HttpPost("users/{id}/role")]
    public async Task<IActionResult> Role(string id, string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (role is not (Roles.Student or Roles.Instructor))
            return this.ProblemView(StatusCodes.Status400BadRequest, "Not a role", "An account can be made a student or an instructor here.", "/admin/users");
        if (user.Id == User.Id())
            return this.ProblemView(StatusCodes.Status409Conflict, "Not your own account", "Ask another admin to change your own roles.", "/admin/users");
        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before.Where(r => r is Roles.Student or Roles.Instructor));
        await users.AddToRoleAsync(user, role);
        // New roles take effect at the next sign-in; end the sessions so that is now.
        await sessions.EndAllAsync(user.Id, "role changed");
        await audit.RecordAsync(SignInKinds.RoleChanged, HttpContext, user.Email, user.Id, User.Id(), $"{string.Join("+", before)} → {role}");
        TempData["Flash"] = $"{user.DisplayName} is now {(role == Roles.Instructor ? "an instructor" : "a student")}.";
        return Redirect("/admin/users?q=" + Uri.EscapeDataString(user.Email ?? ""));
    }

    [HttpGet("audit")]
    public async Task<IActionResult> Audit(string? account)
    {
        var events = db.SignInEvents.AsQueryable();
        if (!string.IsNullOrWhiteSpace(account))
        {
            var term = account.Trim().ToLowerInvariant();
            var ids = await db.Users.Where(u => u.NormalizedEmail == term.ToUpperInvariant()).Select(u => u.Id).ToListAsync();
            events = events.Where(e => e.Email == term || (e.UserId != null && ids.Contains(e.UserId)));
        }
        var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(500)
            .Select(e => new AuditRow(e.At, e.Kind, e.Email, e.Address, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.Detail))
            .ToListAsync();
        return View(new AuditPage(account, rows));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings() => View(new SettingsForm { RequireStaffTwoFactor = await twoFactor.RequiredForStaffAsync() });

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(SettingsForm form)
    {
        await twoFactor.SetRequiredForStaffAsync(form.RequireStaffTwoFactor);
        TempData["Flash"] = form.RequireStaffTwoFactor
            ? "Two-step sign-in is now required for instructors and admins: each sets it up at their next sign-in."
            : "Two-step sign-in is now optional for staff.";
        return Redirect("/admin/settings");
    }

    [HttpGet("instructors")]
    public async Task<IActionResult> Instructors() => View(await PageAsync(new NewInstructorForm(), created: null));

    [HttpPost("instructors")]
    public async Task<IActionResult> Instructors(NewInstructorForm form)
    {
        if (ModelState.IsValid)
        {
            // The admin chose this password, so the instructor must choose their own at first sign-in.
            var user = new ApplicationUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), DisplayName = form.DisplayName.Trim(), EmailConfirmed = true, MustChangePassword = true };
            var result = await users.CreateAsync(user, form.Password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Roles.Instructor);
                await audit.RecordAsync(SignInKinds.AccountCreated, HttpContext, user.Email, user.Id, User.Id(), "instructor, by an admin");
                return View(await PageAsync(new NewInstructorForm(), created: user.Email));
            }
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await PageAsync(form, created: null));
    }

    private async Task<InstructorsPage> PageAsync(NewInstructorForm form, string? created)
    {
        var instructors = (await users.GetUsersInRoleAsync(Roles.Instructor))
            .OrderBy(u => u.DisplayName)
            .Select(u => new InstructorRow(u.DisplayName, u.Email ?? ""))
            .ToList();
        return new InstructorsPage(instructors, form, created);
    }
}

public sealed record UserRow(string Id, string Name, string Email, bool TwoFactor, IReadOnlyList<string> Roles, int OpenSessions);
public sealed record UsersPage(string? Query, IReadOnlyList<UserRow> Users);
public sealed record AuditRow(DateTime At, string Kind, string Email, string Address, string? Actor, string? Detail);
public sealed record AuditPage(string? Account, IReadOnlyList<AuditRow> Events);

public sealed class SettingsForm
{
    [Display(Name = "Require two-step sign-in for instructors and admins")]
    public bool RequireStaffTwoFactor { get; set; }
}

public sealed record InstructorsPage(IReadOnlyList<InstructorRow> Instructors, NewInstructorForm Form, string? Created);

public sealed record InstructorRow(string Name, string Email);

public sealed class NewInstructorForm
{
    [Required, Display(Name = "Name"), StringLength(100)]
    public string DisplayName { get; set; } = "";

    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, DataType(DataType.Password), Display(Name = "First password"),
     StringLength(PasswordLengthValidator<ApplicationUser>.MaxLength, MinimumLength = 8, ErrorMessage = "Passwords must be 8 to 128 characters.")]
    public string Password { get; set; } = "";
}
