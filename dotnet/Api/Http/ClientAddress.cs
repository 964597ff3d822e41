using System.Net;
using System.Net.Sockets;
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

    /// <summary>The key a per-client limit counts under: see <see cref="Network(IPAddress)"/>.</summary>
    public static string NetworkOf(HttpContext http) => http.Connection.RemoteIpAddress is { } address ? Network(address) : "unknown";

    /// <summary>
    /// An IPv4 address as it is, an IPv6 address by its /64 (as the mock's
    /// clientNetwork). One IPv6 host is usually handed a whole /64, so counting
    /// single addresses would give one visitor 2^64 quotas.
    /// </summary>
    public static string Network(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
