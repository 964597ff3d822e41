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
    private readonly SweepGate _gate = new(TimeSpan.FromMinutes(1));

    public async Task PruneIfDueAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!_gate.TryEnter(now)) return;

        var utcNow = now.UtcDateTime;
        await db.ClientCounters.Where(c => c.ExpiresAt <= utcNow).ExecuteDeleteAsync(ct);
        var excess = await db.ClientCounters.CountAsync(ct) - options.Value.MaxKeys;
        if (excess > 0) await db.ClientCounters.OrderBy(c => c.ExpiresAt).Take(excess).ExecuteDeleteAsync(ct);
    }
}
