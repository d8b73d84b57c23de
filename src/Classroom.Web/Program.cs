using Classroom.Web.Content;
using Classroom.Web.Infrastructure;

try
{
    // `dotnet Classroom.Web.dll migrate` brings the database up to date and exits: run it once per release
    // when several instances share one database (with Database:MigrateAtStartup off on each).
    var migrateOnly = args.Length > 0 && args[0] == "migrate";
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = migrateOnly ? args[1..] : args,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    });
    builder.AddClassroom();

    var app = builder.Build();
    if (migrateOnly)
    {
        await Classroom.Web.Data.DatabaseSetup.MigrateAsync(app.Services);
        Console.WriteLine("The database is up to date.");
        return 0;
    }
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
