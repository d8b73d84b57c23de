using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace Classroom.Web.Infrastructure;

/// <summary>Which reverse proxies the site trusts for the client's address and scheme (section "ForwardedHeaders").</summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, such as "10.0.0.5". Loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, such as "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>What a school's security review reads: response headers, transport, trusted hosts and proxies.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddClassroomSecurity(this IServiceCollection services)
    {
        // Read from the final configuration (hosts and tests add settings after the app's own code runs).
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            var proxies = config.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in proxies.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        return services;
    }

    public static HeaderPolicyCollection Headers() => new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .RemoveServerHeader()
        .AddContentSecurityPolicy(b =>
        {
            b.AddDefaultSrc().Self();
            b.AddScriptSrc().Self();
            b.AddStyleSrc().Self().WithNonce();
            b.AddImgSrc().Self();
            b.AddFontSrc().Self();
            b.AddConnectSrc().Self();
            b.AddFormAction().Self();
            b.AddFrameAncestors().None();
            b.AddObjectSrc().None();
            b.AddBaseUri().None();
        })
        .AddPermissionsPolicy(b =>
        {
            b.AddCamera().None();
            b.AddMicrophone().None();
            b.AddGeolocation().None();
            b.AddPayment().None();
            b.AddUsb().None();
            b.AddFullscreen().Self();
        });

    /// <summary>Nothing about a signed-in person, and no document or export, is kept by a browser or a proxy cache.</summary>
    public static IApplicationBuilder UseNoStoreForPrivatePages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var path = context.Request.Path.Value ?? "";
            if (context.User.Identity?.IsAuthenticated == true || path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
