using BffReference.Api.Options;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

/// <summary>
/// Failed sign-ins, counted per client address and per (email, client
/// address) together. Never per account alone: anyone may type a known email,
/// and a stranger's wrong passwords must not lock its owner out.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginLimitOptions> options, TimeProvider time)
{
    private readonly FailureCounter _perClient = Counter(options.Value, options.Value.FailuresPerClient, time);
    private readonly FailureCounter _perAccountAndClient = Counter(options.Value, options.Value.FailuresPerAccountAndClient, time);

    public int RetryAfterSeconds(string email, string client) =>
        Math.Max(_perClient.RetryAfterSeconds(client), _perAccountAndClient.RetryAfterSeconds(Key(email, client)));

    public void RecordFailure(string email, string client)
    {
        _perClient.RecordFailure(client);
        _perAccountAndClient.RecordFailure(Key(email, client));
    }

    /// <summary>Success clears this client's count for the account, not the client's own: it may be guessing many accounts.</summary>
    public void RecordSuccess(string email, string client) => _perAccountAndClient.Reset(Key(email, client));

    private static string Key(string email, string client) => $"{client} {AccountService.Normalize(email)}";

    private static FailureCounter Counter(LoginLimitOptions options, int limit, TimeProvider time) =>
        new(limit, TimeSpan.FromSeconds(options.WindowSeconds), options.MaxKeys, time);
}
