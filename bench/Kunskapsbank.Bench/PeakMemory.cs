namespace Kunskapsbank.Bench;

/// <summary>Reads the process's resident memory from /proc (Linux).</summary>
internal static class PeakMemory
{
    /// <summary>Peak resident set size (VmHWM) in MB, or 0 where /proc is missing.</summary>
    public static double PeakRssMb() => Read("VmHWM:");

    /// <summary>Current resident set size (VmRSS) in MB.</summary>
    public static double CurrentRssMb() => Read("VmRSS:");

    private static double Read(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? 0 : long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
