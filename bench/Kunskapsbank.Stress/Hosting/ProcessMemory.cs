using System.Globalization;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Reads a process's memory figures from /proc/&lt;pid&gt;/status (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size so far (VmHWM) in MB, or null when the process is gone.</summary>
    public static double? PeakRssMb(int pid) => ReadKb(pid, "VmHWM:") / 1024.0;

    /// <summary>Current resident set size (VmRSS) in MB, or null when the process is gone.</summary>
    public static double? CurrentRssMb(int pid) => ReadKb(pid, "VmRSS:") / 1024.0;

    private static long? ReadKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var digits = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
