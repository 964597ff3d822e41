using System.Security.Claims;
using BffReference.Api.Auth;
using BffReference.Api.Data;
using BffReference.Api.Demo;
using BffReference.Api.Http;
using BffReference.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Attachments;

/// <summary>
/// The bearer side of Workflow E: the BFF asks for a grant with the user's
/// access token, and lists and downloads attachments the same way. The upload
/// itself, which the browser sends with the grant's token, is UploadEndpoints.
/// Another account's goal and an unknown one get the same 404.
/// </summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/goals/{id:guid}/attachments").WithTags("Attachments").RequireAuthorization().WithDemoControls();
        group.MapPost("/grants", CreateGrantAsync).Validate<UploadGrantRequest>().WithName("createUploadGrant")
            .WithSummary("A single-use upload token, bound to this account, goal, size and type, and the URL to send the file to.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        group.MapGet("/", ListAsync).WithName("listAttachments").WithSummary("Oldest first.").ProducesProblem(404);
        group.MapGet("/{attachmentId:guid}", DownloadAsync).WithName("downloadAttachment")
            .WithSummary("The file, as a download (Content-Disposition: attachment), with its stored type and X-Content-Type-Options: nosniff.")
            .ProducesProblem(404);
        return routes;
    }

    private static async Task<Results<Created<UploadGrantResponse>, ProblemHttpResult>> CreateGrantAsync(
        Guid id, UploadGrantRequest request, ClaimsPrincipal user, HttpContext http, AppDbContext db,
        UploadGrantStore grants, IOptions<UploadOptions> options, CancellationToken ct)
    {
        // 1. The caller is the BFF, with the user's access token; the goal must be theirs.
        var accountId = user.AccountId()!.Value;
        if (!await db.Goals.AnyAsync(g => g.Id == id && g.AccountId == accountId, ct)) return GoalNotFound();

        // 2. Refuse now what the upload would be refused for, before any bytes move.
        var limits = options.Value;
        var size = request.Size!.Value;
        if (size > limits.MaxFileBytes) return TypedResults.Problem($"A file may be at most {limits.MaxFileBytes} bytes.", statusCode: 413);
        if (await UsedBytesAsync(db, accountId, ct) + size > limits.AccountQuotaBytes) return QuotaFull(limits);

        // 3. A random token bound to account, goal, size and type; only its hash is kept.
        var (token, expiresAt) = await grants.IssueAsync(accountId, id, FileNames.Sanitize(request.FileName!), size, request.ContentType!, ct);
        var uploadUrl = (limits.PublicUrl?.TrimEnd('/') ?? http.Request.PathBase.Value) + UploadEndpoints.Path;
        return TypedResults.Created((string?)null, new UploadGrantResponse { UploadUrl = uploadUrl, UploadToken = token, ExpiresAt = expiresAt });
    }

    private static async Task<Results<Ok<List<AttachmentResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var accountId = user.AccountId();
        if (!await db.Goals.AnyAsync(g => g.Id == id && g.AccountId == accountId, ct)) return GoalNotFound();
        var attachments = await db.Attachments.Where(a => a.GoalId == id && a.AccountId == accountId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(attachments.Select(AttachmentResponse.From).ToList());
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, Guid attachmentId, ClaimsPrincipal user, HttpContext http, AppDbContext db, AttachmentStorage storage, CancellationToken ct)
    {
        var accountId = user.AccountId()!.Value;
        if (!await db.Goals.AnyAsync(g => g.Id == id && g.AccountId == accountId, ct)) return GoalNotFound();
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.GoalId == id && a.AccountId == accountId, ct);
        if (attachment is null || storage.OpenRead(accountId, id, attachmentId) is not { } file)
        {
            return TypedResults.Problem("Attachment not found.", statusCode: 404);
        }
        // Never re-typed by the browser; and the file name makes it a download, never rendered in the API's origin.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file, attachment.ContentType, attachment.FileName);
    }

    internal static Task<long> UsedBytesAsync(AppDbContext db, Guid accountId, CancellationToken ct) =>
        db.Attachments.Where(a => a.AccountId == accountId).SumAsync(a => a.Size, ct);

    internal static ProblemHttpResult QuotaFull(UploadOptions limits) =>
        TypedResults.Problem($"This file would take the account past its quota of {limits.AccountQuotaBytes} bytes.", statusCode: 409);

    internal static ProblemHttpResult GoalNotFound() => TypedResults.Problem("Goal not found.", statusCode: 404);
}
