using System.Globalization;
using System.Net;
using Kunskapsbank.Web.Gaps;
using Microsoft.AspNetCore.Html;

namespace Kunskapsbank.Web.Models;

/// <summary>The knowledge-gaps page: the overview and the geometry of its server-drawn bar chart.</summary>
public sealed class GapsPage(GapOverview overview, int weeks)
{
    /// <summary>The periods offered as links, in weeks.</summary>
    public static IReadOnlyList<int> PeriodChoices { get; } = [4, 8, 12, 26];

    /// <summary>Chart size in SVG user units; it scales to the column's width.</summary>
    public const int ChartWidth = 640;

    /// <summary>Chart height in SVG user units.</summary>
    public const int ChartHeight = 220;

    private const int PlotLeft = 40;
    private const int PlotTop = 12;
    private const int PlotBottom = 190;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>What the report holds.</summary>
    public GapOverview Overview { get; } = overview;

    /// <summary>The period shown, in weeks.</summary>
    public int Weeks { get; } = weeks;

    /// <summary>True when not a single search was counted in the period.</summary>
    public bool IsEmpty => Overview.Weeks.All(w => w.Searches == 0);

    /// <summary>The top of the chart's scale: the largest week rounded up to 1, 2 or 5 × 10ⁿ.</summary>
    public int ScaleMax
    {
        get
        {
            var max = Math.Max(1, Overview.Weeks.Max(w => w.Searches));
            for (var step = 1; ; step *= 10)
            {
                foreach (var nice in new[] { 1, 2, 5 })
                {
                    if (nice * step >= max)
                    {
                        return nice * step;
                    }
                }
            }
        }
    }

    /// <summary>One bar per week, oldest first.</summary>
    public IReadOnlyList<Bar> Bars
    {
        get
        {
            var count = Overview.Weeks.Count;
            var slot = (double)(ChartWidth - PlotLeft) / Math.Max(1, count);
            var height = PlotBottom - PlotTop;
            return Overview.Weeks.Select((week, i) =>
            {
                var barHeight = height * week.Searches / (double)ScaleMax;
                return new Bar(
                    Round(PlotLeft + (i * slot) + (slot * 0.15)),
                    Round(PlotBottom - barHeight),
                    Round(slot * 0.7),
                    Round(barHeight),
                    Round(PlotLeft + (i * slot) + (slot / 2)),
                    WeekLabel(week.Monday),
                    week.Searches);
            }).ToList();
        }
    }

    /// <summary>Where the plot's base line is.</summary>
    public static int Baseline => PlotBottom;

    /// <summary>Where the top of the scale is.</summary>
    public static int Top => PlotTop;

    /// <summary>Where the plot starts, right of the scale's labels.</summary>
    public static int Left => PlotLeft;

    /// <summary>"v. 12".</summary>
    public static string WeekLabel(DateOnly monday) =>
        "v. " + ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture);

    /// <summary>"5 januari 2026".</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Swedish);

    /// <summary>"5 jan".</summary>
    public static string ShortDate(DateOnly day) => day.ToString("d MMM", Swedish).TrimEnd('.');

    /// <summary>A sentence for screen readers and the figure caption, e.g. "flest vecka 10 (45 sökningar)".</summary>
    public string ChartSummary
    {
        get
        {
            var busiest = Overview.Weeks.MaxBy(w => w.Searches)!;
            var total = Overview.Weeks.Sum(w => w.Searches);
            return IsEmpty
                ? $"Inga sökningar utan svar under de {Weeks} veckorna."
                : $"Sammanlagt {Number(total)} sökningar utan svar under {Weeks} veckor; flest {WeekLabel(busiest.Monday)} ({Number(busiest.Searches)}). Siffrorna står i tabellen.";
        }
    }

    /// <summary>A count in Swedish digit grouping.</summary>
    public static string Number(int value) => value.ToString("N0", Swedish);

    /// <summary>The URL of the page with another period.</summary>
    public static string PeriodUrl(int weeks) => weeks == 12 ? "/kunskapsluckor" : $"/kunskapsluckor?veckor={weeks.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>An SVG &lt;text&gt; element (Razor reserves the `text` tag, so it is written here, encoded).</summary>
    public static IHtmlContent SvgText(string cssClass, object x, object y, string anchor, string content) =>
        new HtmlString(string.Create(
            CultureInfo.InvariantCulture,
            $"<text class=\"{cssClass}\" x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(content)}</text>"));

    // SVG coordinates are written with a decimal point whatever the request's culture.
    private static string Round(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A week's bar: rectangle (SVG coordinates), the centre of its label, the label and the count.</summary>
    public sealed record Bar(string X, string Y, string Width, string Height, string LabelX, string Label, int Searches);
}
