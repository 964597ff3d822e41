using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace BffReference.Api.Tests;

public sealed class RefreshTokenTests
{
    [Theory]
    [InlineData("10")]
    [InlineData("0")]
    public async Task Twenty_parallel_refreshes_with_one_token_yield_exactly_one_successor(string overlapSeconds)
    {
        await using var api = new ApiFactory(new() { ["RefreshTokens:OverlapSeconds"] = overlapSeconds });
        var client = api.CreateClient();
        var session = await api.SignInAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken })));

        var issued = new HashSet<string>();
        foreach (var response in responses.Where(r => r.IsSuccessStatusCode))
        {
            issued.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!);
        }
        // One successor handed out, however many requests won or lost the race,
        // and in the database: the sign-in token plus that one successor.
        Assert.Single(issued);
        var stored = api.WithDb(db => db.RefreshTokens.Count());
        Assert.Equal(2, stored);
        if (overlapSeconds == "10")
        {
            // Inside the overlap window the losers get that same successor.
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }
    }

    [Fact]
    public async Task Presenting_a_spent_token_revokes_the_family_and_its_access_tokens()
    {
        await using var api = new ApiFactory(new() { ["RefreshTokens:OverlapSeconds"] = "0" });
        var client = api.CreateClient();
        var session = await api.SignInAsync(client);
        var rotated = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
        var successor = await rotated.Content.ReadFromJsonAsync<JsonElement>();

        var replay = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        var me = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/users/me", successor.GetProperty("accessToken").GetString()!));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Contains("The session has been revoked", me.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_revoked_session_stays_refused_after_pruning_drops_its_family()
    {
        await using var api = new ApiFactory(new() { ["RefreshTokens:MaxTokens"] = "3" });
        var client = api.CreateClient();
        var victim = await api.SignInAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = victim.RefreshToken })).StatusCode);

        // Fill the store past its cap: the oldest families, the revoked one first, are deleted.
        for (var i = 0; i < 5; i++) await ApiFactory.LoginAsync(client, victim.Email, victim.Password);
        var families = api.WithDb(db => db.RefreshFamilies.Select(f => f.Id).ToList());
        Assert.True(families.Count < 5);

        var me = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/users/me", victim.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Contains("The session has been revoked", me.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Logout_with_only_the_access_token_ends_the_session()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();
        var session = await api.SignInAsync(client);

        var logout = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, "/api/auth/logout", session.AccessToken));
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/users/me", session.AccessToken))).StatusCode);
        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(1, api.WithDb(db => db.RevokedSessions.Count()));
    }
}
