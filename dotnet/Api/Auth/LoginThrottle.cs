using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

/// <summary>
/// Failed sign-ins, counted per client address and per (email, client
/// address) together. Never per account alone: anyone may type a known email,
/// and a stranger's wrong passwords must not lock its owner out.
/// The counts live in the database, shared by every instance, and an attempt
/// is counted before its password is checked: parallel guesses, on one
/// instance or several, cannot all pass a check that none of them has failed
/// yet. An attempt that succeeds, or is refused, gives its count back.
/// </summary>
public sealed class LoginThrottle(ClientCounterStore counters, IOptions<LoginLimitOptions> options, TimeProvider time)
{
    /// <summary>
    /// 0 when the attempt may go ahead, counted as a failure until
    /// <see cref="RecordSuccessAsync"/> says otherwise (an attempt that never
    /// gets that far, a dropped connection say, stays a failure); otherwise the
    /// seconds until this client may try again.
    /// </summary>
    public async Task<int> BeginAttemptAsync(string email, string client, CancellationToken ct)
    {
        var limits = options.Value;
        string[] keys = [ClientKey(client), AccountKey(email, client)];
        var windows = await counters.IncrementAsync(keys, TimeSpan.FromSeconds(limits.WindowSeconds), ct);
        var over = windows.Zip([limits.FailuresPerClient, limits.FailuresPerAccountAndClient], (window, limit) => window.Count > limit ? window : null)
            .OfType<CounterWindow>().ToList();
        if (over.Count == 0) return 0;

        // Refused before any password was checked: no failure to count.
        await counters.DecrementAsync(keys, ct);
        var now = time.GetUtcNow().UtcDateTime;
        return over.Max(window => window.RetryAfterSeconds(now));
    }

    /// <summary>Success clears this client's count for the account, not the client's own: it may be guessing many accounts.</summary>
    public async Task RecordSuccessAsync(string email, string client, CancellationToken ct)
    {
        await counters.ResetAsync(AccountKey(email, client), ct);
        await counters.DecrementAsync([ClientKey(client)], ct);
    }

    // Prefixed, so that no client address can be mistaken for an account key.
    private static string ClientKey(string client) => $"sign-in client {client}";

    private static string AccountKey(string email, string client) => $"sign-in account {client} {AccountService.Normalize(email)}";
}
