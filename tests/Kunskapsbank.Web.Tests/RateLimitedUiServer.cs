namespace Kunskapsbank.Web.Tests;

/// <summary>A second real host whose searches run out after three, to see what a person sees at a 429.</summary>
public sealed class RateLimitedUiServer : UiServer
{
    /// <summary>Searches the host allows before it answers 429 (none come back within the test).</summary>
    public const int Searches = 3;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Kunskapsbank:RateLimit:PermitLimit"] = "1",
        ["Kunskapsbank:RateLimit:WindowSeconds"] = "3600",
        ["Kunskapsbank:RateLimit:Burst"] = Searches.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
