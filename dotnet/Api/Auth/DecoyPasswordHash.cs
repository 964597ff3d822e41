using BffReference.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

/// <summary>
/// The hash an unknown email is verified against, so that a miss costs what a
/// wrong password costs and response times do not reveal which emails exist.
/// Made with the configured work factor (PasswordHasher:IterationCount), as
/// the accounts' own hashes are: a decoy at the default would answer faster
/// or slower than a real account whenever the setting differs.
/// </summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() => new PasswordHasher<Account>(options).HashPassword(null!, Guid.NewGuid().ToString()));

    public string Value => _hash.Value;
}
