using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Shared;

/// <summary>A refusal a person can read: what went wrong, and where to go back to.</summary>
public sealed record ProblemPage(string Title, string Message, string BackUrl);

public static class ProblemPages
{
    /// <summary>Renders Shared/Problem.cshtml with the given status: a clear 4xx page instead of a bare code.</summary>
    public static ViewResult ProblemView(this Controller controller, int status, string title, string message, string backUrl)
    {
        controller.Response.StatusCode = status;
        return controller.View("Problem", new ProblemPage(title, message, backUrl));
    }
}
