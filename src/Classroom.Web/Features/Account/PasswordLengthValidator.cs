using Microsoft.AspNetCore.Identity;

namespace Classroom.Web.Features.Account;

/// <summary>Identity has a minimum length but no maximum; long passphrases are welcome, megabytes are not.</summary>
public sealed class PasswordLengthValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
