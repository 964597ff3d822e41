using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BffReference.Api.Http;

namespace BffReference.Api.Tests;

public sealed class RegistrationLimitTests
{
    private const string Password = "a-long-enough-password";
    private const string Reader = "198.51.100.20";
    private const string Flooder = "203.0.113.66";

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { name = "Test", email, password = Password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Registrations_over_the_limit_get_429_ProblemDetails_with_Retry_After_and_other_clients_do_not()
    {
        await using var api = new ApiFactory(new() { ["Accounts:RegistrationsPerClient"] = "3", ["Accounts:RegistrationWindowSeconds"] = "3600" });
        var client = api.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, $"flood-{i}@example.com", Flooder)).StatusCode);

        var refused = await RegisterAsync(client, "flood-3@example.com", Flooder);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("registered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(0, api.WithDb(db => db.Accounts.Count(a => a.Email == "flood-3@example.com")));

        // Another address of the same IPv6 /64 is the same client; another client is not affected.
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "v6-0@example.com", "2001:db8:1:2::1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "v6-1@example.com", "2001:db8:1:2::2")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "v6-2@example.com", "2001:db8:1:2:aaaa::3")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RegisterAsync(client, "v6-3@example.com", "2001:db8:1:2:ffff::4")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "reader@example.com", Reader)).StatusCode);
    }

    [Fact]
    public async Task A_flood_at_the_account_cap_evicts_the_flooding_clients_own_accounts_first()
    {
        // The demo account, one reader and two of the flooder's fill the cap.
        await using var api = new ApiFactory(new() { ["Accounts:MaxAccounts"] = "4" });
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "reader@example.com", Reader)).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, $"flood-{i}@example.com", Flooder)).StatusCode);

        // The reader's account is the least recently used, yet the flood evicts its own.
        for (var i = 2; i < 6; i++) Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, $"flood-{i}@example.com", Flooder)).StatusCode);
        Assert.Equal(4, api.WithDb(db => db.Accounts.Count()));
        Assert.Equal(["flood-4@example.com", "flood-5@example.com"], api.WithDb(db => db.Accounts.Where(a => a.Email.StartsWith("flood-")).Select(a => a.Email).OrderBy(e => e).ToList()));
        Assert.Equal(1, api.WithDb(db => db.Accounts.Count(a => a.Email == "reader@example.com")));

        // A client with no accounts of its own takes the least recently used of all: the reader's.
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "newcomer@example.com", "192.0.2.50")).StatusCode);
        Assert.Equal(0, api.WithDb(db => db.Accounts.Count(a => a.Email == "reader@example.com")));
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:DB8:1:2:bbbb:0:0:9", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:0:0:1:2:3:4", "2001:db8::/64")]
    public void A_client_network_is_an_IPv4_address_or_an_IPv6_64(string address, string network) =>
        Assert.Equal(network, ClientAddress.Network(IPAddress.Parse(address)));
}
