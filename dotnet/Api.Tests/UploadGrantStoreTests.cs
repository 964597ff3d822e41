using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BffReference.Api.Attachments;
using BffReference.Api.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

public sealed class UploadGrantStoreTests
{
    internal static readonly byte[] Png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4];

    [Fact]
    public async Task Twenty_parallel_claims_of_one_token_let_exactly_one_through()
    {
        await using var api = new ApiFactory();
        var (_, _, token) = await GrantAsync(api);

        // Each claim on its own scope, so its own DbContext and connection, as concurrent requests have.
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<UploadGrantStore>().ClaimAsync(token, CancellationToken.None);
        }));

        Assert.Single(claims, claim => claim.Grant is not null);
        Assert.Equal(19, claims.Count(claim => claim.Failure == ClaimFailure.Used));
    }

    [Fact]
    public async Task Only_the_hash_of_the_token_is_stored()
    {
        await using var api = new ApiFactory();
        var (_, _, token) = await GrantAsync(api);
        var stored = api.WithDb(db => db.UploadGrants.Single().TokenHash);
        Assert.NotEqual(token, stored);
        Assert.Equal(RefreshTokenService.Hash(token), stored);
    }

    [Fact]
    public async Task An_expired_or_unknown_token_is_refused_and_nothing_is_marked_used()
    {
        await using var api = new ApiFactory(new() { ["Uploads:GrantSeconds"] = "1" });
        var (_, _, token) = await GrantAsync(api);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await using var scope = api.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<UploadGrantStore>();
        Assert.Equal(ClaimFailure.Expired, (await store.ClaimAsync(token, CancellationToken.None)).Failure);
        Assert.Equal(ClaimFailure.Unknown, (await store.ClaimAsync("not-a-token", CancellationToken.None)).Failure);
        Assert.Null(api.WithDb(db => db.UploadGrants.Single().UsedAt));
    }

    internal static async Task<(Session Session, Guid GoalId, string Token)> GrantAsync(
        ApiFactory api, HttpClient? client = null, Session? session = null, Guid? goalId = null)
    {
        client ??= api.CreateClient();
        session ??= await api.SignInAsync(client);
        if (goalId is null)
        {
            var created = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, "/api/goals", session.AccessToken, new { title = "With a file" }));
            goalId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        var granted = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, $"/api/goals/{goalId}/attachments/grants", session.AccessToken,
            new { fileName = "../photo.png", size = Png.Length, contentType = "image/png" }));
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var token = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadToken").GetString()!;
        return (session, goalId.Value, token);
    }

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, UploadEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        request.Headers.Add(UploadEndpoints.TokenHeader, token);
        return client.SendAsync(request);
    }
}
