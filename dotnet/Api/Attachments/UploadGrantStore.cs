using BffReference.Api.Auth;
using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Attachments;

public enum ClaimFailure
{
    Unknown,
    Expired,
    Used,
}

/// <summary>The claimed grant, or why there is none.</summary>
public sealed record GrantClaim(UploadGrant? Grant, ClaimFailure? Failure);

/// <summary>
/// Upload grants, stored by the SHA-256 of their token (the same hashing as
/// refresh tokens): the token is handed out once and never kept, so a copy of
/// the table uploads nothing.
/// </summary>
public sealed class UploadGrantStore(AppDbContext db, IOptions<UploadOptions> options, TimeProvider time)
{
    private DateTime Now => AccountService.TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);

    public async Task<(string Token, DateTime ExpiresAt)> IssueAsync(
        Guid accountId, Guid goalId, string fileName, long size, string contentType, CancellationToken ct)
    {
        var now = Now;
        // Past its expiry a grant is only noise; dropping them here keeps the table small.
        await db.UploadGrants.Where(g => g.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var token = RefreshTokenService.NewToken();
        var expiresAt = now.AddSeconds(options.Value.GrantSeconds);
        db.UploadGrants.Add(new UploadGrant
        {
            TokenHash = RefreshTokenService.Hash(token),
            AccountId = accountId,
            GoalId = goalId,
            FileName = fileName,
            Size = size,
            ContentType = contentType,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(ct);
        return (token, expiresAt);
    }

    /// <summary>
    /// Marks the grant used before any byte is read, whatever the upload's
    /// outcome: one token, one attempt. One conditional UPDATE does it, so of
    /// two requests racing with one token exactly one sees a row change.
    /// </summary>
    public async Task<GrantClaim> ClaimAsync(string token, CancellationToken ct)
    {
        var hash = RefreshTokenService.Hash(token);
        var now = Now;
        var claimed = await db.UploadGrants
            .Where(g => g.TokenHash == hash && g.UsedAt == null && g.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.UsedAt, now), ct);
        var grant = await db.UploadGrants.AsNoTracking().FirstOrDefaultAsync(g => g.TokenHash == hash, ct);
        if (claimed == 1 && grant is not null) return new GrantClaim(grant, null);
        var failure = grant switch
        {
            null => ClaimFailure.Unknown,
            { UsedAt: not null } => ClaimFailure.Used,
            _ => ClaimFailure.Expired,
        };
        return new GrantClaim(null, failure);
    }
}
