namespace BffReference.Api.Data;

/// <summary>
/// Permission to upload one file: bound to the account, the goal, the declared
/// size and type. Keyed by the SHA-256 of its token; the token itself is never stored.
/// </summary>
public sealed class UploadGrant
{
    public required string TokenHash { get; set; }
    public Guid AccountId { get; set; }
    public Guid GoalId { get; set; }

    /// <summary>Already sanitized when the grant is issued.</summary>
    public required string FileName { get; set; }

    public long Size { get; set; }
    public required string ContentType { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>Set once, by the one upload that claims the grant.</summary>
    public DateTime? UsedAt { get; set; }
}
