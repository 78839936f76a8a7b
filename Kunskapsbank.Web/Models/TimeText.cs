using System.Globalization;

namespace Kunskapsbank.Web.Models;

/// <summary>Times and sizes as an editor reads them: "i dag 14:03", "i går 09:12", "3 dec. 2026 14:03", "1,2 MB".</summary>
/// <param name="Now">The present, for "i dag" and "i går".</param>
/// <param name="Zone">The service's time zone: editors and the service share an office clock.</param>
public sealed record TimeText(DateTimeOffset Now, TimeZoneInfo Zone)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>A moment in the service's local time, relative to today when near.</summary>
    public string Of(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);
        var day = DateOnly.FromDateTime(local.DateTime);
        var clock = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return day == today ? $"i dag {clock}"
            : day == today.AddDays(-1) ? $"i går {clock}"
            : day.Year == today.Year ? $"{local.ToString("d MMM", Swedish).TrimEnd('.')} {clock}"
            : $"{local.ToString("d MMM yyyy", Swedish).Replace(".", string.Empty, StringComparison.Ordinal)} {clock}";
    }

    /// <summary>The machine-readable form for `&lt;time datetime&gt;`.</summary>
    /// <remarks>Round-trip precision: the page passes the newest change's time back, and a rounded time would repeat it.</remarks>
    public static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>"0 byte", "812 byte", "32 kB", "1,2 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1000 => $"{bytes.ToString(CultureInfo.InvariantCulture)} byte",
        < 1_000_000 => $"{(bytes / 1000.0).ToString("0", Swedish)} kB",
        < 1_000_000_000 => $"{(bytes / 1_000_000.0).ToString("0.#", Swedish)} MB",
        _ => $"{(bytes / 1_000_000_000.0).ToString("0.#", Swedish)} GB",
    };
}
