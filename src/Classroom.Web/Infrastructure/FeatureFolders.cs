using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Classroom.Web.Infrastructure;

/// <summary>
/// A controller's views are in its feature folder (the last part of its namespace, Features/Account for
/// MyAccountController too), not in a folder named after the controller.
/// </summary>
public sealed class FeatureFolders : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
            context.Values["feature"] = action.ControllerTypeInfo.Namespace?.Split('.').Last() ?? action.ControllerName;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue("feature", out var feature) && feature is not null
            ? viewLocations.Select(l => l.Replace("{1}", feature))
            : viewLocations;
}
