using System.Security.Claims;

namespace Classroom.Web.Features.Shared;

public static class UserExtensions
{
    public static string? Id(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
