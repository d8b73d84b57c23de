using System.Net;
using Classroom.Tests.Infrastructure;

namespace Classroom.Tests.Attempts;

/// <summary>A signed-in student taking the Tal Afar quiz over HTTP, the way the page does.</summary>
public sealed class AttemptClient(HttpClient client)
{
    public HttpClient Http => client;

    public static async Task<AttemptClient> SignedInAsync(ClassroomFactory factory, string email) =>
        new(await ClassWorld.ClientAsync(factory, email));

    /// <summary>A new student in no class: nothing assigned pauses their practice.</summary>
    public static async Task<AttemptClient> FreshStudentAsync(ClassroomFactory factory, string? email = null)
    {
        var data = new TestData(factory);
        var person = await data.StudentAsync("Practice Student", email);
        return new AttemptClient(await data.ClientAsync(person));
    }

    public async Task<int> StartAsync(string lesson = "tal-afar-offensive")
    {
        var response = await client.PostFormAsync($"/lessons/{lesson}/quiz/attempts", [], tokenFrom: $"/lessons/{lesson}/quiz");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public async Task<HttpResponseMessage> AutosaveAsync(int attempt, params (string Key, string Value)[] fields)
    {
        var token = await client.GetAntiforgeryTokenAsync("/");
        return await client.PostAsync($"/attempts/{attempt}/autosave", Form(token, fields));
    }

    public async Task<HttpResponseMessage> SubmitAsync(int attempt, string token, params (string Key, string Value)[] fields) =>
        await client.PostAsync($"/attempts/{attempt}", Form(token, [.. fields, ("action", "submit"), ("confirm", "yes")]));

    public Task<string> TokenAsync() => client.GetAntiforgeryTokenAsync("/");

    public static FormUrlEncodedContent Form(string token, IEnumerable<(string Key, string Value)> fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    /// <summary>A full set of right answers to the closed questions of the Tal Afar quiz.</summary>
    public static (string, string)[] RightAnswers =>
    [
        ("present", "outlet"), ("q.outlet", "not-stated"),
        ("present", "caption"), ("q.caption", "true"),
        ("present", "via-al-jazeera"), ("q.via-al-jazeera", "success"), ("q.via-al-jazeera", "moved-in"), ("q.via-al-jazeera", "abadi"),
        ("present", "unnamed-sentences"), ("q.unnamed-sentences", "3.1"), ("q.unnamed-sentences", "4.1"), ("q.unnamed-sentences", "4.3"),
        ("present", "ledger"),
        ("q.ledger.r1.source", "several military sources"), ("q.ledger.r1.named", "no"), ("q.ledger.r1.attribution", "according to"),
        ("q.ledger.r2.source", "the reporter"), ("q.ledger.r2.named", "no"), ("q.ledger.r2.attribution", "direct quote"),
        ("q.ledger.r3.source", "Rupert Jones"), ("q.ledger.r3.named", "yes"), ("q.ledger.r3.attribution", "paraphrase"),
        ("present", "hedge-word"), ("q.hedge-word.text", "Reportedly"),
        ("present", "last-paragraph"), ("q.last-paragraph", "guess"),
    ];
}
