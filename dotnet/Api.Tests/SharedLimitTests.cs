using System.Net;
using System.Net.Http.Json;

namespace BffReference.Api.Tests;

/// <summary>
/// The per-client limits as two instances behind a load balancer see them:
/// two factories on one database, a client's requests spread over both. Each
/// case runs on a shared in-memory SQLite database and on PostgreSQL. The
/// instances start one after the other: PostgresTests covers a start together.
/// </summary>
public sealed class SharedLimitTests
{
    private const string Password = "a-long-enough-password";

    private static string SharedSqlite() => $"Data Source=tests-shared-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";

    [Fact]
    public Task A_registration_flood_spread_over_two_instances_on_SQLite_is_refused_past_the_one_limit() => RegistrationFloodAsync(SharedSqlite());

    [PostgresFact]
    public async Task A_registration_flood_spread_over_two_instances_on_PostgreSQL_is_refused_past_the_one_limit()
    {
        await using var database = new PostgresDatabase();
        await RegistrationFloodAsync(database.ConnectionString);
    }

    [Fact]
    public Task Failed_sign_ins_on_one_instance_lock_the_client_out_of_the_other_on_SQLite() => LockoutAcrossInstancesAsync(SharedSqlite());

    [PostgresFact]
    public async Task Failed_sign_ins_on_one_instance_lock_the_client_out_of_the_other_on_PostgreSQL()
    {
        await using var database = new PostgresDatabase();
        await LockoutAcrossInstancesAsync(database.ConnectionString);
    }

    [Fact]
    public Task Twenty_parallel_wrong_passwords_over_two_instances_on_SQLite_get_exactly_the_limit_checked() => ParallelGuessesAsync(SharedSqlite());

    [PostgresFact]
    public async Task Twenty_parallel_wrong_passwords_over_two_instances_on_PostgreSQL_get_exactly_the_limit_checked()
    {
        await using var database = new PostgresDatabase();
        await ParallelGuessesAsync(database.ConnectionString);
    }

    private static async Task RegistrationFloodAsync(string connectionString)
    {
        await using var first = new ApiFactory(new() { ["ConnectionStrings:Api"] = connectionString, ["Accounts:RegistrationsPerClient"] = "10" });
        await using var second = new ApiFactory(new() { ["ConnectionStrings:Api"] = connectionString, ["Accounts:RegistrationsPerClient"] = "10" });
        HttpClient[] clients = [first.CreateClient(), second.CreateClient()];

        // Twenty at once, half to each instance: ten accounts, not ten per instance.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostAsync(clients[i % 2], "/api/auth/register", new { name = "Flood", email = $"flood-{i}@example.com", password = Password }, "203.0.113.66")));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(10, refused.Count);
        Assert.All(refused, r => Assert.InRange(r.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)));
        Assert.Equal(10, second.WithDb(db => db.Accounts.Count(a => a.Email.StartsWith("flood-"))));
    }

    private static async Task LockoutAcrossInstancesAsync(string connectionString)
    {
        await using var first = new ApiFactory(new() { ["ConnectionStrings:Api"] = connectionString });
        await using var second = new ApiFactory(new() { ["ConnectionStrings:Api"] = connectionString });
        HttpClient[] clients = [first.CreateClient(), second.CreateClient()];
        var owner = await first.SignInAsync(clients[0]);

        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 6; attempt++) last = await PostAsync(clients[0], "/api/auth/login", new { email = owner.Email, password = "wrong" }, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);

        // The other instance saw none of those failures, yet refuses even the right password from that client.
        var elsewhere = await PostAsync(clients[1], "/api/auth/login", new { email = owner.Email, password = owner.Password }, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        Assert.True(elsewhere.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // And the owner, from their own address, signs in on either.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(clients[1], "/api/auth/login", new { email = owner.Email, password = owner.Password }, "198.51.100.1")).StatusCode);
    }

    private static async Task ParallelGuessesAsync(string connectionString)
    {
        // Ten per client, so few unknown-email sign-ins (each verified against the decoy hash) fill it.
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Api"] = connectionString, ["LoginLimits:FailuresPerClient"] = "10" };
        await using var first = new ApiFactory(settings);
        await using var second = new ApiFactory(settings);
        HttpClient[] clients = [first.CreateClient(), second.CreateClient()];
        var owner = await first.SignInAsync(clients[0]);

        // Each attempt is counted before its password is checked, so no guess
        // passes a check that the guesses in flight have not failed yet.
        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostAsync(clients[i % 2], "/api/auth/login", new { email = owner.Email, password = $"guess-{i}" }, "203.0.113.9")));
        Assert.Equal(5, guesses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, guesses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));

        // The refused ones gave their counts back: the client has 5 failures of its 10, not 20.
        var others = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            PostAsync(clients[i % 2], "/api/auth/login", new { email = $"other-{i}@example.com", password = "wrong" }, "203.0.113.9")));
        Assert.All(others, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(clients[0], "/api/auth/login", new { email = "one-more@example.com", password = "wrong" }, "203.0.113.9")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }
}
