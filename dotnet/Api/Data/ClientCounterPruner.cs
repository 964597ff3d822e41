using BffReference.Api.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Data;

/// <summary>
/// Keeps the counters table bounded: ended windows are swept at most once a
/// minute per instance, and past <c>LoginLimits:MaxKeys</c> rows the windows
/// that end soonest go, as the oldest went from memory before the counts moved
/// into the database. A minute's new keys may pass the cap until the next sweep.
/// </summary>
public sealed class ClientCounterPruner(IOptions<LoginLimitOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private long _lastTicks = DateTimeOffset.MinValue.UtcTicks;

    public async Task PruneIfDueAsync(AppDbContext db, CancellationToken ct)
    {
        // One request per minute sweeps; the others on this instance go straight on.
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref _lastTicks);
        if (now.UtcTicks - last < Every.Ticks || Interlocked.CompareExchange(ref _lastTicks, now.UtcTicks, last) != last) return;

        var utcNow = now.UtcDateTime;
        await db.ClientCounters.Where(c => c.ExpiresAt <= utcNow).ExecuteDeleteAsync(ct);
        var excess = await db.ClientCounters.CountAsync(ct) - options.Value.MaxKeys;
        if (excess > 0) await db.ClientCounters.OrderBy(c => c.ExpiresAt).Take(excess).ExecuteDeleteAsync(ct);
    }
}
