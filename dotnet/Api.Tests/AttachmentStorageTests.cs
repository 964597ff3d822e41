using System.Net;
using System.Net.Http.Json;
using BffReference.Api.Attachments;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

/// <summary>The files behind the attachment rows: kept under ids, and removed with their goal or account.</summary>
public sealed class AttachmentStorageTests
{
    [Fact]
    public async Task A_file_lives_under_ids_and_goes_with_its_goal_and_a_refused_one_leaves_nothing()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();
        var (session, goalId, token) = await UploadGrantStoreTests.GrantAsync(api, client);
        var storage = api.Services.GetRequiredService<AttachmentStorage>();

        Assert.Equal(HttpStatusCode.Created, (await UploadGrantStoreTests.UploadAsync(client, token, UploadGrantStoreTests.Png)).StatusCode);
        var stored = Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories);
        var file = Assert.Single(stored);
        Assert.Equal(UploadGrantStoreTests.Png, await File.ReadAllBytesAsync(file));
        Assert.DoesNotContain("photo", file, StringComparison.Ordinal);

        // A refused body (more bytes than declared) is streamed to a file that is then removed.
        var (_, _, second) = await UploadGrantStoreTests.GrantAsync(api, client, session, goalId);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await UploadGrantStoreTests.UploadAsync(client, second, [.. UploadGrantStoreTests.Png, .. UploadGrantStoreTests.Png])).StatusCode);
        Assert.Single(Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories));

        var deleted = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Delete, $"/api/goals/{goalId}", session.AccessToken));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories));
        Assert.Equal(0, api.WithDb(db => db.Attachments.Count()));
    }

    [Fact]
    public async Task Evicting_an_account_removes_its_files()
    {
        // The demo account and one more: the next registration evicts the first throwaway account.
        await using var api = new ApiFactory(new() { ["Accounts:MaxAccounts"] = "2" });
        var client = api.CreateClient();
        var (_, _, token) = await UploadGrantStoreTests.GrantAsync(api, client);
        Assert.Equal(HttpStatusCode.Created, (await UploadGrantStoreTests.UploadAsync(client, token, UploadGrantStoreTests.Png)).StatusCode);
        var storage = api.Services.GetRequiredService<AttachmentStorage>();
        Assert.Single(Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories));

        var registered = await client.PostAsJsonAsync("/api/auth/register", new { name = "Next", email = "next@example.com", password = "a-long-enough-password" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Empty(Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories));
        Assert.Equal(0, api.WithDb(db => db.Attachments.Count()));
    }
}
