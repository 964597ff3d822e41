using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.Extensions.DependencyInjection;

namespace BffReference.Api.Tests;

public sealed class ClientCounterStoreTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A store on the factory's database with this test's clock, in a scope of its own, as one request has.</summary>
    private async Task<T> WithStoreAsync<T>(ApiFactory api, Func<ClientCounterStore, Task<T>> use, ClientCounterPruner? pruner = null)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await use(new ClientCounterStore(db, pruner ?? Pruner(10_000), _clock));
    }

    private ClientCounterPruner Pruner(int maxKeys) => new(Microsoft.Extensions.Options.Options.Create(new LoginLimitOptions { MaxKeys = maxKeys }), _clock);

    private async Task<int> CountAsync(ApiFactory api, string key, TimeSpan window, ClientCounterPruner? pruner = null) =>
        (await WithStoreAsync(api, store => store.IncrementAsync([key], window, CancellationToken.None), pruner))[0].Count;

    [Fact]
    public async Task A_window_counts_up_from_its_first_count_and_starts_again_once_it_has_ended()
    {
        await using var api = new ApiFactory();
        var opened = _clock.GetUtcNow().UtcDateTime;
        var first = await CountAsync(api, "a", Minute);
        var second = await CountAsync(api, "a", Minute);
        Assert.Equal((1, 2), (first, second));

        // Later counts do not move the window's end, and Retry-After is what is left of it, rounded up.
        _clock.Advance(TimeSpan.FromSeconds(20.5));
        var third = (await WithStoreAsync(api, store => store.IncrementAsync(["a"], Minute, CancellationToken.None)))[0];
        Assert.Equal(new CounterWindow(3, opened + Minute), third);
        Assert.Equal(DateTimeKind.Utc, third.ExpiresAt.Kind);
        Assert.Equal(40, third.RetryAfterSeconds(_clock.GetUtcNow().UtcDateTime));
        Assert.Equal(1, third.RetryAfterSeconds(opened + Minute));

        // At its end, the window is over: the next count opens a new one.
        _clock.Advance(TimeSpan.FromSeconds(39.5));
        var next = (await WithStoreAsync(api, store => store.IncrementAsync(["a"], Minute, CancellationToken.None)))[0];
        Assert.Equal(new CounterWindow(1, opened + Minute + Minute), next);
    }

    [Fact]
    public async Task Keys_count_apart_and_come_back_in_the_order_asked()
    {
        await using var api = new ApiFactory();
        await CountAsync(api, "b", Hour);
        var windows = await WithStoreAsync(api, store => store.IncrementAsync(["a", "b"], Hour, CancellationToken.None));
        Assert.Equal([1, 2], windows.Select(w => w.Count));
        windows = await WithStoreAsync(api, store => store.IncrementAsync(["b", "a"], Hour, CancellationToken.None));
        Assert.Equal([3, 2], windows.Select(w => w.Count));
        await Assert.ThrowsAsync<ArgumentException>(() => WithStoreAsync(api, store => store.IncrementAsync(["a", "a"], Hour, CancellationToken.None)));
    }

    [Fact]
    public async Task Reset_ends_a_window_and_decrement_gives_one_back_but_never_below_zero()
    {
        await using var api = new ApiFactory();
        for (var i = 0; i < 3; i++) await CountAsync(api, "a", Hour);
        await WithStoreAsync(api, async store => { await store.ResetAsync("a", CancellationToken.None); return 0; });
        Assert.Equal(1, await CountAsync(api, "a", Hour));

        await WithStoreAsync(api, async store => { await store.DecrementAsync(["a", "a-never-counted"], CancellationToken.None); return 0; });
        await WithStoreAsync(api, async store => { await store.DecrementAsync(["a"], CancellationToken.None); return 0; });
        Assert.Equal(1, await CountAsync(api, "a", Hour));
        Assert.Equal(1, api.WithDb(db => db.ClientCounters.Count()));
    }

    [Fact]
    public async Task Ended_windows_are_swept_once_a_minute_and_past_the_cap_the_soonest_to_end_go()
    {
        await using var api = new ApiFactory();
        var pruner = Pruner(maxKeys: 3);
        // The first count sweeps (nothing yet), so the next minute's counts do not.
        await CountAsync(api, "short-1", Minute, pruner);
        await CountAsync(api, "short-2", Minute, pruner);
        _clock.Advance(Minute);
        foreach (var key in new[] { "long-1", "long-2", "long-3", "long-4", "long-5" })
        {
            await CountAsync(api, key, Hour, pruner);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        // The first of those swept the two ended windows; none since.
        Assert.Equal(5, api.WithDb(db => db.ClientCounters.Count()));

        // A minute on: over the cap by two, so the two that end soonest go before the new key goes in.
        _clock.Advance(Minute);
        await CountAsync(api, "new", Hour, pruner);
        Assert.Equal(4, api.WithDb(db => db.ClientCounters.Count()));
        var evicted = (await CountAsync(api, "long-1", Hour, pruner), await CountAsync(api, "long-2", Hour, pruner));
        var kept = await CountAsync(api, "long-3", Hour, pruner);
        Assert.Equal((1, 1, 2), (evicted.Item1, evicted.Item2, kept));
    }

    [Fact]
    public Task Twenty_parallel_counts_from_two_instances_on_one_SQLite_database_are_one_to_twenty() =>
        TwentyParallelCountsAsync($"Data Source=tests-shared-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    [PostgresFact]
    public async Task Twenty_parallel_counts_from_two_instances_on_one_PostgreSQL_database_are_one_to_twenty()
    {
        await using var database = new PostgresDatabase();
        await TwentyParallelCountsAsync(database.ConnectionString);
    }

    /// <summary>
    /// Two factories (two hosts, two connection pools) on one database, each
    /// count from a DbContext of its own: every count is seen once, so of any
    /// limit exactly that many are within it, whichever instance they reached.
    /// </summary>
    private async Task TwentyParallelCountsAsync(string connectionString)
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Api"] = connectionString };
        await using var first = new ApiFactory(settings);
        await using var second = new ApiFactory(settings);
        // One after the other: only PostgreSQL's start-up takes turns (PostgresTests covers that).
        first.CreateClient();
        second.CreateClient();

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => CountAsync(i % 2 == 0 ? first : second, "flood", Hour))));

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
        Assert.Equal(20, second.WithDb(db => db.ClientCounters.Single().Count));
    }
}
