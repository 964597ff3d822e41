using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Demo;

public sealed record DemoControlSettings(int LatencyMs, int FailNextMutations, double FailureRate, bool Down)
{
    public bool IsOff => LatencyMs == 0 && FailNextMutations == 0 && FailureRate == 0 && !Down;
}

/// <summary>
/// Failure a reader asks for, per session (the token family, <c>sid</c>), so
/// two people signed in as the shared demo account never affect each other.
/// Settings switch themselves off a fixed time after they were last set, so a
/// forgotten "down" heals without a restart. Bounded like the mock's maps.
/// </summary>
public sealed class DemoControlsStore(IOptions<DemoOptions> options, TimeProvider time)
{
    private const int MaxSessions = 10_000;
    private readonly OrderedDictionary<Guid, (DemoControlSettings Settings, DateTimeOffset ExpiresAt)> _entries = [];
    private readonly Lock _lock = new();

    public DemoControlsResponse Read(Guid sessionId)
    {
        lock (_lock)
        {
            return Live(sessionId) is { } entry
                ? Response(entry.Settings, entry.ExpiresAt.UtcDateTime)
                : Response(new DemoControlSettings(0, 0, 0, false), null);
        }
    }

    /// <summary>Replaces the session's settings and restarts their lifetime.</summary>
    public DemoControlsResponse Set(Guid sessionId, DemoControlSettings settings)
    {
        lock (_lock)
        {
            _entries.Remove(sessionId);
            while (_entries.Count >= MaxSessions) _entries.RemoveAt(0);
            _entries.Add(sessionId, (settings, time.GetUtcNow().AddSeconds(options.Value.ControlsSeconds)));
            return Read(sessionId);
        }
    }

    public void Reset(Guid sessionId)
    {
        lock (_lock) _entries.Remove(sessionId);
    }

    /// <summary>The live settings, or null. Expired or all-off entries are removed on the way.</summary>
    public DemoControlSettings? Current(Guid sessionId)
    {
        lock (_lock) return Live(sessionId)?.Settings;
    }

    /// <summary>Counts one injected failure down; false when none was left (another request took it).</summary>
    public bool TakeCountedFailure(Guid sessionId)
    {
        lock (_lock)
        {
            if (Live(sessionId) is not { } entry || entry.Settings.FailNextMutations == 0) return false;
            _entries[sessionId] = entry with { Settings = entry.Settings with { FailNextMutations = entry.Settings.FailNextMutations - 1 } };
            return true;
        }
    }

    private (DemoControlSettings Settings, DateTimeOffset ExpiresAt)? Live(Guid sessionId)
    {
        if (!_entries.TryGetValue(sessionId, out var entry)) return null;
        if (time.GetUtcNow() < entry.ExpiresAt && !entry.Settings.IsOff) return entry;
        _entries.Remove(sessionId);
        return null;
    }

    private static DemoControlsResponse Response(DemoControlSettings settings, DateTime? expiresAt) => new()
    {
        LatencyMs = settings.LatencyMs,
        FailNextMutations = settings.FailNextMutations,
        FailureRate = settings.FailureRate,
        Down = settings.Down,
        ExpiresAt = expiresAt,
    };
}
