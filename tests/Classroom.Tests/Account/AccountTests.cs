using System.Net;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Account;

public class AccountTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    private static Dictionary<string, string> Registration(string email, string password = "correct horse battery") => new()
    {
        ["DisplayName"] = "New Student", ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password,
    };

    private async Task<IList<string>> RolesOf(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? [] : await users.GetRolesAsync(user);
    }

    [Fact]
    public async Task Sign_up_creates_a_student_and_signs_them_in()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/account/register", Registration("signup@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Student], await RolesOf("signup@example.org"));
        Assert.Contains("New Student</a>", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Sign_up_accepts_eight_plain_characters_and_refuses_seven_or_more_than_128()
    {
        var client = factory.CreateBrowserLikeClient();
        var tooShort = await client.PostFormAsync("/account/register", Registration("short@example.org", "abcdefg"));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("8 to 128 characters", await tooShort.Content.ReadAsStringAsync());
        var tooLong = await client.PostFormAsync("/account/register", Registration("long@example.org", new string('x', 129)));
        Assert.Contains("8 to 128 characters", await tooLong.Content.ReadAsStringAsync());
        Assert.Empty(await RolesOf("short@example.org"));
        Assert.Empty(await RolesOf("long@example.org"));

        var plain = await client.PostFormAsync("/account/register", Registration("plain@example.org", "abcdefgh"));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
    }

    [Fact]
    public async Task Sign_in_with_the_token_works_and_sign_out_ends_the_session()
    {
        await ClassWorld.BuildAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(ClassWorld.StudentOfClass);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Amira Haddad</a>", await client.GetStringAsync("/"));

        await client.PostFormAsync("/account/logout", [], tokenFrom: "/");
        Assert.DoesNotContain("Amira Haddad", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await ClassWorld.BuildAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ClassWorld.StudentOfClass, ["Password"] = TestData.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Sign out", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await ClassWorld.BuildAsync(factory);
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/account/login", new()
        {
            ["Email"] = ClassWorld.Student2, ["Password"] = TestData.Password, ["ReturnUrl"] = "https://evil.example/",
        });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

public class RateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_address_ceiling_get_429_with_a_message_and_retry_after()
    {
        using var factory = new ClassroomFactory { Settings = { ["Throttle:AddressPostsPerMinute"] = "3" } };
        var client = factory.CreateBrowserLikeClient();
        for (int i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync($"nobody{i}@example.org", "wrong password")).StatusCode);
        var limited = await client.SignInAsync("nobody@example.org", "wrong password");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many requests from here", await limited.Content.ReadAsStringAsync());
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
