namespace BffReference.Api.Data;

/// <summary>A file attached to a goal. The bytes are on disk (AttachmentStorage), under this id; never under the client's name.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public Guid GoalId { get; set; }

    /// <summary>Sanitized display text (FileNames.Sanitize), never a path.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }
    public long Size { get; set; }
    public DateTime CreatedAt { get; set; }
}
