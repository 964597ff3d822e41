using BffReference.Api.Auth;
using BffReference.Api.Data;
using BffReference.Api.Demo;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BffReference.Api.Users;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization().WithDemoControls();
        group.MapGet("/me", GetCurrentUserAsync).WithName("getCurrentUser");
        return routes;
    }

    private static async Task<Results<Ok<UserResponse>, UnauthorizedHttpResult>> GetCurrentUserAsync(
        System.Security.Claims.ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var id = user.AccountId();
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return account is null ? TypedResults.Unauthorized() : TypedResults.Ok(UserResponse.From(account));
    }
}
