using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BffReference.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

/// <summary>
/// The API on PostgreSQL, as two instances behind a load balancer would run it:
/// two factories (each its own host, services and connection pool) on one database.
/// </summary>
public sealed class PostgresTests
{
    [Theory]
    [InlineData("Host=db.internal;Database=api;Username=api", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("Data Source=api.db", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData(null, "Microsoft.EntityFrameworkCore.Sqlite")]
    public void The_connection_string_chooses_the_provider(string? connectionString, string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Api"] = connectionString }).Build();
        using var services = new ServiceCollection().AddDatabase(configuration).BuildServiceProvider();
        using var scope = services.CreateScope();
        Assert.Equal(provider, scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ProviderName);
    }

    [PostgresTheory]
    [InlineData("10")]
    [InlineData("0")]
    public async Task Twenty_parallel_refreshes_spread_over_two_instances_yield_one_successor(string overlapSeconds)
    {
        await using var database = new PostgresDatabase();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Api"] = database.ConnectionString, ["RefreshTokens:OverlapSeconds"] = overlapSeconds };
        await using var first = new ApiFactory(settings);
        await using var second = new ApiFactory(settings);
        // Both start at once on a database that does not exist yet: one creates
        // it, the schema and the demo account; the other waits, then finds them.
        var clients = await Task.WhenAll(Task.Run(first.CreateClient), Task.Run(second.CreateClient));
        Assert.Equal(1, first.WithDb(db => db.Accounts.Count(a => a.IsDemo)));
        var session = await first.SignInAsync(clients[0]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            clients[i % 2].PostAsJsonAsync("/api/auth/refresh", new { refreshToken = session.RefreshToken })));

        var issued = new HashSet<string>();
        foreach (var response in responses.Where(r => r.IsSuccessStatusCode))
        {
            issued.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!);
        }
        // One successor, whichever instance each request reached, and one rotation in the database.
        Assert.Single(issued);
        Assert.Equal(2, second.WithDb(db => db.RefreshTokens.Count()));
        var family = second.WithDb(db => db.RefreshFamilies.AsNoTracking().Single());
        Assert.Equal(1, family.Rotations);
        if (overlapSeconds == "10")
        {
            // Inside the overlap window every loser gets that successor, and the family lives on.
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(19, family.OverlapReuses);
            Assert.False(family.Revoked);
            var next = await clients[1].PostAsJsonAsync("/api/auth/refresh", new { refreshToken = issued.Single() });
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }
        else
        {
            // Without one, every loser is a replay: the family is revoked, once, on both instances.
            Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
            Assert.True(family.Revoked);
            Assert.Equal(1, first.WithDb(db => db.RevokedSessions.Count()));
        }
    }

    [PostgresFact]
    public async Task Text_PostgreSQL_cannot_store_is_a_400_not_a_500()
    {
        await using var database = new PostgresDatabase();
        await using var api = new ApiFactory(new() { ["ConnectionStrings:Api"] = database.ConnectionString });
        var client = api.CreateClient();
        var session = await api.SignInAsync(client);

        var goal = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, "/api/goals", session.AccessToken, new { title = "Fine", description = "nul\u0000byte" }));
        var register = await client.PostAsJsonAsync("/api/auth/register", new { name = "nul\u0000byte", email = "nul@example.com", password = "a-long-enough-password" });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "nul\u0000@example.com", password = "a-long-enough-password" });

        foreach (var response in new[] { goal, register, login })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, api.WithDb(db => db.Accounts.Count(a => a.Email == "nul@example.com")));
    }
}
