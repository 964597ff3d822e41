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
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async Task PruneIfDueAsync(AppDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var max = options.Value.MaxTokens;
        var due = now - _last >= Every;
        var count = await db.RefreshTokens.CountAsync(ct);
        if (!due && count < max) return;
        _last = now;

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
