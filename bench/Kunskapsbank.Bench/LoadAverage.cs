namespace Kunskapsbank.Bench;

/// <summary>The machine's load average (1, 5, 15 minutes) from /proc, so a run on a busy machine says so.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "okänd";
    }
}
