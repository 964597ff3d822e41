using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BffReference.Api.Tests;

/// <summary>What a request body may carry, as the mock's zod schemas and the OpenAPI document say.</summary>
public sealed class RequestBodyTests : IDisposable
{
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public RequestBodyTests() => (_api, _client) = (_api = new ApiFactory(), _api.CreateClient());

    public void Dispose() => _api.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string token, string json, HttpStatusCode expected)
    {
        var request = ApiFactory.Bearer(method, path, token);
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Titles_are_trimmed_before_they_are_checked()
    {
        var token = (await _api.SignInAsync(_client)).AccessToken;

        // A trailing newline is whitespace to trim, not a control character to refuse.
        var created = await SendAsync(HttpMethod.Post, "/api/goals", token, """{"title":"Title\n"}""", HttpStatusCode.Created);
        Assert.Equal("Title", created.GetProperty("title").GetString());
        var id = created.GetProperty("id").GetString();

        // 200 characters plus padding fit: the limit applies to what is stored.
        var padded = $$"""{"title":"  {{new string('x', 200)}}\t","description":"","status":"active","progress":0}""";
        var replaced = await SendAsync(HttpMethod.Put, $"/api/goals/{id}", token, padded, HttpStatusCode.OK);
        Assert.Equal(new string('x', 200), replaced.GetProperty("title").GetString());

        var patched = await SendAsync(HttpMethod.Patch, $"/api/goals/{id}", token, """{"title":" Renamed\r\n"}""", HttpStatusCode.OK);
        Assert.Equal("Renamed", patched.GetProperty("title").GetString());

        // Only whitespace is no title at all; a control character inside one is still refused.
        // U+0085 is a C1 control to JavaScript's trim (the mock's), not whitespace as to .NET's Trim().
        foreach (var json in new[] { """{"title":" \n "}""", """{"title":"Bell\u0007 inside"}""", """{"title":"C1 \u0085"}""" })
        {
            var refused = await SendAsync(HttpMethod.Post, "/api/goals", token, json, HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("Title", out _), json);
        }
    }

    [Fact]
    public async Task Null_is_refused_and_keyed_by_the_property()
    {
        var token = (await _api.SignInAsync(_client)).AccessToken;
        var created = await SendAsync(HttpMethod.Post, "/api/goals", token, """{"title":"Kept"}""", HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        foreach (var (method, path, json, key) in new[]
        {
            (HttpMethod.Post, "/api/goals", """{"title":"x","description":null}""", "Description"),
            (HttpMethod.Patch, $"/api/goals/{id}", """{"title":null}""", "Title"),
            (HttpMethod.Patch, $"/api/goals/{id}", """{"status":null}""", "Status"),
            (HttpMethod.Put, "/api/demo/controls", """{"latencyMs":null}""", "LatencyMs"),
        })
        {
            var refused = await SendAsync(method, path, token, json, HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty(key, out _), json);
        }

        // Left out is not null: PATCH keeps what was not sent.
        var patched = await SendAsync(HttpMethod.Patch, $"/api/goals/{id}", token, """{"progress":5}""", HttpStatusCode.OK);
        Assert.Equal("Kept", patched.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_document_states_no_null_in_requests_and_what_every_problem_carries()
    {
        var schemas = (await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");

        Assert.Equal("string", schemas.GetProperty("LoginRequest").GetProperty("properties").GetProperty("email").GetProperty("type").GetString());
        var update = schemas.GetProperty("UpdateGoalRequest").GetProperty("properties");
        Assert.Equal("string", update.GetProperty("title").GetProperty("type").GetString());
        Assert.Equal("integer", update.GetProperty("progress").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/GoalStatus", update.GetProperty("status").GetProperty("$ref").GetString());

        string[] Required(string name) => schemas.GetProperty(name).GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["status", "title", "traceId", "type"], Required("ProblemDetails").Order());
        Assert.Contains("errors", Required("ValidationProblemDetails"));
    }
}
