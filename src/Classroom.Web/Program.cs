using Classroom.Web.Content;
using Classroom.Web.Infrastructure;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    });
    builder.AddClassroom();

    var app = builder.Build();
    await app.UseClassroomAsync();
    await app.RunAsync();
    return 0;
}
catch (ContentException e)
{
    Console.Error.WriteLine($"Course content is not valid, so the site did not start.\n{e.Message}");
    return 1;
}
catch (Classroom.Web.Data.StartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

public partial class Program;
