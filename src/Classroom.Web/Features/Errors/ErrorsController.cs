using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Errors;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult Error() => ErrorPage(StatusCodes.Status500InternalServerError);

    [Route("/error/{code:int}")]
    public IActionResult Status(int code) => ErrorPage(code);

    private ViewResult ErrorPage(int code)
    {
        Response.StatusCode = code;
        var (title, text) = code switch
        {
            404 => ("Page not found", "There is no page at this address. Check the link, or start again from the course."),
            403 => ("Not allowed", "That page is not for your account: it belongs to another role, or to someone else's class."),
            400 => ("That request could not be understood", "Something in the request was missing or malformed. Go back, reload the page and try again."),
            429 => ("Too many attempts", "Wait a minute and try again."),
            _ when code >= 500 => ("Something went wrong on our side", "The error has been logged. Nothing you saved is lost; try again in a moment."),
            _ => ("That did not work", $"The server answered {code}."),
        };
        return View("Error", new ErrorPage(code, title, text));
    }
}

public sealed record ErrorPage(int Code, string Title, string Text);
