using System.Data.Common;
using BffReference.Api.Attachments;
using BffReference.Api.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BffReference.Api.Data;

public static class DatabaseExtensions
{
    // Like the mock, the default keeps everything in memory for the life of the process: nothing to install.
    private const string DefaultConnectionString = "Data Source=bff-reference;Mode=Memory;Cache=Shared";

    /// <summary>
    /// The provider follows the connection string (ConnectionStrings:Api): one
    /// in Npgsql's keyword form ("Host=…;Database=…") is PostgreSQL, which
    /// several instances can share; anything else is SQLite, a file or shared memory.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Api") ?? DefaultConnectionString;
        if (IsPostgres(connectionString))
        {
            services.AddDbContext<AppDbContext>(options => options.UseNpgsql(connectionString));
            services.AddExceptionHandler<UnstorableTextExceptionHandler>();
            return services;
        }
        // An in-memory SQLite database lives while one connection to it is open.
        services.AddSingleton(new SqliteKeepAlive(connectionString));
        services.AddDbContext<AppDbContext>(options => options.UseSqlite(connectionString));
        return services;
    }

    /// <summary>Creates the schema on start (no migrations to run) and the documented demo account.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        app.Services.GetService<SqliteKeepAlive>()?.Open();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Instances starting together on one PostgreSQL database take turns here (see PostgresStartupLock).
        await using var turn = db.Database.IsNpgsql() ? await PostgresStartupLock.AcquireAsync(db, CancellationToken.None) : null;
        // A database created just now knows no attachments: files a previous process left are removed.
        if (await db.Database.EnsureCreatedAsync()) app.Services.GetRequiredService<AttachmentStorage>().DeleteAll();
        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureDemoAccountAsync(CancellationToken.None);
    }

    // "Host" is Npgsql's own keyword; SQLite's connection strings name a "Data Source".
    private static bool IsPostgres(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Host");

    public sealed class SqliteKeepAlive(string connectionString) : IDisposable
    {
        private SqliteConnection? _connection;

        public void Open()
        {
            if (_connection is not null || !connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase)) return;
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public void Dispose() => _connection?.Dispose();
    }
}
