using Npgsql;

namespace BffReference.Api.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server that API_TESTS_POSTGRES names
/// (scripts/dotnet/test-dotnet.mjs starts one), created by the API's own
/// start-up and dropped afterwards. Dispose it after the factories that use it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "API_TESTS_POSTGRES";

    private readonly string _name = $"api_tests_{Guid.NewGuid():N}";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        // FORCE ends the connections the factories' pools still hold.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs a PostgreSQL server: skipped, saying so, when API_TESTS_POSTGRES is not set (npm run test:dotnet always sets it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.Server is null) Skip = $"Needs a PostgreSQL server: set {PostgresDatabase.Variable}, or run npm run test:dotnet, which starts one.";
    }
}

/// <inheritdoc cref="PostgresFactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresDatabase.Server is null) Skip = $"Needs a PostgreSQL server: set {PostgresDatabase.Variable}, or run npm run test:dotnet, which starts one.";
    }
}
