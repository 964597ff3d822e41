using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

/// <summary>
/// Registrations per client network (see ClientAddress.Network), counted in
/// the database so that instances behind a load balancer share one limit.
/// Every attempt counts, whatever its answer, and before any password is
/// hashed: one address cannot churn through the account cap, nor make the
/// server hash for it without end.
/// </summary>
public sealed class RegistrationThrottle(ClientCounterStore counters, IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>0 when this registration may go ahead; otherwise the seconds until this network may register again.</summary>
    public async Task<int> BeginAttemptAsync(string clientNetwork, CancellationToken ct)
    {
        var limits = options.Value;
        var windows = await counters.IncrementAsync([$"registration {clientNetwork}"], TimeSpan.FromSeconds(limits.RegistrationWindowSeconds), ct);
        return windows[0].Count > limits.RegistrationsPerClient ? windows[0].RetryAfterSeconds(time.GetUtcNow().UtcDateTime) : 0;
    }
}
