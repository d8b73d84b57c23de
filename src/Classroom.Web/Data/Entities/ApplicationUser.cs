using Microsoft.AspNetCore.Identity;

namespace Classroom.Web.Data.Entities;

public class ApplicationUser : IdentityUser
{
    /// <summary>The name a teacher sees on a roster and in the gradebook.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set when someone else chose the password (an admin creating the account): the owner must choose their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The last authenticator time step accepted, so a code cannot be used twice.</summary>
    public long? LastTotpStep { get; set; }
}

public static class Roles
{
    public const string Student = "Student";
    public const string Instructor = "Instructor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Student, Instructor, Admin];
}
