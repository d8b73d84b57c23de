using System.Net;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Classroom.Tests.Account;

public class SessionKeyTests
{
    [Fact]
    public async Task A_sign_in_survives_a_restart_in_a_fresh_container()
    {
        var folder = Directory.CreateTempSubdirectory("classroom-restart-").FullName;
        try
        {
            var database = Path.Combine(folder, "shared.db");
            Dictionary<string, string> Environment(string home) => new()
            {
                ["HOME"] = Directory.CreateDirectory(Path.Combine(folder, home)).FullName,
                ["ConnectionStrings__Classroom"] = $"Data Source={database}",
            };
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

            string url;
            await using (var first = await AppProcess.StartAsync(Environment("home-1")))
            {
                url = first.Url;
                var form = await client.GetStringAsync(url + "/account/register");
                var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
                var signUp = await client.PostAsync(url + "/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["DisplayName"] = "Restart Student", ["Email"] = "restart@example.org", ["Password"] = "a long enough password",
                    ["ConfirmPassword"] = "a long enough password", ["__RequestVerificationToken"] = token,
                }));
                Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + "/classes")).StatusCode);
            }

            // A new container: same database, empty home folder, new process. The cookie must still be good.
            await using var second = await AppProcess.StartAsync(Environment("home-2"));
            var cookie = cookies.GetCookies(new Uri(url)).Single(c => c.Name == "classroom.auth");
            using var again = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            again.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            var page = await again.GetAsync(second.Url + "/classes");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Sign out", await page.Content.ReadAsStringAsync());
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder, "home-2"), "*", SearchOption.AllDirectories));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
