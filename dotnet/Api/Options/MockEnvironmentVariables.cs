namespace BffReference.Api.Options;

/// <summary>
/// The TypeScript mock's environment variable names, mapped onto this API's
/// configuration keys, so one set of variables (one signing key above all)
/// serves both APIs. The ASP.NET Core names (Jwt__SigningKey, …) work too.
/// </summary>
public static class MockEnvironmentVariables
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["JWT_SIGNING_KEY"] = "Jwt:SigningKey",
        ["DOTNET_MOCK_JWT_ISSUER"] = "Jwt:Issuer",
        ["DOTNET_MOCK_JWT_AUDIENCE"] = "Jwt:Audience",
        ["DOTNET_MOCK_ACCESS_TOKEN_SECONDS"] = "Jwt:AccessTokenSeconds",
        ["DOTNET_MOCK_CLOCK_SKEW_SECONDS"] = "Jwt:ClockSkewSeconds",
        ["DOTNET_MOCK_REFRESH_FAMILY_SECONDS"] = "RefreshTokens:FamilySeconds",
        ["DOTNET_MOCK_REFRESH_REUSE_OVERLAP_SECONDS"] = "RefreshTokens:OverlapSeconds",
        ["DOTNET_MOCK_MAX_REFRESH_TOKENS"] = "RefreshTokens:MaxTokens",
        ["DOTNET_MOCK_LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT"] = "LoginLimits:FailuresPerAccountAndClient",
        ["DOTNET_MOCK_LOGIN_FAILURES_PER_CLIENT"] = "LoginLimits:FailuresPerClient",
        ["DOTNET_MOCK_LOGIN_FAILURE_WINDOW_SECONDS"] = "LoginLimits:WindowSeconds",
        ["DOTNET_MOCK_MAX_RATE_LIMIT_KEYS"] = "LoginLimits:MaxKeys",
        ["DOTNET_MOCK_MAX_ACCOUNTS"] = "Accounts:MaxAccounts",
        ["DOTNET_MOCK_MAX_GOALS_PER_ACCOUNT"] = "Accounts:MaxGoalsPerAccount",
        ["DOTNET_MOCK_REGISTRATIONS_PER_CLIENT"] = "Accounts:RegistrationsPerClient",
        ["DOTNET_MOCK_REGISTRATION_WINDOW_SECONDS"] = "Accounts:RegistrationWindowSeconds",
        ["DOTNET_MOCK_MAX_BODY_BYTES"] = "Http:MaxBodyBytes",
        ["DOTNET_MOCK_DEMO_CONTROLS_SECONDS"] = "Demo:ControlsSeconds",
        ["DOTNET_MOCK_MAX_UPLOAD_BYTES"] = "Uploads:MaxFileBytes",
        ["DOTNET_MOCK_UPLOAD_QUOTA_BYTES"] = "Uploads:AccountQuotaBytes",
        ["DOTNET_MOCK_UPLOAD_GRANT_SECONDS"] = "Uploads:GrantSeconds",
        ["DOTNET_API_PUBLIC_URL"] = "Uploads:PublicUrl",
        ["DOTNET_API_ALLOWED_ORIGIN"] = "Uploads:AllowedOrigin",
    };

    public static IConfigurationBuilder AddMockEnvironmentVariables(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Keys)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value)) values[key] = value;
        }
        // A comma-separated list, as the mock reads it.
        var proxies = Environment.GetEnvironmentVariable("DOTNET_MOCK_KNOWN_PROXIES");
        if (proxies is not null)
        {
            var entries = proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < entries.Length; i++) values[$"Http:KnownProxies:{i}"] = entries[i];
        }
        return configuration.AddInMemoryCollection(values);
    }
}
