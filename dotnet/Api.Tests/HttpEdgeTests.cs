using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BffReference.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

/// <summary>A fresh API per test (xunit makes a new instance of the class for each).</summary>
public sealed class HttpEdgeTests : IDisposable
{
    private readonly ApiFactory _api;
    private readonly HttpClient _client;

    public HttpEdgeTests() => (_api, _client) = (_api = new ApiFactory(), _api.CreateClient());

    public void Dispose() => _api.Dispose();

    private static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", body.GetProperty("traceId").GetString());
        return body;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Unknown_routes_are_404_and_wrong_methods_405_with_Allow()
    {
        await ExpectProblemAsync(await _client.GetAsync("/api/no-such-endpoint"), HttpStatusCode.NotFound);
        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Trace })
        {
            var response = await _client.SendAsync(new HttpRequestMessage(method, "/api/auth/login"));
            await ExpectProblemAsync(response, HttpStatusCode.MethodNotAllowed);
            Assert.Contains("POST", response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task Bad_bodies_are_ProblemDetails_never_500()
    {
        var deep = new string('[', 3000) + new string(']', 3000);
        await ExpectProblemAsync(await _client.PostAsync("/api/auth/login", Json(deep)), HttpStatusCode.BadRequest);
        var nested = "{\"email\":" + new string('{', 3000) + new string('}', 3000) + "}";
        await ExpectProblemAsync(await _client.PostAsync("/api/auth/login", Json(nested)), HttpStatusCode.BadRequest);
        var malformed = await ExpectProblemAsync(await _client.PostAsync("/api/auth/login", Json("{\"email\": ")), HttpStatusCode.BadRequest);
        Assert.True(malformed.GetProperty("errors").TryGetProperty("$", out _));
        await ExpectProblemAsync(await _client.PostAsync("/api/auth/login", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        var big = Json($"{{\"email\":\"a@b.c\",\"password\":\"{new string('x', 17_000)}\"}}");
        await ExpectProblemAsync(await _client.PostAsync("/api/auth/login", big), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Validation_errors_are_keyed_by_PascalCase_property()
    {
        var session = await _api.SignInAsync(_client);
        foreach (var title in new[] { "Bell\u0007", "Right-to-left \u202Etxt", "Zero\u200Bwidth", "Isolate\u2066", "Line\u2028sep", "x" + new string('y', 200) })
        {
            var response = await _client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, "/api/goals", session.AccessToken, new { title }));
            var body = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(body.GetProperty("errors").TryGetProperty("Title", out _), title);
        }
        var lone = new StringContent("{\"title\":\"lone \\ud800 surrogate\"}", Encoding.UTF8, "application/json");
        var request = ApiFactory.Bearer(HttpMethod.Post, "/api/goals", session.AccessToken);
        request.Content = lone;
        await ExpectProblemAsync(await _client.SendAsync(request), HttpStatusCode.BadRequest);

        var created = await _client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, "/api/goals", session.AccessToken, new { title = "Ünïcödé 目標 🎯" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Api_answers_are_not_cached_and_echo_the_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        request.Headers.Add("X-Request-Id", "req-42");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("req-42", response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Location_comes_from_the_request_never_from_forwarded_host_or_proto()
    {
        var session = await _api.SignInAsync(_client);
        var request = ApiFactory.Bearer(HttpMethod.Post, "/api/goals", session.AccessToken, new { title = "Located" });
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        var response = await _client.SendAsync(request);
        var goal = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/goals/{goal.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_with_only_a_traceId()
    {
        using var failing = _api.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<Account>, ThrowingHasher>()));
        var response = await failing.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "demo@example.com", password = "demo-password" });
        var body = await ExpectProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.False(body.TryGetProperty("detail", out _));
        Assert.DoesNotContain("secret", body.ToString());
    }

    private sealed class ThrowingHasher : IPasswordHasher<Account>
    {
        // Startup seeds the demo account with it; only sign-in should fail.
        public string HashPassword(Account user, string password) => new PasswordHasher<Account>().HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword) =>
            throw new InvalidOperationException("secret internals");
    }
}
