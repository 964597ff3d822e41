using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BffReference.Api.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

/// <summary>
/// The whole API in memory, with its own in-memory database, a known signing
/// key, and settings a test may override. Requests appear to come from the
/// loopback BFF, so a test's X-Forwarded-For is believed, as it is in production.
/// </summary>
public sealed class ApiFactory(Dictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string SigningKey = "api-tests-signing-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: its exception page would show what production never shows.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Api", $"Data Source=tests-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        // Test accounts only: hashing at the production work factor would dominate the run.
        builder.UseSetting("PasswordHasher:IterationCount", "1000");
        // Tests register from loopback, more often than a public host allows one address; RegistrationLimitTests set their own.
        builder.UseSetting("Accounts:RegistrationsPerClient", "100000");
        // Each factory's fresh database clears its storage folder on start, so factories must not share one.
        builder.UseSetting("Uploads:StoragePath", Path.Combine(Path.GetTempPath(), "bff-api-tests", Guid.NewGuid().ToString("N")));
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackPeer>());
    }

    public T WithDb<T>(Func<AppDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<Session> SignInAsync(HttpClient? client = null, string? address = null)
    {
        client ??= CreateClient();
        var email = $"test-{Guid.NewGuid():N}@example.com";
        const string password = "a-long-enough-password";
        var registered = await client.PostAsJsonAsync("/api/auth/register", new { name = "Test", email, password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await LoginAsync(client, email, password, address);
    }

    public static async Task<Session> LoginAsync(HttpClient client, string email, string password, string? address = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        if (address is not null) request.Headers.Add("X-Forwarded-For", address);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Session(email, password, body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    public static HttpRequestMessage Bearer(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    private sealed class LoopbackPeer : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => http =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed record Session(string Email, string Password, string AccessToken, string RefreshToken);
