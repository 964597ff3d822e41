using System.Security.Cryptography;
using System.Text;
using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

public enum RotationFailure { Invalid, Expired, Revoked, Reused }

public sealed record Rotation(Guid AccountId, Guid FamilyId, string RefreshToken, DateTime ExpiresAt);

/// <summary>
/// Refresh tokens with rotation and reuse detection, in families: one per
/// sign-in, with an absolute expiry that rotation never extends. Revoked
/// families stay until that expiry, so a replayed token reads as revoked.
/// </summary>
public sealed class RefreshTokenService(
    AppDbContext db, IOptions<RefreshTokenOptions> options, IOptions<JwtOptions> jwt, RefreshTokenPruner pruner, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sign-in: a new family and its first token.</summary>
    public async Task<Rotation> StartFamilyAsync(Guid accountId, CancellationToken ct)
    {
        await pruner.PruneIfDueAsync(db, ct);
        var now = Now;
        var family = new RefreshFamily { Id = Guid.NewGuid(), AccountId = accountId, CreatedAt = now, ExpiresAt = now.AddSeconds(options.Value.FamilySeconds) };
        var token = NewToken();
        family.Tokens.Add(new RefreshToken { Hash = Hash(token), CreatedAt = now });
        db.RefreshFamilies.Add(family);
        await db.SaveChangesAsync(ct);
        return new(accountId, family.Id, token, family.ExpiresAt);
    }

    public Task<OneOf> RotateAsync(string presented, CancellationToken ct) => SpendAsync(Hash(presented), allowOverlap: true, ct);

    // #region rotate
    private async Task<OneOf> SpendAsync(string hash, bool allowOverlap, CancellationToken ct)
    {
        var now = Now;
        await CloseOverlapsAsync(now, ct);

        // 1. Look the token up by its hash; plaintext refresh tokens are never stored.
        var record = await Find(hash, ct);
        if (record?.Family is not { } family) return RotationFailure.Invalid;
        // 2. A revoked family stays revoked, whichever of its tokens is presented.
        if (family.Revoked) return RotationFailure.Revoked;
        // 3. The absolute expiry was fixed at sign-in.
        if (now >= family.ExpiresAt) return RotationFailure.Expired;

        if (record.UsedAt is null)
        {
            // 4. Spend it: ONE conditional UPDATE, so of any number of parallel
            //    refreshes with this token exactly one wins. The successor row goes
            //    in first; nobody can present it before its plaintext is handed out.
            var successor = NewToken();
            var successorHash = Hash(successor);
            db.RefreshTokens.Add(new RefreshToken { Hash = successorHash, FamilyId = family.Id, Generation = record.Generation + 1, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            var overlapUntil = options.Value.OverlapSeconds > 0 ? now.AddSeconds(options.Value.OverlapSeconds) : (DateTime?)null;
            var claimed = await db.RefreshTokens
                .Where(t => t.Hash == hash && t.UsedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.UsedAt, now)
                    .SetProperty(t => t.SuccessorHash, successorHash)
                    .SetProperty(t => t.OverlapSuccessor, overlapUntil == null ? null : successor)
                    .SetProperty(t => t.OverlapUntil, overlapUntil), ct);
            if (claimed == 1)
            {
                await db.RefreshFamilies.Where(f => f.Id == family.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Rotations, f => f.Rotations + 1), ct);
                return new Rotation(family.AccountId, family.Id, successor, family.ExpiresAt);
            }
            // Another request spent it between our read and our UPDATE: drop our
            // unused successor and judge the token as the used one it now is.
            await db.RefreshTokens.Where(t => t.Hash == successorHash).ExecuteDeleteAsync(ct);
            db.ChangeTracker.Clear();
            record = (await Find(hash, ct))!;
        }

        // 5. A used token is a replay, unless it is the immediately previous one
        //    (its successor still unused) inside the overlap window: then the
        //    caller lost a race and gets the successor already issued.
        if (allowOverlap && record.OverlapSuccessor is { } issued && record.OverlapUntil > now
            && !await db.RefreshTokens.AnyAsync(t => t.Hash == record.SuccessorHash && t.UsedAt != null, ct))
        {
            await db.RefreshFamilies.Where(f => f.Id == family.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.OverlapReuses, f => f.OverlapReuses + 1), ct);
            return new Rotation(family.AccountId, family.Id, issued, family.ExpiresAt);
        }
        await RevokeFamilyAsync(family.Id, ct);
        return RotationFailure.Reused;
    }
    // #endregion rotate

    /// <summary>
    /// Demo only: presents the family's previous, already rotated token as a
    /// thief with an old copy would, ignoring the overlap window. False when
    /// the family has not rotated yet.
    /// </summary>
    public async Task<bool> ReplayPreviousAsync(Guid familyId, CancellationToken ct)
    {
        var previous = await db.RefreshTokens.Where(t => t.FamilyId == familyId && t.UsedAt != null)
            .OrderByDescending(t => t.Generation).Select(t => t.Hash).FirstOrDefaultAsync(ct);
        if (previous is null) return false;
        await SpendAsync(previous, allowOverlap: false, ct);
        return true;
    }

    /// <summary>Logout. Unknown tokens are ignored, so logout stays idempotent.</summary>
    public async Task RevokeFamilyOfAsync(string presented, CancellationToken ct)
    {
        var hash = Hash(presented);
        var familyId = await db.RefreshTokens.Where(t => t.Hash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
        if (familyId is { } id) await RevokeFamilyAsync(id, ct);
    }

    /// <summary>Marks the family revoked and remembers the revocation until its last access token has expired.</summary>
    public async Task RevokeFamilyAsync(Guid familyId, CancellationToken ct)
    {
        var forgetAt = Now.AddSeconds(jwt.Value.AccessTokenSeconds + jwt.Value.ClockSkewSeconds);
        await db.RefreshFamilies.Where(f => f.Id == familyId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Revoked, true), ct);
        if (await db.RevokedSessions.Where(r => r.FamilyId == familyId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ForgetAt, forgetAt), ct) > 0) return;
        db.RevokedSessions.Add(new RevokedSession { FamilyId = familyId, ForgetAt = forgetAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Revoked by a parallel request in the meantime: the same outcome.
            db.ChangeTracker.Clear();
        }
    }

    public Task<bool> IsRevokedAsync(Guid familyId, CancellationToken ct)
    {
        var now = Now;
        return db.RevokedSessions.AnyAsync(r => r.FamilyId == familyId && r.ForgetAt > now, ct);
    }

    public Task<RefreshFamily?> FindFamilyAsync(Guid familyId, CancellationToken ct) =>
        db.RefreshFamilies.AsNoTracking().FirstOrDefaultAsync(f => f.Id == familyId, ct);

    /// <summary>The successor's plaintext never outlives its window: after it, the database holds only hashes.</summary>
    private Task<int> CloseOverlapsAsync(DateTime now, CancellationToken ct) => db.RefreshTokens
        .Where(t => t.OverlapUntil != null && t.OverlapUntil <= now)
        .ExecuteUpdateAsync(s => s.SetProperty(t => t.OverlapSuccessor, (string?)null).SetProperty(t => t.OverlapUntil, (DateTime?)null), ct);

    private Task<RefreshToken?> Find(string hash, CancellationToken ct) =>
        db.RefreshTokens.AsNoTracking().Include(t => t.Family).FirstOrDefaultAsync(t => t.Hash == hash, ct);

    /// <summary>Opaque: 32 random bytes, base64url.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A rotation or the reason it was refused.</summary>
    public readonly struct OneOf
    {
        public Rotation? Rotation { get; private init; }
        public RotationFailure Failure { get; private init; }

        public static implicit operator OneOf(Rotation rotation) => new() { Rotation = rotation };
        public static implicit operator OneOf(RotationFailure failure) => new() { Failure = failure };
    }
}
