using System.Security.Claims;
using System.Threading.RateLimiting;
using Classroom.Web.Data;
using Classroom.Web.Data.Entities;
using Classroom.Web.Features.Account;
using Classroom.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using Microsoft.Extensions.Options;

namespace Classroom.Web.Infrastructure;

/// <summary>Accounts: Identity, server-side sessions, sign-in throttling, reset codes, two-step sign-in and mail.</summary>
public static class AccountSetup
{
    public static IServiceCollection AddClassroomAccounts(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.Configure<ThrottleOptions>(config.GetSection(ThrottleOptions.Section));
        services.Configure<MailOptions>(config.GetSection(MailOptions.Section));
        if (env.IsDevelopment())
            services.PostConfigure<MailOptions>(o =>
            {
                // In Development mail is written to a folder a person can open, unless SMTP is set up.
                if (string.IsNullOrWhiteSpace(o.SmtpHost) && string.IsNullOrWhiteSpace(o.PickupFolder))
                    o.PickupFolder = Path.Combine(env.ContentRootPath, "data", "mail");
            });

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // No account is locked for everyone: failures are throttled per account and address instead (SignInService).
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ClassroomDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordLengthValidator<ApplicationUser>>();
        // PBKDF2 rounds for new password hashes (Identity's default, 100,000, unless set). Only load tests lower it,
        // so that signing thousands of simulated students in measures the app rather than the hash.
        if (config.GetValue<int?>("Identity:PasswordIterations") is int rounds and > 0)
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = rounds);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        // Identity rebuilds the principal from the database now and then; keep the session and what the account owes.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            foreach (var claim in context.CurrentPrincipal?.Claims.Where(c => AccountClaims.Kept.Contains(c.Type)) ?? [])
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == claim.Type))
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
            return Task.CompletedTask;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "classroom.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request is HTTPS, behind a proxy too
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await stampCheck(context);
                if (context.Principal is not null) await Sessions.ValidateAsync(context);
            };
            // The sign-in redirect is relative: a Host header the site did not choose never reaches a Location.
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.Redirect(new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute
                    ? absolute.PathAndQuery : context.RedirectUri);
                return Task.CompletedTask;
            };
            // A signed-in user who may not see a page gets a plain 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddMemoryCache();
        // Failure counts are shared through Redis when several instances serve the site (ConnectionStrings:Redis).
        services.AddSingleton<MemoryThrottleStore>();
        services.AddSingleton<IThrottleStore>(sp => sp.GetRequiredService<SharedRedis>().Enabled
            ? ActivatorUtilities.CreateInstance<RedisThrottleStore>(sp)
            : sp.GetRequiredService<MemoryThrottleStore>());
        services.AddScoped<Sessions>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<SignInService>();
        services.AddScoped<ResetCodes>();
        services.AddScoped<TwoFactor>();
        services.AddSingleton<Mailer>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync($"Too many requests from here. Wait {seconds} seconds and try again.", token);
            };
            // A ceiling per address against floods: high, because a whole school may share one address.
            o.AddPolicy(RateLimitPolicies.Auth, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limit = http.RequestServices.GetRequiredService<IOptions<ThrottleOptions>>().Value.AddressPostsPerMinute;
                return PerMinute(http, "auth:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limit);
            });
            // Join codes are short, so tries are limited per signed-in person.
            o.AddPolicy(RateLimitPolicies.Join, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limit = http.RequestServices.GetRequiredService<IOptions<ThrottleOptions>>().Value.JoinsPerUserPerMinute;
                return PerMinute(http, "join:" + (http.User.Id() ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limit);
            });
        });
        return services;
    }

    /// <summary>A fixed one-minute window: counted in Redis when several instances share it, else in this process.</summary>
    private static RateLimitPartition<string> PerMinute(HttpContext http, string key, int limit)
    {
        var redis = http.RequestServices.GetRequiredService<SharedRedis>();
        // While Redis does not answer, each instance counts for itself rather than refuse everyone.
        if (!redis.Enabled || redis.Connection is not { IsConnected: true })
            return RateLimitPartition.GetFixedWindowLimiter(key,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        return RedisRateLimitPartition.GetFixedWindowRateLimiter(SharedRedis.Prefix + "rate:" + key, _ => new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis.Connection!, PermitLimit = limit, Window = TimeSpan.FromMinutes(1),
        });
    }
}
