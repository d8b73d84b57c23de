using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Classroom.Web.Features.Account;

/// <summary>
/// An account that must first choose its own password (an admin chose the first one), or a staff account
/// that must first turn on two-step sign-in (the school requires it), reaches only the page that does that,
/// and signing out.
/// </summary>
public sealed class AccountRequirements : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var path = context.HttpContext.Request.Path;
        string? target = user.HasClaim(c => c.Type == AccountClaims.MustChangePassword) ? "/account/password"
            : user.HasClaim(c => c.Type == AccountClaims.NeedsTwoFactor) ? "/account/two-factor"
            : null;
        if (target is null || path.StartsWithSegments(target) || path.StartsWithSegments("/account/logout") || path.StartsWithSegments("/error"))
            return next();
        context.Result = new RedirectResult(target);
        return Task.CompletedTask;
    }
}
