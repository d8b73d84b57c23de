using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Classroom.Tests.Infrastructure;

/// <summary>
/// The built app run as its own process on a free loopback port, the way a server or a container runs it:
/// for what an in-process test host cannot show (a restart, a new home folder, start-up failures).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task<string> stderr;
    public string Url { get; }

    private AppProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
        stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<AppProcess> StartAsync(IDictionary<string, string> environment, string[]? args = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Classroom.Web.dll"), .. args ?? []])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var app = new AppProcess(Process.Start(start)!, url);
        using var client = new HttpClient();
        for (var tries = 0; tries < 300; tries++)
        {
            if (app.process.HasExited) throw new InvalidOperationException($"the app stopped: {await app.stderr}");
            try
            {
                if ((await client.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the app did not answer /health within 30 seconds");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
