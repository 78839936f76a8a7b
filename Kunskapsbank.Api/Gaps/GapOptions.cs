namespace Kunskapsbank.Api.Gaps;

/// <summary>Settings of the knowledge-gap report (section `Kunskapsbank:Gaps`).</summary>
public sealed class GapOptions
{
    /// <summary>Record and report at all; when off nothing is written and the report endpoint does not exist.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A query is recorded only when it found at most this many documents.</summary>
    public int MaxHits { get; set; } = 2;

    /// <summary>A query is shown only when it was asked at least this many times in the period.</summary>
    public int MinimumCount { get; set; } = 3;

    /// <summary>Days a day's counts are kept before they are deleted.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Show the report as a page (`/kunskapsluckor`) to everyone who reaches the service; the JSON stays behind the admin key.</summary>
    public bool ShowPage { get; set; } = true;

    /// <summary>The gap store; empty means `kunskapsluckor.sqlite` beside the index.</summary>
    public string? StorePath { get; set; }
}
