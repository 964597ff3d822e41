namespace BffReference.Api.Auth;

/// <summary>
/// Fixed-window failure counter, as the mock's rate-limiter.ts: the window
/// opens at a key's first failure and resets once it has passed. At most
/// <c>maxKeys</c> entries: expired windows go first, then the oldest, so
/// memory stays bounded even when every request uses a new key.
/// The framework's rate limiter counts requests, not failures, and cannot
/// reset one key on success, hence this small class.
/// </summary>
public sealed class FailureCounter(int limit, TimeSpan window, int maxKeys, TimeProvider time)
{
    private readonly OrderedDictionary<string, (DateTimeOffset StartedAt, int Failures)> _windows = [];
    private readonly Lock _lock = new();

    /// <summary>Seconds until <paramref name="key"/> may try again, or 0 when it is under the limit.</summary>
    public int RetryAfterSeconds(string key)
    {
        lock (_lock)
        {
            if (!TryCurrent(key, out var current) || current.Failures < limit) return 0;
            var left = current.StartedAt + window - time.GetUtcNow();
            return Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
        }
    }

    public void RecordFailure(string key)
    {
        lock (_lock)
        {
            if (TryCurrent(key, out var current))
            {
                _windows[key] = current with { Failures = current.Failures + 1 };
                return;
            }
            MakeRoom();
            _windows.Add(key, (time.GetUtcNow(), 1));
        }
    }

    public void Reset(string key)
    {
        lock (_lock) _windows.Remove(key);
    }

    private bool TryCurrent(string key, out (DateTimeOffset StartedAt, int Failures) current)
    {
        if (_windows.TryGetValue(key, out current) && time.GetUtcNow() - current.StartedAt < window) return true;
        _windows.Remove(key);
        return false;
    }

    private void MakeRoom()
    {
        if (_windows.Count < maxKeys) return;
        var now = time.GetUtcNow();
        for (var i = _windows.Count - 1; i >= 0; i--)
        {
            if (now - _windows.GetAt(i).Value.StartedAt >= window) _windows.RemoveAt(i);
        }
        // Insertion order: the first entries are the oldest windows.
        while (_windows.Count >= maxKeys) _windows.RemoveAt(0);
    }
}
