namespace BffReference.Api.Data;

/// <summary>
/// Lets one caller through per interval, however many threads ask at once. The
/// pruners sweep on a request's time, not on a timer of their own: the request
/// that passes sweeps, and the others of that interval go straight on.
/// </summary>
public sealed class SweepGate(TimeSpan interval)
{
    private long _lastTicks = DateTimeOffset.MinValue.UtcTicks;

    public bool TryEnter(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastTicks);
        // Of the callers that read the same `last`, only the one whose exchange lands passes.
        return now.UtcTicks - last >= interval.Ticks
            && Interlocked.CompareExchange(ref _lastTicks, now.UtcTicks, last) == last;
    }
}
