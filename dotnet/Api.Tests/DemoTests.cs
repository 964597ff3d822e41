using System.Net;
using System.Net.Http.Json;

namespace BffReference.Api.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Two_sessions_of_the_shared_demo_account_never_affect_each_other()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();
        var first = await ApiFactory.LoginAsync(client, "demo@example.com", "demo-password");
        var second = await ApiFactory.LoginAsync(client, "demo@example.com", "demo-password");

        var down = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Put, "/api/demo/controls", first.AccessToken, new { down = true }));
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);

        var broken = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/goals", first.AccessToken));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Equal("5", broken.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/goals", second.AccessToken))).StatusCode);

        var expired = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Post, "/api/demo/expire-access-token", second.AccessToken));
        Assert.Equal(HttpStatusCode.NoContent, expired.StatusCode);
        var refused = await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/demo/controls", second.AccessToken));
        Assert.StartsWith("Bearer error=\"invalid_token\", error_description=\"The token expired at '", refused.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/demo/controls", first.AccessToken))).StatusCode);
    }

    [Fact]
    public async Task Demo_endpoints_are_not_mapped_when_the_option_is_off()
    {
        await using var api = new ApiFactory(new() { ["Demo:Enabled"] = "false" });
        var client = api.CreateClient();
        var session = await api.SignInAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(ApiFactory.Bearer(HttpMethod.Get, "/api/demo/controls", session.AccessToken))).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_at_both_paths_and_states_the_title_pattern()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        var swagger = await client.GetStringAsync("/swagger/v1/swagger.json");
        Assert.Equal(openApi, swagger);
        using var document = System.Text.Json.JsonDocument.Parse(openApi);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var title = schemas.GetProperty("CreateGoalRequest").GetProperty("properties").GetProperty("title");
        Assert.Equal(Http.TextRules.TitlePattern, title.GetProperty("pattern").GetString());
        // The names the site's generated TypeScript uses.
        foreach (var name in new[] { "Goal", "GoalPage", "User", "LoginResponse", "DemoControls", "DemoSession", "ValidationProblemDetails" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), name);
        }
        Assert.Equal(["active", "completed"], schemas.GetProperty("GoalStatus").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
    }
}
