using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BffReference.Api.Data;

/// <summary>
/// Start-up on a shared PostgreSQL database, one instance at a time. Two
/// instances starting together on a fresh database would both find no tables
/// and both run CREATE TABLE (the second fails on the first's names), then both
/// insert the demo account (the second fails on the unique email). Under a
/// session-level advisory lock the second waits, then finds both done.
/// </summary>
public sealed class PostgresStartupLock : IAsyncDisposable
{
    // Any constant both instances agree on; advisory locks are per database, so it names nothing else.
    private const long Key = 0x42_46_46_5f_41_50_49; // "BFF_API"

    private readonly AppDbContext _db;

    private PostgresStartupLock(AppDbContext db) => _db = db;

    public static async Task<PostgresStartupLock> AcquireAsync(AppDbContext db, CancellationToken ct)
    {
        // 1. The database itself, which the lock needs a connection into. CREATE
        //    DATABASE has no IF NOT EXISTS; losing that race leaves the same database.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another instance created it first.
            }
        }
        // 2. One connection for the whole turn: a session lock belongs to the
        //    connection that took it, and EF Core leaves a connection it did not open alone.
        await db.Database.OpenConnectionAsync(ct);
        // 3. Waits while another instance holds it.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", ct);
        return new PostgresStartupLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        // 4. Released explicitly: a pooled connection outlives this turn, and the lock would go with it.
        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        await _db.Database.CloseConnectionAsync();
    }
}
