using System.ComponentModel.DataAnnotations;

namespace BffReference.Api.Options;

/// <summary>Refresh-token families: the "RefreshTokens" section.</summary>
public sealed class RefreshTokenOptions
{
    public const string Section = "RefreshTokens";

    /// <summary>Absolute lifetime of a family, however often it rotates.</summary>
    [Range(1, int.MaxValue)] public int FamilySeconds { get; set; } = 7 * 24 * 60 * 60;

    /// <summary>How long the token just replaced is answered with its successor instead of revoking (0 = off).</summary>
    [Range(0, int.MaxValue)] public int OverlapSeconds { get; set; } = 10;

    [Range(1, int.MaxValue)] public int MaxTokens { get; set; } = 20_000;
}

/// <summary>Failed sign-ins: the "LoginLimits" section.</summary>
public sealed class LoginLimitOptions
{
    public const string Section = "LoginLimits";

    /// <summary>Per normalized email and client address together, so a stranger cannot lock the owner out.</summary>
    [Range(1, int.MaxValue)] public int FailuresPerAccountAndClient { get; set; } = 5;

    [Range(1, int.MaxValue)] public int FailuresPerClient { get; set; } = 50;

    [Range(1, int.MaxValue)] public int WindowSeconds { get; set; } = 15 * 60;

    /// <summary>
    /// Rows the database's per-client counters keep after each sweep: failed
    /// sign-ins and registrations together (see ClientCounterPruner).
    /// </summary>
    [Range(1, int.MaxValue)] public int MaxKeys { get; set; } = 10_000;

    /// <summary>Sign-in requests per client address per minute, failed or not: the rate limiter's flood guard.</summary>
    [Range(1, int.MaxValue)] public int RequestsPerClientPerMinute { get; set; } = 120;
}

/// <summary>Accounts and goals: the "Accounts" section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    [Range(1, int.MaxValue)] public int MaxAccounts { get; set; } = 1000;

    [Range(1, int.MaxValue)] public int MaxGoalsPerAccount { get; set; } = 100;

    /// <summary>
    /// Registrations per client network (an IPv4 address, an IPv6 /64) per
    /// window. A reader needs one account, a household or a small office behind
    /// one address a few; ten an hour keeps one address from churning through
    /// the account cap and the password hashing it costs. A workshop behind one
    /// NAT raises it.
    /// </summary>
    [Range(1, int.MaxValue)] public int RegistrationsPerClient { get; set; } = 10;

    [Range(1, int.MaxValue)] public int RegistrationWindowSeconds { get; set; } = 60 * 60;
}

/// <summary>The HTTP edge: the "Http" section.</summary>
public sealed class HttpEdgeOptions
{
    public const string Section = "Http";

    [Range(1, int.MaxValue)] public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Peers whose X-Forwarded-For is believed: the BFF. Loopback when not
    /// configured (no default here: the binder appends to an array, it cannot replace it).
    /// </summary>
    public string[]? KnownProxies { get; set; }

    public IEnumerable<string> TrustedProxies => KnownProxies ?? ["127.0.0.1", "::1"];
}

/// <summary>The demo-only endpoints and their failure injection: the "Demo" section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Maps /api/demo/* and applies the demo controls. The site's own runs want it; a real API would not.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, int.MaxValue)] public int ControlsSeconds { get; set; } = 10 * 60;
}
