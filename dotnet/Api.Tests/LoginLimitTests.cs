using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using BffReference.Api.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

public sealed class LoginLimitTests
{
    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_stranger_cannot_lock_the_owner_out_but_locks_themselves_out()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();
        var owner = await api.SignInAsync(client);

        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 6; attempt++) last = await LoginAsync(client, owner.Email, "wrong-password", "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Even the right password, from the stranger's address.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, owner.Email, owner.Password, "203.0.113.7")).StatusCode);

        // The owner, from elsewhere, is not affected.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, owner.Email, owner.Password, "198.51.100.1")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_is_checked_against_a_hash_at_the_configured_work_factor()
    {
        // ApiFactory sets PasswordHasher:IterationCount to 1000; the default is 100,000.
        await using var api = new ApiFactory();
        var decoy = Convert.FromBase64String(api.Services.GetRequiredService<DecoyPasswordHash>().Value);
        // Identity's v3 format: a marker byte, the PRF, then the iteration count, big-endian.
        Assert.Equal(0x01, decoy[0]);
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(decoy.AsSpan(5, 4)));
    }

    [Fact]
    public async Task Too_many_failures_from_one_address_are_refused_whatever_the_email()
    {
        await using var api = new ApiFactory(new() { ["LoginLimits:FailuresPerClient"] = "3" });
        var client = api.CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, $"x{attempt}@example.com", "wrong", "203.0.113.8")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "other@example.com", "wrong", "203.0.113.8")).StatusCode);
    }
}
