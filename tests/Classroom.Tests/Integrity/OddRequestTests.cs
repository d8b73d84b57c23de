using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Classroom.Tests.Infrastructure;
using Classroom.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Classroom.Tests.Integrity;

/// <summary>
/// Every POST address the app has, found from its own route table, answers odd requests with a clear 4xx and a
/// message, never a 500: a JSON or text body (415), a body over the limit whether declared or chunked (413,
/// the same message), a NUL character in a field (400).
/// </summary>
public partial class OddRequestTests(ClassroomFactory factory) : IClassFixture<ClassroomFactory>
{
    public static IEnumerable<string> PostRoutes(ClassroomFactory factory)
    {
        var sources = factory.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => m.Value.Contains(":int") || m.Value.Contains("id", StringComparison.OrdinalIgnoreCase) ? "1" : "tal-afar-offensive"))
            .Distinct().Order().ToList();
    }

    [Fact]
    public void The_route_table_has_the_posts_a_person_uses()
    {
        var routes = PostRoutes(factory);
        Assert.Contains("/attempts/1/autosave", routes);
        Assert.Contains("/account/login", routes);
        Assert.Contains("/classes/join", routes);
        Assert.True(routes.Count() >= 15, string.Join(", ", routes));
    }

    private async Task<List<(string Route, HttpStatusCode Status, string Body)>> SendToEveryPostAsync(Func<HttpContent> content)
    {
        var client = await ClassWorld.ClientAsync(factory, ClassWorld.StudentOfClass);
        var results = new List<(string, HttpStatusCode, string)>();
        foreach (var route in PostRoutes(factory))
        {
            var response = await client.PostAsync(route, content());
            results.Add((route, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        return results;
    }

    [Theory]
    [InlineData("application/json", "{\"Email\":\"a@b.c\"}")]
    [InlineData("text/plain", "Email=a@b.c")]
    public async Task A_body_that_is_not_a_form_gets_415_with_a_message(string type, string body)
    {
        foreach (var (route, status, text) in await SendToEveryPostAsync(() => new StringContent(body, Encoding.UTF8, type)))
        {
            Assert.True(status == HttpStatusCode.UnsupportedMediaType, $"{route}: {status}");
            Assert.Contains("This address takes a form", text);
            Assert.Contains(type, text);
        }
    }

    [Fact]
    public async Task An_oversize_body_gets_413_whether_its_length_is_declared_or_it_arrives_in_chunks()
    {
        var big = "essay=" + new string('x', 2 * 1024 * 1024);
        var declared = await SendToEveryPostAsync(() => new StringContent(big, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var chunked = await SendToEveryPostAsync(() => new ChunkedContent(big));
        foreach (var ((route, status, text), (_, chunkedStatus, chunkedText)) in declared.Zip(chunked))
        {
            Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{route} declared: {status}");
            Assert.True(chunkedStatus == HttpStatusCode.RequestEntityTooLarge, $"{route} chunked: {chunkedStatus}");
            Assert.StartsWith("The request is too large: the limit here is", text);
            Assert.Equal(text, chunkedText);
        }
    }

    public static TheoryData<string> FormKinds => ["urlencoded", "multipart"];

    [Theory]
    [MemberData(nameof(FormKinds))]
    public async Task A_nul_character_in_any_field_gets_400_saying_what_is_wrong(string kind)
    {
        HttpContent Body() => kind == "urlencoded"
            ? new FormUrlEncodedContent(new Dictionary<string, string> { ["q.essay.text"] = "An essay\0 with a NUL" })
            : new MultipartFormDataContent { { new StringContent("An essay\0 with a NUL"), "q.essay.text" } };
        foreach (var (route, status, text) in await SendToEveryPostAsync(Body))
        {
            Assert.True(status == HttpStatusCode.BadRequest, $"{route}: {status}");
            Assert.Contains("NUL character (U+0000)", text);
        }
    }

    [Fact]
    public async Task A_chunked_form_within_the_limit_is_read_as_usual()
    {
        var client = factory.CreateBrowserLikeClient();
        var token = await client.GetAntiforgeryTokenAsync("/account/login");
        var response = await client.PostAsync("/account/login", new ChunkedContent($"Email=nobody%40school.test&Password=wrong+password&__RequestVerificationToken={Uri.EscapeDataString(token)}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A form body sent without a length, as a streaming client would.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly string body;

        public ChunkedContent(string body)
        {
            this.body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
