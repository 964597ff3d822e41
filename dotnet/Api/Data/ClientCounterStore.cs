using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace BffReference.Api.Data;

/// <summary>
/// Fixed-window counters in the database, so that two instances behind a load
/// balancer share one count instead of granting the limit once each. A count
/// is one statement, an upsert whose read and write the database makes atomic:
/// of any number of parallel requests, on any instance, exactly the first
/// <c>limit</c> see a count within it.
/// </summary>
public sealed class ClientCounterStore(AppDbContext db, ClientCounterPruner pruner, TimeProvider time)
{
    /// <summary>
    /// Counts one more for each key, opening a window of <paramref name="window"/>
    /// for a key that has none (or whose window has ended). Returns each key's
    /// window, in the order of <paramref name="keys"/>, which must be distinct.
    /// </summary>
    public async Task<IReadOnlyList<CounterWindow>> IncrementAsync(IReadOnlyList<string> keys, TimeSpan window, CancellationToken ct)
    {
        var hashes = keys.Select(Hash).ToArray();
        // PostgreSQL refuses a statement that would update one row twice.
        if (hashes.Distinct().Count() != hashes.Length) throw new ArgumentException("Each key may be counted once per call.", nameof(keys));
        await pruner.PruneIfDueAsync(db, ct);
        var now = time.GetUtcNow().UtcDateTime;
        // Valid on SQLite (3.35 and later, for RETURNING) and PostgreSQL alike. Every
        // SET expression reads the row as it was, so both see the same expiry.
        // Only placeholders are put together here: {0} is now, {1} the end of a
        // window opened now, {2}… the keys; every value goes as a parameter.
        var rows = string.Join(", ", hashes.Select((_, i) => $"({{{i + 2}}}, 1, {{1}})"));
        var sql = $$"""
            INSERT INTO "ClientCounters" ("Key", "Count", "ExpiresAt") VALUES {{rows}}
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "ClientCounters"."ExpiresAt" <= {0} THEN 1 ELSE "ClientCounters"."Count" + 1 END,
                "ExpiresAt" = CASE WHEN "ClientCounters"."ExpiresAt" <= {0} THEN excluded."ExpiresAt" ELSE "ClientCounters"."ExpiresAt" END
            RETURNING "Key", "Count", "ExpiresAt"
            """;
        var counted = await db.Database.SqlQueryRaw<CountedRow>(sql, [now, now + window, .. hashes]).ToListAsync(ct);
        // RETURNING promises no order. SQLite hands DateTime back without a kind; it was stored as UTC.
        var byKey = counted.ToDictionary(row => row.Key, row => new CounterWindow(row.Count, DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc)));
        return [.. hashes.Select(hash => byKey[hash])];
    }

    /// <summary>Takes one back from each key that has any: a counted attempt that turned out not to count.</summary>
    public Task DecrementAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var hashes = keys.Select(Hash).ToArray();
        return db.ClientCounters.Where(c => hashes.Contains(c.Key) && c.Count > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count - 1), ct);
    }

    /// <summary>Ends the key's window: its next count starts a new one.</summary>
    public Task ResetAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        return db.ClientCounters.Where(c => c.Key == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>Hex SHA-256: fixed width, and the same key always finds the same row.</summary>
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // The columns RETURNING names; SqlQueryRaw binds them by name.
    private sealed class CountedRow
    {
        public string Key { get; set; } = "";
        public int Count { get; set; }
        public DateTime ExpiresAt { get; set; }
    }
}
