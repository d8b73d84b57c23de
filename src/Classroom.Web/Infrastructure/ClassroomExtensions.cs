using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Classroom.Web.Content;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Account;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Classroom.Web.Infrastructure;

public static class ClassroomExtensions
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddClassroom(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.Configure<ContentOptions>(config.GetSection(ContentOptions.Section));
        services.Configure<Demo.DemoOptions>(config.GetSection(Demo.DemoOptions.Section));

        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path;
            return ContentLoader.Load(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));
        });

        // Resolved from the final configuration, so settings added by hosts and tests are honoured.
        services.Configure<DatabaseOptions>(config.GetSection(DatabaseOptions.Section));
        services.AddSingleton(sp => new DatabaseConnection(DatabaseSetup.ConnectionString(sp.GetRequiredService<IConfiguration>(), builder.Environment,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider)));
        services.AddSingleton<SqliteWriteGate>();
        // Pooled: a request reuses a context rather than building one (a quarter of a small page's database time).
        services.AddPooledDbContextFactory<ClassroomDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<DatabaseConnection>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()));
        services.AddPooledDbContextFactory<PostgresClassroomDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<DatabaseConnection>().ConnectionString));
        // Everything asks for a ClassroomDbContext; it is the PostgreSQL one when Database:Provider says so.
        services.AddScoped<ClassroomDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<IDbContextFactory<PostgresClassroomDbContext>>().CreateDbContext()
                : sp.GetRequiredService<IDbContextFactory<ClassroomDbContext>>().CreateDbContext());

        // Keys live in the database under a fixed application name, so sign-ins survive a restart,
        // a new container, or a second instance of the app.
        services.AddDataProtection()
            .SetApplicationName("Classroom")
            .PersistKeysToDbContext<ClassroomDbContext>();

        services.AddClassroomAccounts(config, builder.Environment);
        services.AddClassroomSecurity();

        // Articles quote “curly” text and names with accents: keep them readable in the HTML, still encoded where it matters.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestSizeCheck.SiteLimit);

        services.AddAuthorization(o => o.AddPolicy(Policies.Teaching, p => p.RequireRole(Roles.Instructor, Roles.Admin)));

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<AccountRequirements>();
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Content/Questions/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationExpanders.Add(new FeatureFolders());
            });

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Features.Quizzes.VersionCache>();
        services.AddScoped<Features.Quizzes.QuizVersions>();
        services.AddScoped<Features.Attempts.AttemptService>();
        services.AddScoped<Features.Shared.ClassAccess>();
        services.AddScoped<Features.Grading.GradingService>();
        services.AddSingleton<RenderedContent>();
        services.AddSingleton<TryFirstIndex>();
        services.AddSingleton<Features.Lessons.ReadMarks>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Lessons.ReadMarks>());

        services.AddSingleton<ReadReplica>();
        services.AddScoped<ReportingDb>();
        services.AddSingleton<SharedRedis>();
        services.AddSingleton<SiteEvents>();
        // /health/ready runs every check (for a load balancer); /health/live none (the process answers).
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        return builder;
    }

    /// <summary>What a person who just ran the app needs: where to open it and, in Development, how to sign in.</summary>
    private static string Welcome(WebApplication app, bool demo)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        var text = new System.Text.StringBuilder();
        text.AppendLine();
        foreach (var address in addresses) text.AppendLine($"Classroom is running: open {address.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost")}");
        if (demo)
        {
            text.AppendLine($"Demo sign-ins (password {Demo.DemoOptions.Password}):");
            foreach (var (email, _, role) in Demo.DemoData.Accounts) text.AppendLine($"  {role,-10} {email}");
        }
        return text.ToString();
    }

    public static async Task UseClassroomAsync(this WebApplication app)
    {
        // Loading the catalog now means a bad content file stops start-up, not the first request;
        // PDFsharp's licence and fonts are set once here, so a missing font is found at start too.
        app.Services.GetRequiredService<CourseCatalog>();
        Features.Pdf.PdfSetup.EnsureReady();
        await DatabaseSetup.PrepareAsync(app.Services);
        // Announcements from other instances (through Redis, when set): a session ended, an assignment changed.
        var sessionCache = app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>();
        app.Services.GetRequiredService<SiteEvents>().On((kind, value) =>
        {
            if (kind == Features.Account.Sessions.EndedEvent) sessionCache.Remove(Features.Account.Sessions.CacheKey(value));
        });
        app.Services.GetRequiredService<TryFirstIndex>();
        var demo = app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<Demo.DemoOptions>>().Value.Seed;
        if (demo) await Demo.DemoData.SeedAsync(app.Services);
        app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(Welcome(app, demo)));

        // The client's address and scheme come from trusted proxies only (ForwardedHeaders:KnownProxies/KnownNetworks).
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders(SecuritySetup.Headers());
        app.UseStatusCodePagesWithReExecute("/error/{0}");

        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeCheck>();
        app.UseAuthentication();
        app.UseNoStoreForPrivatePages();
        app.UseAuthorization();

        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapControllers();
    }
}
