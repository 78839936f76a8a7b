using System.Threading.RateLimiting;

namespace Kunskapsbank.Api.Security;

/// <summary>One client's limiter for one kind of request: its token bucket, then its concurrency limit.</summary>
/// <remarks>
/// <see cref="RateLimiter.CreateChained"/> would do the acquiring, but its <see cref="RateLimiter.IdleDuration"/> ignores a
/// bucket that is not full (measured: it reports the concurrency limiter's idle time). The partitioned limiter discards
/// partitions idle for 10 s, so a client that emptied its bucket got a full one back after a 10 s pause — twice the
/// sustained rate for a script that pauses. Here a partition is idle only when the bucket is full and nothing runs.
/// </remarks>
internal sealed class ClientRateLimiter(TokenBucketRateLimiter bucket, ConcurrencyLimiter running) : RateLimiter
{
    private readonly RateLimiter _chain = CreateChained(bucket, running);

    public override TimeSpan? IdleDuration =>
        bucket.IdleDuration is { } full && running.IdleDuration is { } quiet ? (full < quiet ? full : quiet) : null;

    public override RateLimiterStatistics? GetStatistics() => _chain.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => _chain.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        _chain.AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chain.Dispose();
            bucket.Dispose();
            running.Dispose();
        }

        base.Dispose(disposing);
    }
}
