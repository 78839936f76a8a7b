namespace Kunskapsbank.Api.Security;

/// <summary>Rate limiting of search and suggest (section `Kunskapsbank:RateLimit`).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Limit at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client may make per window.</summary>
    public int PermitLimit { get; set; } = 300;

    /// <summary>The window in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}
