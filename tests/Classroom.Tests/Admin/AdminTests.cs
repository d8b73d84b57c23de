using System.Net;
using Classroom.Tests.Infrastructure;

namespace Classroom.Tests.Admin;

public class AdminTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/admin/instructors");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(ClassWorld.StudentOfClass)]
    [InlineData(ClassWorld.ClassInstructor)]
    public async Task Students_and_instructors_cannot_open_the_admin_page(string email)
    {
        var client = await ClassWorld.ClientAsync(factory, email);
        var response = await client.GetAsync("/admin/instructors");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not for your account", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_student_cannot_create_an_instructor_by_posting_the_form()
    {
        await ClassWorld.BuildAsync(factory);
        var student = factory.CreateBrowserLikeClient();
        await student.SignInOrFailAsync(ClassWorld.StudentOfClass);
        var token = await student.GetAntiforgeryTokenAsync("/");
        var response = await student.PostAsync("/admin/instructors", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Sneaky", ["Email"] = "sneaky@example.org", ["Password"] = "long enough pass", ["__RequestVerificationToken"] = token,
        }));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var signIn = await factory.CreateBrowserLikeClient().SignInAsync("sneaky@example.org", "long enough pass");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form came back: no such account
    }

    [Fact]
    public async Task Admin_creates_an_instructor_who_can_then_sign_in()
    {
        await ClassWorld.BuildAsync(factory);
        var admin = factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(ClassWorld.Admin);
        var response = await admin.PostFormAsync("/admin/instructors", new()
        {
            ["DisplayName"] = "Mr. <b>Okoye</b>", ["Email"] = "okoye@example.org", ["Password"] = "first password",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Instructor account created", html);
        Assert.Contains("Mr. &lt;b&gt;Okoye&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>Okoye</b>", html);

        var instructor = factory.CreateBrowserLikeClient();
        await instructor.SignInOrFailAsync("okoye@example.org", "first password");
    }

    [Fact]
    public async Task Admin_form_with_a_bad_email_is_refused_with_a_message()
    {
        await ClassWorld.BuildAsync(factory);
        var admin = factory.CreateBrowserLikeClient();
        await admin.SignInOrFailAsync(ClassWorld.Admin);
        var response = await admin.PostFormAsync("/admin/instructors", new()
        {
            ["DisplayName"] = "No Email", ["Email"] = "not-an-email", ["Password"] = "first password",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Please fix the following", await response.Content.ReadAsStringAsync());
    }
}
