namespace BffReference.Api.Data;

/// <summary>
/// One per-client count in a fixed window (failed sign-ins, registrations),
/// kept in the database so that every instance on it counts together. Keyed
/// by the SHA-256 of what is counted: the table never holds an address or an email.
/// </summary>
public sealed class ClientCounter
{
    public required string Key { get; set; }
    public int Count { get; set; }

    /// <summary>Fixed when the window opens, at the key's first count; later counts never move it.</summary>
    public DateTime ExpiresAt { get; set; }
}

/// <summary>A key's count in its current window, and when that window ends.</summary>
public sealed record CounterWindow(int Count, DateTime ExpiresAt)
{
    /// <summary>Whole seconds until the window ends, at least 1: the value of a Retry-After header.</summary>
    public int RetryAfterSeconds(DateTime now) => Math.Max(1, (int)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
