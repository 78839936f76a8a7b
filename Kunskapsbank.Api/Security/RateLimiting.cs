using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Security;

/// <summary>Rate limiting of search and suggest, per client, without keeping anything that identifies the client.</summary>
/// <remarks>
/// The partition key is an HMAC of the client address with a key made at start and never stored, so the limiter's memory
/// holds no IP address and the key means nothing after a restart. Behind a reverse proxy all clients share one partition.
/// </remarks>
public static class RateLimiting
{
    /// <summary>The policy name for the search endpoints.</summary>
    public const string SearchPolicy = "sok";

    /// <summary>Registers the limiter with its Swedish 429 answer.</summary>
    public static IServiceCollection AddSearchRateLimiting(this IServiceCollection services)
    {
        var pepper = RandomNumberGenerator.GetBytes(32);
        return services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                }

                var (slug, title, detail) = StandardProblems.For(StatusCodes.Status429TooManyRequests);
                await ProblemResults.WriteAsync(http, ProblemResults.Build(http, StatusCodes.Status429TooManyRequests, slug, title, detail));
            };
            limiter.AddPolicy(SearchPolicy, http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<KunskapsbankOptions>>().Value.RateLimit;
                if (!settings.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter("av");
                }

                return RateLimitPartition.GetFixedWindowLimiter(
                    ClientKey(http.Connection.RemoteIpAddress, pepper),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        });
    }

    private static string ClientKey(IPAddress? address, byte[] pepper) =>
        address is null ? "okand" : Convert.ToHexString(HMACSHA256.HashData(pepper, address.GetAddressBytes()), 0, 16);
}
