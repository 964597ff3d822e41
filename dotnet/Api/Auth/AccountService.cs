using System.Security.Cryptography;
using System.Text;
using BffReference.Api.Attachments;
using BffReference.Api.Data;
using BffReference.Api.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Auth;

/// <summary>Accounts: sign-up with the cap and eviction, password checks, and "last used" for eviction order.</summary>
public sealed class AccountService(
    AppDbContext db, IPasswordHasher<Account> hasher, DecoyPasswordHash decoy, IOptions<AccountOptions> options, TimeProvider time, AttachmentStorage attachments)
{
    public const string DemoEmail = "demo@example.com";
    public const string DemoPassword = "demo-password";
    public const string DemoName = "Demo Reader";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public Task<Account?> FindByEmailAsync(string email, CancellationToken ct) =>
        db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == Normalize(email), ct);

    /// <summary>The account, or null for an unknown email or a wrong password: the caller cannot tell which.</summary>
    public async Task<Account?> VerifyAsync(string email, string password, CancellationToken ct)
    {
        var account = await FindByEmailAsync(email, ct);
        var result = hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? decoy.Value, password);
        if (account is null || result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = hasher.HashPassword(account, password);
            await db.Accounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, rehashed), ct);
        }
        return account;
    }

    /// <summary>Null when the email is taken. <paramref name="clientNetwork"/> is ClientAddress.Network of the caller.</summary>
    public async Task<Account?> RegisterAsync(string name, string email, string password, string clientNetwork, CancellationToken ct)
    {
        var normalized = Normalize(email);
        if (await db.Accounts.AnyAsync(a => a.Email == normalized, ct)) return null;
        var registeredFrom = HashNetwork(clientNetwork);
        await EvictForRoomAsync(registeredFrom, ct);
        var account = NewAccount(name.Trim(), normalized, password, isDemo: false);
        account.RegisteredFrom = registeredFrom;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another registration took the email since the check above: the unique index decides.
            return null;
        }
        return account;
    }

    public async Task EnsureDemoAccountAsync(CancellationToken ct)
    {
        if (await db.Accounts.AnyAsync(a => a.IsDemo, ct)) return;
        NewAccount(DemoName, DemoEmail, DemoPassword, isDemo: true);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A request made on the account's behalf counts as use. False when it was evicted.</summary>
    public async Task<bool> TouchAsync(Guid accountId, CancellationToken ct)
    {
        var now = Now;
        return await db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastUsedAt, now), ct) == 1;
    }

    private Account NewAccount(string name, string email, string password, bool isDemo)
    {
        var now = Now;
        var account = new Account { Id = Guid.NewGuid(), Name = name, Email = email, PasswordHash = "", IsDemo = isDemo, LastUsedAt = now };
        account.PasswordHash = hasher.HashPassword(account, password);
        account.Goals.AddRange(SeedGoals.For(account.Id, TruncateToMilliseconds(now)));
        db.Accounts.Add(account);
        return account;
    }

    /// <summary>
    /// At the cap, throwaway accounts go with their goals, sessions and
    /// attachments: the registering client's own least recently used first, so
    /// a flood from one address churns through its own accounts and not
    /// readers'; then, if it has none left, the least recently used of all.
    /// </summary>
    private async Task EvictForRoomAsync(string registeredFrom, CancellationToken ct)
    {
        var excess = await db.Accounts.CountAsync(ct) - options.Value.MaxAccounts + 1;
        if (excess <= 0) return;
        var throwaway = db.Accounts.Where(a => !a.IsDemo);
        var victims = await throwaway.Where(a => a.RegisteredFrom == registeredFrom)
            .OrderBy(a => a.LastUsedAt).Select(a => a.Id).Take(excess).ToListAsync(ct);
        if (victims.Count < excess)
        {
            victims.AddRange(await throwaway.Where(a => !victims.Contains(a.Id))
                .OrderBy(a => a.LastUsedAt).Select(a => a.Id).Take(excess - victims.Count).ToListAsync(ct));
        }
        await db.Accounts.Where(a => victims.Contains(a.Id)).ExecuteDeleteAsync(ct);
        attachments.DeleteAccounts(victims);
    }

    /// <summary>Hex SHA-256: the same network always gives the same key, and the column never holds an address.</summary>
    private static string HashNetwork(string clientNetwork) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientNetwork)));

    /// <summary>JSON carries milliseconds (like JavaScript's toISOString), so stored times match what clients see.</summary>
    public static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
