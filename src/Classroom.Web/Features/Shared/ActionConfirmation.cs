using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Shared;

/// <summary>
/// "Are you sure?" for an action that cannot be undone from the page: the same post again, with confirm=yes.
/// Works without script; a post without the confirmation changes nothing and shows this page.
/// </summary>
public sealed record ActionConfirmation(string Title, string Question, IReadOnlyList<string> Consequences, string Action, string Button, string CancelUrl, bool Danger = false);

public static class ConfirmPages
{
    public static bool Confirmed(this Controller controller) => controller.Request.HasFormContentType && controller.Request.Form["confirm"] == "yes";

    public static ViewResult ConfirmView(this Controller controller, ActionConfirmation page) => controller.View("ConfirmAction", page);
}
