using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

/// <summary>
/// Keeps the refresh-token store under its cap: expired families are swept at
/// least once a minute; at the cap the oldest sign-ins go. Revocations live in
/// their own table and are swept only once no access token of theirs can verify.
/// </summary>
public sealed class RefreshTokenPruner(IOptions<RefreshTokenOptions> options, TimeProvider time)
{
    private readonly SweepGate _gate = new(TimeSpan.FromMinutes(1));

    public async Task PruneIfDueAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var max = options.Value.MaxTokens;
        // At the cap every sign-in makes room, due or not; below it, one request a minute sweeps.
        if (await db.RefreshTokens.CountAsync(ct) < max && !_gate.TryEnter(now)) return;

        var utcNow = now.UtcDateTime;
        await db.RevokedSessions.Where(r => r.ForgetAt <= utcNow).ExecuteDeleteAsync(ct);
        await db.RefreshFamilies.Where(f => f.ExpiresAt <= utcNow).ExecuteDeleteAsync(ct);
        while (await db.RefreshTokens.CountAsync(ct) >= max)
        {
            var oldest = await db.RefreshFamilies.OrderBy(f => f.CreatedAt).Select(f => f.Id).Take(1).ToListAsync(ct);
            if (oldest.Count == 0) return;
            await db.RefreshFamilies.Where(f => oldest.Contains(f.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
