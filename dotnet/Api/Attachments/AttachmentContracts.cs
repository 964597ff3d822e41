using System.ComponentModel.DataAnnotations;
using BffReference.Api.Data;
using BffReference.Api.Http;

namespace BffReference.Api.Attachments;

public sealed record UploadGrantRequest : IRequestBody
{
    /// <summary>Kept only as display text: path segments and control characters are removed.</summary>
    [Required(ErrorMessage = "The FileName field is required."), MaxLength(1024, ErrorMessage = "FileName must be at most 1024 characters.")]
    [WellFormedText(ErrorMessage = "FileName must be valid Unicode text.")]
    public string? FileName { get; init; }

    /// <summary>Exact byte count of the file. The upload must send exactly this many bytes.</summary>
    [Required, Range(1L, long.MaxValue, ErrorMessage = "Size must be at least 1 byte.")]
    public long? Size { get; init; }

    [Required]
    [AllowedValues("image/png", "image/jpeg", "image/gif", "application/pdf", "application/zip", "text/plain", "text/csv",
        ErrorMessage = "ContentType must be one of image/png, image/jpeg, image/gif, application/pdf, application/zip, text/plain, text/csv.")]
    public string? ContentType { get; init; }
}

public sealed record UploadGrantResponse
{
    /// <summary>Where the browser PUTs the file: absolute when the API has a public URL, otherwise a path on its own origin.</summary>
    public required string UploadUrl { get; init; }

    /// <summary>Send as X-Upload-Token on that one PUT. Single use; never a cookie.</summary>
    public required string UploadToken { get; init; }

    public required DateTime ExpiresAt { get; init; }
}

public sealed record AttachmentResponse
{
    public required Guid Id { get; init; }

    /// <summary>Sanitized display text, never a path.</summary>
    public required string FileName { get; init; }

    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required DateTime CreatedAt { get; init; }

    public static AttachmentResponse From(Attachment attachment) => new()
    {
        Id = attachment.Id,
        FileName = attachment.FileName,
        ContentType = attachment.ContentType,
        Size = attachment.Size,
        CreatedAt = attachment.CreatedAt,
    };
}
