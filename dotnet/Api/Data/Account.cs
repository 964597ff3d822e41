namespace BffReference.Api.Data;

public sealed class Account
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-cased, so lookups and the unique index ignore case.</summary>
    public required string Email { get; set; }

    /// <summary>PasswordHasher&lt;Account&gt; output: algorithm marker, salt and subkey in one string.</summary>
    public required string PasswordHash { get; set; }

    public string Role { get; set; } = "user";

    /// <summary>The documented demo account is never evicted.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Eviction takes the least recently used throwaway account first.</summary>
    public DateTime LastUsedAt { get; set; }

    public List<Goal> Goals { get; } = [];
}
