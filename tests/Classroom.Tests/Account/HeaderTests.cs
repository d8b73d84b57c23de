using System.Net;
using Classroom.Tests.Infrastructure;

namespace Classroom.Tests.Account;

/// <summary>What a school's security review reads: headers on every kind of page, caching of private things, hosts and proxies.</summary>
public class HeaderTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "anonymous", "/" },
        { "anonymous", "/lessons/tal-afar-offensive" },
        { "anonymous", "/articles/tal-afar-offensive" },
        { "anonymous", "/account/login" },
        { "anonymous", "/lessons/tal-afar-offensive/worksheet.pdf" },
        { "anonymous", "/no-such-page" },
        { "student", "/assignments" },
        { "student", "/attempts/{attempt}/review" },
        { "teacher", "/classes/{class}" },
        { "teacher", "/assignments/{assignment}/grading" },
        { "teacher", "/classes/{class}/gradebook.csv" },
        { "teacher", "/assignments/{assignment}/answer-key.pdf" },
        { "teacher", "/attempts/{attempt}/report.pdf" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_kind_of_page_sends_the_security_headers(string who, string page)
    {
        var world = await ClassWorld.BuildAsync(factory);
        var client = await ClassWorld.ClientAsync(factory, who switch { "student" => ClassWorld.StudentOfClass, "teacher" => ClassWorld.ClassInstructor, _ => null });
        var url = page.Replace("{class}", world.ClassId.ToString()).Replace("{assignment}", world.AssignmentId.ToString()).Replace("{attempt}", world.StudentAttemptId.ToString());
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode is 200 or 404, $"{url}: {response.StatusCode}");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var privateThing = who != "anonymous" || url.EndsWith(".pdf");
        if (privateThing) Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_lesson_page_styles_itself_with_a_nonce_from_its_own_policy()
    {
        var response = await factory.CreateClient().GetAsync("/lessons/tal-afar-offensive");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(nonce));
        // The page writes the nonce as an HTML attribute, so a '+' in it arrives encoded (the browser decodes it).
        Assert.Contains($"<style nonce=\"{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(nonce)}\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_host_header_the_site_did_not_choose_never_reaches_a_redirect()
    {
        var client = factory.CreateBrowserLikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/classes");
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString);
        Assert.StartsWith("/account/login", response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task With_allowed_hosts_set_another_host_is_refused()
    {
        using var strict = new ClassroomFactory { Settings = { ["AllowedHosts"] = "classroom.school.example" } };
        var client = strict.CreateBrowserLikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        var good = new HttpRequestMessage(HttpMethod.Get, "/");
        good.Headers.Host = "classroom.school.example";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(good)).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_ended_tls_the_sign_in_cookie_is_secure()
    {
        using var proxied = new ClassroomFactory { Settings = { ["ForwardedHeaders:KnownProxies:0"] = "203.0.113.10" } };
        var person = await new TestData(proxied).StudentAsync("Via Proxy");
        var viaProxy = proxied.CreateBrowserLikeClient();
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.77");
        var signIn = await viaProxy.SignInAsync(person.Email, TestData.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("classroom.auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // The proxy's client address is believed only from a known proxy.
        var events = await new TestData(proxied).DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.SignInEvents.Where(e => e.UserId == person.Id)));
        Assert.Contains(events, e => e.Address == "192.0.2.77");

        var untrusted = proxied.CreateClientFrom("198.51.100.9");
        untrusted.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var plain = await untrusted.SignInAsync(person.Email, TestData.Password);
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("classroom.auth=")), StringComparison.OrdinalIgnoreCase);
    }
}
