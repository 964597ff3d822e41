using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BffReference.Api.Data;

public static class DbUpdateExceptionExtensions
{
    // SQLite's extended result codes for a UNIQUE constraint and a primary key.
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// A unique index or key refused the write, in either provider: a race a
    /// caller may answer as "already exists". Any other failure (PostgreSQL
    /// refusing U+0000, say) is not that and must not be reported as it.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
