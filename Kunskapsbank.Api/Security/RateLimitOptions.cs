namespace Kunskapsbank.Api.Security;

/// <summary>Rate limiting of searches and typeahead per client (section `Kunskapsbank:RateLimit`).</summary>
/// <remarks>
/// A token bucket per client and kind plus a small concurrency limit. The defaults let 30 people typing behind one
/// address (an office behind NAT, a support line) work for hours without a 429 — measured by
/// `OfficeRateLimitSimulationTests` — while one client sending without pause is held to the sustained rate.
/// Typeahead (one request per keystroke, cheaper than a search) has its own bucket, <see cref="TypeaheadShare"/> times larger.
/// </remarks>
public sealed class RateLimitOptions
{
    /// <summary>How many typeahead requests a client gets for each search it may make.</summary>
    public const int TypeaheadShare = 2;

    /// <summary>Limit at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Searches one client gets per window, refilled evenly (the sustained rate).</summary>
    public int PermitLimit { get; set; } = 1800;

    /// <summary>The window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Searches one client may make at once after a quiet spell (the bucket's size).</summary>
    public int Burst { get; set; } = 600;

    /// <summary>Requests of one kind one client may have running at once; more wait in <see cref="QueuePerClient"/>.</summary>
    public int ConcurrentPerClient { get; set; } = 4;

    /// <summary>Requests of one kind that may wait for a running one of the same client; beyond that, 429.</summary>
    public int QueuePerClient { get; set; } = 32;
}
