namespace Kunskapsbank.Web.Gaps;

/// <summary>The knowledge-gap counts the gaps page shows; the host implements it over its gap store.</summary>
/// <remarks>Everything here is already aggregated: counts per week and per normalised query, never a single search.</remarks>
public interface IGapReportSource
{
    /// <summary>False when the report is switched off or not to be shown as a page; the page then does not exist.</summary>
    bool IsPageEnabled { get; }

    /// <summary>The last <paramref name="weeks"/> weeks up to and including the current one.</summary>
    GapOverview Overview(int weeks);
}

/// <summary>Searches with few hits over a period: the weekly trend, the most frequent, and those that rose.</summary>
/// <param name="From">The Monday the period starts.</param>
/// <param name="To">The last day counted (today).</param>
/// <param name="MinimumCount">A query is shown only when it was asked at least this many times.</param>
/// <param name="MaxHits">Only searches with at most this many hits were counted.</param>
/// <param name="RetentionDays">Days counts are kept; older weeks are empty because they were deleted.</param>
/// <param name="Weeks">Every week of the period, oldest first, with all counted searches (also those not shown).</param>
/// <param name="Frequent">The queries asked at least <paramref name="MinimumCount"/> times in the period, most first.</param>
/// <param name="Rising">Queries asked more in the last four weeks than in the four before, largest rise first.</param>
public sealed record GapOverview(
    DateOnly From,
    DateOnly To,
    int MinimumCount,
    int MaxHits,
    int RetentionDays,
    IReadOnlyList<GapWeek> Weeks,
    IReadOnlyList<GapTerm> Frequent,
    IReadOnlyList<RisingGap> Rising);

/// <summary>One week's counted searches.</summary>
/// <param name="Monday">The first day of the ISO week.</param>
public sealed record GapWeek(DateOnly Monday, int Searches);

/// <summary>A normalised query (analysed terms, sorted) and how often it was asked.</summary>
/// <param name="Days">On how many days it was asked.</param>
/// <param name="MaxHits">The most hits any of those searches found.</param>
public sealed record GapTerm(string Terms, int Searches, int Days, DateOnly LastDay, int MaxHits);

/// <summary>A normalised query asked more recently than before.</summary>
/// <param name="Earlier">Searches in the four weeks before the last four.</param>
/// <param name="Recent">Searches in the last four weeks (at least the minimum count).</param>
public sealed record RisingGap(string Terms, int Earlier, int Recent);
