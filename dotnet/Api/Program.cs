using BffReference.Api.Attachments;
using BffReference.Api.Auth;
using BffReference.Api.Data;
using BffReference.Api.Demo;
using BffReference.Api.Goals;
using BffReference.Api.Http;
using BffReference.Api.Options;
using BffReference.Api.Users;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddMockEnvironmentVariables();

// Configuration, storage and the security parts
builder.Services.AddApiOptions();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddTokenAuthentication();
builder.Services.AddScoped<IPasswordHasher<Account>, PasswordHasher<Account>>();
builder.Services.AddOptions<PasswordHasherOptions>().BindConfiguration("PasswordHasher");
builder.Services.AddSingleton<DecoyPasswordHash>();
builder.Services.AddScoped<AccountService>();
builder.Services.AddScoped<RefreshTokenService>();
builder.Services.AddSingleton<RefreshTokenPruner>();
builder.Services.AddSingleton<AccessTokenIssuer>();
builder.Services.AddScoped<SessionIssuer>();
builder.Services.AddSingleton<ClientCounterPruner>();
builder.Services.AddScoped<ClientCounterStore>();
builder.Services.AddScoped<LoginThrottle>();
builder.Services.AddScoped<RegistrationThrottle>();
builder.Services.AddSingleton<DemoControlsStore>();
builder.Services.AddAttachments();

// The HTTP edge
builder.AddBodySizeLimit();
builder.Services.AddClientAddress();
builder.Services.AddApiJson();
builder.Services.AddApiProblemDetails();
builder.Services.AddApiRateLimiting();
builder.Services.AddApiOpenApi();

var app = builder.Build();
await app.InitializeDatabaseAsync();

app.UseForwardedHeaders();
app.UseApiResponseHeaders();
app.UseApiProblemDetails();
// Before the body cap, so the upload's refusals carry CORS headers the site's page can read.
app.UseCors();
app.UseBodySizeLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapApiOpenApi();
app.MapAuth();
app.MapUsers();
app.MapGoals();
app.MapAttachments();
app.MapUploads();
if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value.Enabled) app.MapDemo();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
