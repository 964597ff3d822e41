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

    /// <summary>
    /// SHA-256 of the client network that registered it (ClientAddress.Network),
    /// so eviction can take a flooding client's own accounts first. Hashed to
    /// keep readers' addresses out of a database dump in plain text; an IPv4
    /// hash can be reversed by trying every address, so this is tidiness, not
    /// secrecy. Null for the demo account.
    /// </summary>
    public string? RegisteredFrom { get; set; }

    public List<Goal> Goals { get; } = [];
}
