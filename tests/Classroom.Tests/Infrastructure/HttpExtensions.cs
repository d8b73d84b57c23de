using System.Net;
using System.Text.RegularExpressions;

namespace Classroom.Tests.Infrastructure;

public static partial class HttpExtensions
{
    public const string Password = TestData.Password;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a form the way the page does: with the token from the page it came from.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(tokenFrom ?? url);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password });

    public static async Task SignInOrFailAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
