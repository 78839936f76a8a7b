using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Kunskapsbank.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Security;

/// <summary>Rate limiting of searches and typeahead, per client, without keeping anything that identifies the client.</summary>
/// <remarks>
/// The partition key is an HMAC of the client address with a key made at start and never stored, so the limiter's memory
/// holds no IP address and the key means nothing after a restart. Behind a reverse proxy all clients share one partition,
/// which is why the limits are sized for a whole office (see <see cref="RateLimitOptions"/>). The UI's endpoints and the
/// API's share the two policies <see cref="RateLimitPolicyNames.Search"/> and <see cref="RateLimitPolicyNames.Typeahead"/>.
/// </remarks>
public static class RateLimiting
{
    /// <summary>Registers both policies with the Swedish 429: ProblemDetails for the API, a page for a browser.</summary>
    public static IServiceCollection AddSearchRateLimiting(this IServiceCollection services)
    {
        var pepper = RandomNumberGenerator.GetBytes(32);
        services.AddSingleton<IValidateOptions<KunskapsbankOptions>, RateLimitOptionsValidator>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(RateLimitPolicyNames.Search, http => Partition(http, pepper, RateLimitPolicyNames.Search));
            limiter.AddPolicy(RateLimitPolicyNames.Typeahead, http => Partition(http, pepper, RateLimitPolicyNames.Typeahead));
        });
    }

    /// <summary>The limiter one client gets for one kind of request: a token bucket, then a concurrency limit.</summary>
    /// <param name="autoReplenish">False in the simulation, which drives the bucket with its own clock.</param>
    public static RateLimiter CreateClientLimiter(RateLimitOptions settings, string policy, bool autoReplenish = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ClientRateLimiter(
            new TokenBucketRateLimiter(BucketOptions(settings, policy, autoReplenish)),
            new ConcurrencyLimiter(ConcurrencyOptions(settings)));
    }

    /// <summary>How many requests of one kind a client may have running, and how many may wait.</summary>
    public static ConcurrencyLimiterOptions ConcurrencyOptions(RateLimitOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ConcurrentPerClient,
            QueueLimit = settings.QueuePerClient,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    /// <summary>The token bucket of a policy: <see cref="RateLimitOptions.Burst"/> tokens, refilled evenly over the window.</summary>
    public static TokenBucketRateLimiterOptions BucketOptions(RateLimitOptions settings, string policy, bool autoReplenish = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var share = policy == RateLimitPolicyNames.Typeahead ? RateLimitOptions.TypeaheadShare : 1;
        var permits = (long)settings.PermitLimit * share;

        // Refill every second when the window gives at least one token a second, else one token per slice of the window.
        var (tokens, period) = permits >= settings.WindowSeconds
            ? ((int)Math.Ceiling((double)permits / settings.WindowSeconds), TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromSeconds((double)settings.WindowSeconds / permits));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst * share,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = autoReplenish,
        };
    }

    private static RateLimitPartition<string> Partition(HttpContext http, byte[] pepper, string policy)
    {
        var settings = http.RequestServices.GetRequiredService<IOptions<KunskapsbankOptions>>().Value.RateLimit;
        return settings.Enabled
            ? RateLimitPartition.Get(ClientKey(http.Connection.RemoteIpAddress, pepper), _ => CreateClientLimiter(settings, policy))
            : RateLimitPartition.GetNoLimiter("av");
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (PlainErrorPage.IsWantedBy(http.Request))
        {
            // No body: the status-code pages re-execute the UI's Swedish page for a 429.
            return;
        }

        var (slug, title, detail) = StandardProblems.For(StatusCodes.Status429TooManyRequests);
        await ProblemResults.WriteAsync(http, ProblemResults.Build(http, StatusCodes.Status429TooManyRequests, slug, title, detail));
    }

    private static string ClientKey(IPAddress? address, byte[] pepper) =>
        address is null ? "okand" : Convert.ToHexString(HMACSHA256.HashData(pepper, address.GetAddressBytes()), 0, 16);
}

/// <summary>Checks the rate-limit settings at start, with Swedish messages, beside the host's own validation.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<KunskapsbankOptions>
{
    public ValidateOptionsResult Validate(string? name, KunskapsbankOptions options)
    {
        var settings = options.RateLimit;
        var errors = new List<string>();
        void Range(int value, int min, int max, string key)
        {
            if (value < min || value > max)
            {
                errors.Add($"Kunskapsbank:RateLimit:{key} måste vara mellan {min} och {max} (nu {value}).");
            }
        }

        Range(settings.Burst, 1, 1_000_000, nameof(settings.Burst));
        Range(settings.ConcurrentPerClient, 1, 1000, nameof(settings.ConcurrentPerClient));
        Range(settings.QueuePerClient, 0, 10_000, nameof(settings.QueuePerClient));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
