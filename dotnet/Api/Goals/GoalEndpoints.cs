using System.Security.Claims;
using BffReference.Api.Attachments;
using BffReference.Api.Auth;
using BffReference.Api.Data;
using BffReference.Api.Demo;
using BffReference.Api.Http;
using BffReference.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Goals;

/// <summary>
/// Every query has the owner in its Where: another account's goal and an
/// unknown id get the same 404, so existence never leaks. Updates and deletes
/// are one set-based statement each, with no read-then-write.
/// </summary>
public static class GoalEndpoints
{
    private const int MaxPageSize = 50;

    public static IEndpointRouteBuilder MapGoals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/goals").WithTags("Goals").RequireAuthorization().WithDemoControls();
        group.MapGet("/", ListAsync).WithName("listGoals").WithSummary("Newest first (createdAt, then id, descending).").ProducesValidationProblem();
        group.MapPost("/", CreateAsync).Validate<CreateGoalRequest>().WithName("createGoal").ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        group.MapGet("/{id:guid}", GetAsync).WithName("getGoal");
        group.MapPut("/{id:guid}", ReplaceAsync).Validate<ReplaceGoalRequest>().WithName("replaceGoal").ProducesProblem(413).ProducesProblem(415);
        group.MapPatch("/{id:guid}", UpdateAsync).Validate<UpdateGoalRequest>().WithName("updateGoal").WithSummary("Change only the fields sent.")
            .ProducesProblem(413).ProducesProblem(415);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("deleteGoal");
        return routes;
    }

    private static async Task<Results<Ok<GoalPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct, int? page = 1, int? pageSize = 10, string? status = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["Page"] = ["Page must be 1 or greater."];
        if (pageSize is < 1 or > MaxPageSize) errors["PageSize"] = [$"PageSize must be between 1 and {MaxPageSize}."];
        GoalStatus? filter = status switch
        {
            null => null,
            "active" => GoalStatus.Active,
            "completed" => GoalStatus.Completed,
            _ => null,
        };
        if (status is not null && filter is null) errors["Status"] = ["Status must be \"active\" or \"completed\"."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var (number, size) = (page ?? 1, pageSize ?? 10);
        var accountId = user.AccountId();
        var owned = db.Goals.Where(g => g.AccountId == accountId && (filter == null || g.Status == filter));
        var total = await owned.CountAsync(ct);
        var items = await owned.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id)
            .Skip((number - 1) * size).Take(size).AsNoTracking().ToListAsync(ct);
        var totalPages = (total + size - 1) / size;
        return TypedResults.Ok(new GoalPage
        {
            Items = items.Select(GoalResponse.From).ToList(),
            Page = number,
            PageSize = size,
            TotalCount = total,
            TotalPages = totalPages,
            HasMore = number < totalPages,
        });
    }

    private static async Task<Results<Created<GoalResponse>, ProblemHttpResult>> CreateAsync(
        CreateGoalRequest request, ClaimsPrincipal user, HttpContext http, AppDbContext db, IOptions<AccountOptions> options, TimeProvider time, CancellationToken ct)
    {
        var accountId = user.AccountId()!.Value;
        var max = options.Value.MaxGoalsPerAccount;
        if (await db.Goals.CountAsync(g => g.AccountId == accountId, ct) >= max)
        {
            return TypedResults.Problem($"An account can hold at most {max} goals.", statusCode: 409);
        }
        var now = AccountService.TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);
        var goal = new Goal
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Title = request.Title!,
            Description = request.Description ?? "",
            Status = request.Status ?? GoalStatus.Active,
            Progress = request.Progress ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        // Relative, from the request's own path base: never from a client's X-Forwarded-Host.
        return TypedResults.Created($"{http.Request.PathBase}/api/goals/{goal.Id}", GoalResponse.From(goal));
    }

    private static async Task<Results<Ok<GoalResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        await FindAsync(db, id, user, ct) is { } goal ? TypedResults.Ok(goal) : NotFound();

    private static async Task<Results<Ok<GoalResponse>, ProblemHttpResult>> ReplaceAsync(
        Guid id, ReplaceGoalRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = AccountService.TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);
        var changed = await Owned(db, id, user).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.Title, request.Title!)
            .SetProperty(g => g.Description, request.Description!)
            .SetProperty(g => g.Status, request.Status!.Value)
            .SetProperty(g => g.Progress, request.Progress!.Value)
            .SetProperty(g => g.UpdatedAt, now), ct);
        return changed == 1 && await FindAsync(db, id, user, ct) is { } goal ? TypedResults.Ok(goal) : NotFound();
    }

    private static async Task<Results<Ok<GoalResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateGoalRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = AccountService.TruncateToMilliseconds(time.GetUtcNow().UtcDateTime);
        var changed = await Owned(db, id, user).ExecuteUpdateAsync(s =>
        {
            // Only what was sent; absent fields keep their value.
            if (request.Title is { } title) s.SetProperty(g => g.Title, title);
            if (request.Description is { } description) s.SetProperty(g => g.Description, description);
            if (request.Status is { } status) s.SetProperty(g => g.Status, status);
            if (request.Progress is { } progress) s.SetProperty(g => g.Progress, progress);
            s.SetProperty(g => g.UpdatedAt, now);
        }, ct);
        return changed == 1 && await FindAsync(db, id, user, ct) is { } goal ? TypedResults.Ok(goal) : NotFound();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, AttachmentStorage attachments, CancellationToken ct)
    {
        if (await Owned(db, id, user).ExecuteDeleteAsync(ct) != 1) return NotFound();
        // The attachment rows went with the goal (cascade); the files are not in the database.
        attachments.DeleteGoal(user.AccountId()!.Value, id);
        return TypedResults.NoContent();
    }

    private static IQueryable<Goal> Owned(AppDbContext db, Guid id, ClaimsPrincipal user)
    {
        var accountId = user.AccountId();
        return db.Goals.Where(g => g.Id == id && g.AccountId == accountId);
    }

    private static async Task<GoalResponse?> FindAsync(AppDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        await Owned(db, id, user).AsNoTracking().FirstOrDefaultAsync(ct) is { } goal ? GoalResponse.From(goal) : null;

    private static ProblemHttpResult NotFound() => TypedResults.Problem("Goal not found.", statusCode: 404);
}
