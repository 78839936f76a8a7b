using System.Globalization;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>Numbers, counts and durations as a Swedish reader expects them: "1 fil", "2 filer", "10 000", "2,6 s".</summary>
internal static class SwedishText
{
    /// <summary>Swedish number formatting (space between thousands, decimal comma).</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"1 fil", "2 filer", "10 000 filer": the count and the noun in the form that agrees with it.</summary>
    public static string Count(long count, string one, string many) => $"{Number(count)} {(count == 1 ? one : many)}";

    /// <summary>A whole number with a space between the thousands.</summary>
    public static string Number(long value) => value.ToString("#,0", Culture);

    /// <summary>"2,6 s", "1 min 5 s".</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? span.TotalSeconds.ToString("0.0", Culture) + " s"
        : Rounded(span);

    /// <summary>"ca 47 s kvar", "ca 3 min 10 s kvar"; empty when nothing can be said yet.</summary>
    public static string TimeLeft(TimeSpan? left) => left is { } span && span >= TimeSpan.Zero && span < TimeSpan.FromDays(30)
        ? $"ca {Rounded(span)} kvar"
        : string.Empty;

    /// <summary>"170 filer/s", "0,4 filer/s"; empty before there is a rate.</summary>
    public static string Rate(double? perSecond) => perSecond is > 0 and var rate
        ? (rate < 10 ? rate.ToString("0.0", Culture) : Number((long)Math.Round(rate))) + " filer/s"
        : string.Empty;

    private static string Rounded(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(span.TotalSeconds);
        return seconds switch
        {
            < 60 => $"{seconds} s",
            < 600 => $"{seconds / 60} min {seconds % 60} s",
            < 3600 => $"{(seconds + 30) / 60} min",
            _ => $"{seconds / 3600} h {(seconds % 3600) / 60} min",
        };
    }
}
