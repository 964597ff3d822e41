using Microsoft.Extensions.Options;

namespace BffReference.Api.Options;

public static partial class OptionsExtensions
{
    /// <summary>Every section bound from configuration and validated at startup, so a bad value stops the server.</summary>
    public static IServiceCollection AddApiOptions(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<JwtOptions>, SigningKeyFallback>();
        services.AddSingleton<IValidateOptions<JwtOptions>, SigningKeyValidation>();
        services.AddOptions<RefreshTokenOptions>().BindConfiguration(RefreshTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoginLimitOptions>().BindConfiguration(LoginLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HttpEdgeOptions>().BindConfiguration(HttpEdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Without a configured key, tokens are signed with a random one and stop
    /// verifying after a restart, which is surprising enough to say once.
    /// </summary>
    private sealed class SigningKeyFallback(ILogger<JwtOptions> logger) : IPostConfigureOptions<JwtOptions>
    {
        public void PostConfigure(string? name, JwtOptions options)
        {
            if (options.SigningKey.Length > 0) return;
            options.SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            LogRandomSigningKey(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jwt:SigningKey is not set; using a random key for this process.")]
    private static partial void LogRandomSigningKey(ILogger logger);

    private sealed class SigningKeyValidation : IValidateOptions<JwtOptions>
    {
        public ValidateOptionsResult Validate(string? name, JwtOptions options) => options.SigningKey.Length >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Jwt:SigningKey must be at least 32 characters (HS256 needs a 256-bit key).");
    }
}
