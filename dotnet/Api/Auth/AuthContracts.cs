using System.ComponentModel.DataAnnotations;
using BffReference.Api.Data;
using BffReference.Api.Http;

namespace BffReference.Api.Auth;

public sealed record LoginRequest : IRequestBody
{
    [Required, EmailAddress, MaxLength(254, ErrorMessage = "Email must be at most 254 characters.")]
    public string? Email { get; init; }

    // Only registration states the password policy; sign-in must not hint at it.
    [Required, MaxLength(128)]
    public string? Password { get; init; }
}

public sealed record RegisterRequest : IRequestBody
{
    // Trimmed as it is read, before the checks, as the mock does.
    [Required, MaxLength(100, ErrorMessage = "Name must be at most 100 characters.")]
    public string? Name { get; init => field = TextRules.Trim(value); }

    [Required, EmailAddress, MaxLength(254, ErrorMessage = "Email must be at most 254 characters.")]
    public string? Email { get; init; }

    [Required]
    [MinLength(8, ErrorMessage = "Password must be at least 8 characters.")]
    [MaxLength(128, ErrorMessage = "Password must be at most 128 characters.")]
    public string? Password { get; init; }
}

public sealed record RefreshRequest : IRequestBody
{
    [Required, MaxLength(512)]
    public string? RefreshToken { get; init; }
}

/// <summary>The refresh token is optional: a BFF holding only the access token ends the session through its <c>sid</c>.</summary>
public sealed record LogoutRequest : IRequestBody
{
    [MinLength(1, ErrorMessage = "The RefreshToken field is required."), MaxLength(512)]
    public string? RefreshToken { get; init; }
}

public sealed record UserResponse
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }

    /// <summary>Role claim. Every account this API creates has the role "user".</summary>
    public required string Role { get; init; }

    public static UserResponse From(Account account) =>
        new() { Id = account.Id, Name = account.Name, Email = account.Email, Role = account.Role };
}

public sealed record LoginResponse
{
    public required string AccessToken { get; init; }
    public required string RefreshToken { get; init; }

    /// <summary>Seconds until the access token expires.</summary>
    public required int ExpiresIn { get; init; }

    /// <summary>Seconds until the refresh-token family reaches its absolute expiry; rotation does not extend it.</summary>
    public required int RefreshTokenExpiresIn { get; init; }

    public required UserResponse User { get; init; }
}
