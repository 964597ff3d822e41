using System.ComponentModel.DataAnnotations;

namespace BffReference.Api.Options;

/// <summary>Attachments and the direct upload (Workflow E): the "Uploads" section.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest file one grant may declare.</summary>
    [Range(1, int.MaxValue)] public int MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Attachment bytes one account may hold, across its goals.</summary>
    [Range(1, long.MaxValue)] public long AccountQuotaBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>How long an upload token may be used, once.</summary>
    [Range(1, 24 * 60 * 60)] public int GrantSeconds { get; set; } = 5 * 60;

    /// <summary>Where files are kept; relative to the content root. The database holds only their metadata.</summary>
    [Required] public string StoragePath { get; set; } = Path.Combine("data", "attachments");

    /// <summary>
    /// This API's URL as the browser reaches it (DOTNET_API_PUBLIC_URL), for the
    /// upload URL a grant hands out. Unset: a path on the API's own origin.
    /// </summary>
    [Url] public string? PublicUrl { get; set; }

    /// <summary>The site's origin (DOTNET_API_ALLOWED_ORIGIN): the only one the upload's CORS policy allows. Unset: none.</summary>
    [Url] public string? AllowedOrigin { get; set; }
}
