using System.Net;
using BffReference.Api.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BffReference.Api.Http;

public static class ClientAddress
{
    /// <summary>
    /// The client address is the one the BFF reports, and only when the request
    /// comes from a known proxy: X-Forwarded-For only (a client's own
    /// X-Forwarded-Proto or -Host never changes anything), one hop.
    /// </summary>
    public static IServiceCollection AddClientAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpEdgeOptions>>((forwarded, edge) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = 1;
            // The defaults trust all of 127.0.0.0/8 and ::1; say exactly which peers instead.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in edge.Value.TrustedProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    /// <summary>After UseForwardedHeaders; "unknown" only where no server reports a peer.</summary>
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : "unknown";
}
