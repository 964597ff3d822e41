using System.ComponentModel.DataAnnotations;
using BffReference.Api.Http;

namespace BffReference.Api.Demo;

/// <summary>Replaces all the controls: a field left out is switched off.</summary>
public sealed record DemoControlsRequest : IRequestBody
{
    /// <summary>Milliseconds added to every request of the session. Defaults to 0.</summary>
    [Range(0, DemoControlLimits.LatencyMsMax, ErrorMessage = "LatencyMs must be between 0 and 10000.")]
    public int? LatencyMs { get; init; }

    /// <summary>How many of the next POST, PUT, PATCH or DELETE requests answer 500. Defaults to 0.</summary>
    [Range(0, DemoControlLimits.FailNextMutationsMax, ErrorMessage = "FailNextMutations must be between 0 and 100.")]
    public int? FailNextMutations { get; init; }

    /// <summary>Share of the other mutations that answer 500: 0 none, 0.3 about a third, 1 all. Defaults to 0.</summary>
    [Range(0.0, 1.0, ErrorMessage = "FailureRate must be between 0 and 1.")]
    public double? FailureRate { get; init; }

    /// <summary>Every request of the session answers 503 with Retry-After, as if the API were down. Defaults to false.</summary>
    public bool? Down { get; init; }
}

public sealed record DemoControlsResponse
{
    public required int LatencyMs { get; init; }
    public required int FailNextMutations { get; init; }
    public required double FailureRate { get; init; }
    public required bool Down { get; init; }

    /// <summary>When the controls switch themselves off: a fixed time after they were last set. Null when none is on.</summary>
    public required DateTime? ExpiresAt { get; init; }
}

/// <summary>Demo only: the refresh-token family behind the presented access token. No token in it.</summary>
public sealed record DemoSessionResponse
{
    /// <summary>The first 8 characters of the family id (the `sid` claim): enough to tell sessions apart.</summary>
    public required string FamilyIdPrefix { get; init; }
    public required DateTime FamilyCreatedAt { get; init; }
    public required DateTime FamilyExpiresAt { get; init; }
    public required int Rotations { get; init; }
    public required int OverlapReuses { get; init; }
    public required int OverlapSeconds { get; init; }
}

public static class DemoControlLimits
{
    public const int LatencyMsMax = 10_000;
    public const int FailNextMutationsMax = 100;
}
