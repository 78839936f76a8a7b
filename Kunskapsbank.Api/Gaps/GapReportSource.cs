using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Web.Gaps;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Gaps;

/// <summary>The gaps page's figures from the <see cref="GapStore"/>: weekly totals, frequent and rising queries.</summary>
/// <remarks>The same minimum count as `/api/admin/gaps` guards every query shown; weekly totals are numbers only.</remarks>
internal sealed class GapReportSource(Lazy<GapStore> store, IOptions<KunskapsbankOptions> options, TimeProvider clock) : IGapReportSource
{
    private const int ListLimit = 50;
    private const int RisingWeeks = 4;

    public bool IsPageEnabled => options.Value.Gaps is { Enabled: true, ShowPage: true };

    public GapOverview Overview(int weeks)
    {
        var settings = options.Value.Gaps;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var from = thisMonday.AddDays(-7 * (weeks - 1));
        var totals = store.Value.WeeklyTotals(from);
        var weekList = Enumerable.Range(0, weeks)
            .Select(i => from.AddDays(7 * i))
            .Select(monday => new GapWeek(monday, totals.GetValueOrDefault(monday)))
            .ToList();
        var frequent = store.Value.Report(from, settings.MinimumCount, ListLimit)
            .Select(g => new GapTerm(g.Terms, g.Searches, g.Days, g.LastDay, g.MaxHits))
            .ToList();
        var split = thisMonday.AddDays(-7 * (RisingWeeks - 1));
        var rising = store.Value.Rising(split.AddDays(-7 * RisingWeeks), split, settings.MinimumCount, ListLimit)
            .Select(r => new RisingGap(r.Terms, r.Earlier, r.Recent))
            .ToList();
        return new GapOverview(from, today, settings.MinimumCount, settings.MaxHits, settings.RetentionDays, weekList, frequent, rising);
    }
}
