namespace BffReference.Api.Data;

/// <summary>One sign-in: every refresh token rotated from it, and one absolute expiry that rotation never extends.</summary>
public sealed class RefreshFamily
{
    /// <summary>Also the access tokens' <c>sid</c> claim, so revoking the family refuses them too.</summary>
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public bool Revoked { get; set; }
    public int Rotations { get; set; }

    /// <summary>Times the overlap window answered with a successor already issued.</summary>
    public int OverlapReuses { get; set; }

    public List<RefreshToken> Tokens { get; } = [];
}

/// <summary>A refresh token, known only by its SHA-256: the plaintext is never stored, except briefly below.</summary>
public sealed class RefreshToken
{
    public required string Hash { get; set; }
    public Guid FamilyId { get; set; }
    public RefreshFamily? Family { get; set; }

    /// <summary>0 for the token issued at sign-in, +1 per rotation.</summary>
    public int Generation { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set once, by the one conditional UPDATE that spends the token.</summary>
    public DateTime? UsedAt { get; set; }
    public string? SuccessorHash { get; set; }

    /// <summary>
    /// The successor's plaintext, during the overlap window only, so a client
    /// that lost a race (two tabs refreshing at once) gets the same successor.
    /// Cleared when the window closes.
    /// </summary>
    public string? OverlapSuccessor { get; set; }
    public DateTime? OverlapUntil { get; set; }
}

/// <summary>
/// A revoked family, remembered until its last access token has expired. Kept
/// apart from the families, which pruning deletes when the store is full: a
/// deleted family must not turn a revoked session back into a valid one.
/// </summary>
public sealed class RevokedSession
{
    public Guid FamilyId { get; set; }
    public DateTime ForgetAt { get; set; }
}
