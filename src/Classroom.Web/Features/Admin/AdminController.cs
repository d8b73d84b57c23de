using System.ComponentModel.DataAnnotations;
using Classroom.Web.Data.Entities;
using Classroom.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

using Classroom.Web.Features.Account;

namespace Classroom.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
[Route("admin")]
public sealed class AdminController(UserManager<ApplicationUser> users) : Controller
{
    [HttpGet("instructors")]
    public async Task<IActionResult> Instructors() => View(await PageAsync(new NewInstructorForm(), created: null));

    [HttpPost("instructors")]
    public async Task<IActionResult> Instructors(NewInstructorForm form)
    {
        if (ModelState.IsValid)
        {
            var user = new ApplicationUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), DisplayName = form.DisplayName.Trim(), EmailConfirmed = true };
            var result = await users.CreateAsync(user, form.Password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Roles.Instructor);
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
