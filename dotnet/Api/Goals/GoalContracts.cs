using System.ComponentModel.DataAnnotations;
using BffReference.Api.Data;
using BffReference.Api.Http;

namespace BffReference.Api.Goals;

public sealed record CreateGoalRequest : IRequestBody
{
    // Trimmed as it is read, so every check below sees the title that is stored
    // (as the mock's z.string().trim() does): "Title\n" is "Title", not a control character.
    [Required, MaxLength(200, ErrorMessage = "Title must be at most 200 characters.")]
    [RegularExpression(TextRules.TitlePattern, ErrorMessage = TextRules.TitlePatternMessage)]
    [WellFormedText(ErrorMessage = "Title must be valid Unicode text.")]
    public string? Title { get; init => field = TextRules.Trim(value); }

    /// <summary>Defaults to an empty string.</summary>
    [MaxLength(2000, ErrorMessage = "Description must be at most 2000 characters.")]
    public string? Description { get; init; }

    /// <summary>Defaults to "active".</summary>
    public GoalStatus? Status { get; init; }

    /// <summary>Defaults to 0.</summary>
    [Range(0, 100, ErrorMessage = "Progress must be between 0 and 100.")]
    public int? Progress { get; init; }
}

/// <summary>PUT replaces: every field is required.</summary>
public sealed record ReplaceGoalRequest : IRequestBody
{
    [Required, MaxLength(200, ErrorMessage = "Title must be at most 200 characters.")]
    [RegularExpression(TextRules.TitlePattern, ErrorMessage = TextRules.TitlePatternMessage)]
    [WellFormedText(ErrorMessage = "Title must be valid Unicode text.")]
    public string? Title { get; init => field = TextRules.Trim(value); }

    [Required(AllowEmptyStrings = true), MaxLength(2000, ErrorMessage = "Description must be at most 2000 characters.")]
    public string? Description { get; init; }

    [Required]
    public GoalStatus? Status { get; init; }

    [Required, Range(0, 100, ErrorMessage = "Progress must be between 0 and 100.")]
    public int? Progress { get; init; }
}

/// <summary>PATCH changes only the fields sent.</summary>
public sealed record UpdateGoalRequest : IRequestBody
{
    [MinLength(1, ErrorMessage = "The Title field is required."), MaxLength(200, ErrorMessage = "Title must be at most 200 characters.")]
    [RegularExpression(TextRules.TitlePattern, ErrorMessage = TextRules.TitlePatternMessage)]
    [WellFormedText(ErrorMessage = "Title must be valid Unicode text.")]
    public string? Title { get; init => field = TextRules.Trim(value); }

    [MaxLength(2000, ErrorMessage = "Description must be at most 2000 characters.")]
    public string? Description { get; init; }

    public GoalStatus? Status { get; init; }

    [Range(0, 100, ErrorMessage = "Progress must be between 0 and 100.")]
    public int? Progress { get; init; }
}

public sealed record GoalResponse
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required GoalStatus Status { get; init; }
    public required int Progress { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    public static GoalResponse From(Goal goal) => new()
    {
        Id = goal.Id,
        Title = goal.Title,
        Description = goal.Description,
        Status = goal.Status,
        Progress = goal.Progress,
        CreatedAt = goal.CreatedAt,
        UpdatedAt = goal.UpdatedAt,
    };
}

public sealed record GoalPage
{
    public required IReadOnlyList<GoalResponse> Items { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required int TotalCount { get; init; }
    public required int TotalPages { get; init; }
    public required bool HasMore { get; init; }
}
