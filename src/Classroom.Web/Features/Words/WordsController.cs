using Classroom.Web.Content;
using Microsoft.AspNetCore.Mvc;

namespace Classroom.Web.Features.Words;

/// <summary>"Words we use": every term students are graded on, defined where they work.</summary>
public sealed class WordsController(CourseCatalog catalog) : Controller
{
    [HttpGet("/words")]
    public IActionResult Show() => View(catalog.Glossary);
}
