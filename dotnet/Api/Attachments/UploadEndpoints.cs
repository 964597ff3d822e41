using System.Buffers;
using BffReference.Api.Auth;
using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Attachments;

/// <summary>
/// The one endpoint the browser calls directly, and so the one with CORS. It
/// takes no access token: the grant's token is the whole permission, and it
/// names the account, the goal, the size and the type.
/// </summary>
public static class UploadEndpoints
{
    public const string Path = "/api/uploads";

    /// <summary>
    /// Its own header, not Authorization: that header means an access token on
    /// this API, and keeping the two apart means neither can be taken for the
    /// other (or passed on by a proxy that forwards Authorization). Never a cookie.
    /// </summary>
    public const string TokenHeader = "X-Upload-Token";

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder routes)
    {
        var maxFileBytes = routes.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes;
        routes.MapPut(Path, UploadAsync).WithTags("Attachments").WithName("uploadAttachment").AllowAnonymous()
            .WithSummary("The file itself, from the browser, with the grant's token. CORS allows the site's origin only, without credentials.")
            .RequireCors(UploadCors.Policy)
            // The API's 16 KiB body cap would refuse any real file; here the grant's size is the limit, and this the ceiling.
            .WithMetadata(new RequestSizeLimitAttribute(maxFileBytes))
            // Also what routing checks: another Content-Type is a 415 before the grant is touched.
            .Accepts<Stream>(ContentSniffer.ContentTypes[0], [.. ContentSniffer.ContentTypes.Skip(1)])
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        return routes;
    }

    private static async Task<Results<Created<AttachmentResponse>, ProblemHttpResult>> UploadAsync(
        [FromHeader(Name = TokenHeader)] string? token, HttpRequest request, UploadGrantStore grants, AppDbContext db, AttachmentStorage storage,
        IOptions<UploadOptions> options, TimeProvider time, CancellationToken ct)
    {
        // 1. The grant's token, claimed at once: one token, one attempt, even when two race.
        if (string.IsNullOrEmpty(token)) return Problem(401, $"Send the upload token in the {TokenHeader} header.");
        var (grant, failure) = await grants.ClaimAsync(token, ct);
        if (grant is null)
        {
            return failure switch
            {
                ClaimFailure.Expired => Problem(401, "The upload token has expired. Ask for a new grant."),
                ClaimFailure.Used => Problem(403, "The upload token has already been used. Ask for a new grant."),
                _ => Problem(401, "The upload token is not valid."),
            };
        }

        // 2. The goal may have gone since the grant (deleted, or its account evicted).
        if (!await db.Goals.AnyAsync(g => g.Id == grant.GoalId && g.AccountId == grant.AccountId, ct)) return AttachmentEndpoints.GoalNotFound();

        // 3. The body must be what was declared: its type, and no more bytes than its size.
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType != grant.ContentType) return Problem(415, $"The grant is for {grant.ContentType}; send that Content-Type.");
        if (request.ContentLength > grant.Size) return TooLarge(grant.Size);

        // 4. Stream it to a file, stopping at the declared size and at the first byte that is not the declared type.
        await using var incoming = storage.CreateIncoming();
        var sniffer = new ContentSniffer(grant.ContentType);
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        long received = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                received += read;
                if (received > grant.Size) return TooLarge(grant.Size);
                if (!sniffer.Push(buffer.AsSpan(0, read))) return NotTheDeclaredType(grant.ContentType);
                await incoming.Stream.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (received < grant.Size) return Problem(400, $"The body ended after {received} of the {grant.Size} bytes the grant declared.");
        if (!sniffer.Finish()) return NotTheDeclaredType(grant.ContentType);

        // 5. Two grants may each have fit the quota that together do not.
        var limits = options.Value;
        if (await AttachmentEndpoints.UsedBytesAsync(db, grant.AccountId, ct) + grant.Size > limits.AccountQuotaBytes) return AttachmentEndpoints.QuotaFull(limits);

        // 6. Only now is anything kept, and attached to the goal.
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            AccountId = grant.AccountId,
            GoalId = grant.GoalId,
            FileName = grant.FileName,
            ContentType = grant.ContentType,
            Size = grant.Size,
            CreatedAt = AccountService.TruncateToMilliseconds(time.GetUtcNow().UtcDateTime),
        };
        await incoming.KeepAsync(grant.AccountId, grant.GoalId, attachment.Id);
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The goal was deleted while the body streamed: its folder and this file go too.
            storage.DeleteGoal(grant.AccountId, grant.GoalId);
            return AttachmentEndpoints.GoalNotFound();
        }
        return TypedResults.Created($"{request.PathBase}/api/goals/{grant.GoalId}/attachments/{attachment.Id}", AttachmentResponse.From(attachment));
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    private static ProblemHttpResult TooLarge(long size) => Problem(413, $"The body is larger than the {size} bytes the grant declared.");

    private static ProblemHttpResult NotTheDeclaredType(string contentType) => Problem(415, $"The file's content is not {contentType}.");
}
