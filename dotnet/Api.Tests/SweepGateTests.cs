using BffReference.Api.Data;

namespace BffReference.Api.Tests;

public sealed class SweepGateTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lets_the_first_caller_through_then_none_until_the_interval_has_passed()
    {
        var gate = new SweepGate(TimeSpan.FromMinutes(1));

        Assert.True(gate.TryEnter(Noon));
        Assert.False(gate.TryEnter(Noon));
        Assert.False(gate.TryEnter(Noon.AddSeconds(59)));
        Assert.True(gate.TryEnter(Noon.AddMinutes(1)));
        Assert.False(gate.TryEnter(Noon.AddMinutes(1.5)));
    }

    [Fact]
    public async Task Lets_exactly_one_of_many_callers_at_the_same_moment_through()
    {
        var gate = new SweepGate(TimeSpan.FromMinutes(1));
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return gate.TryEnter(Noon);
        })).ToArray();
        start.Set();

        var passed = await Task.WhenAll(callers);
        Assert.Single(passed, through => through);
    }
}
