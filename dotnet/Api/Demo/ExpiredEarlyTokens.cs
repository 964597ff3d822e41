using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Demo;

/// <summary>
/// Demo only (POST /api/demo/expire-access-token): access tokens the API
/// treats as expired from the moment of the call, each remembered until it
/// would have expired anyway, at most 10 000.
/// </summary>
public sealed class ExpiredEarlyTokens(IOptions<JwtOptions> jwt, TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private readonly OrderedDictionary<string, (DateTime At, DateTime ForgetAt)> _entries = [];
    private readonly Lock _lock = new();

    public void ExpireNow(string tokenId, DateTime expiresAt)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                if (_entries.GetAt(i).Value.ForgetAt <= now) _entries.RemoveAt(i);
            }
            while (_entries.Count >= MaxEntries) _entries.RemoveAt(0);
            _entries[tokenId] = (now, expiresAt.AddSeconds(jwt.Value.ClockSkewSeconds));
        }
    }

    /// <summary>When the token was expired early, or null.</summary>
    public DateTime? ExpiredAt(string tokenId)
    {
        lock (_lock) return _entries.TryGetValue(tokenId, out var entry) ? entry.At : null;
    }
}
