using System.Globalization;
using Kunskapsbank.Stress.Memory;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Reads a process's memory figures from /proc/&lt;pid&gt;/status (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size so far (VmHWM) in MB, or null when the process is gone.</summary>
    public static double? PeakRssMb(int pid) => ReadStatus(pid)?.GetValueOrDefault("VmHWM") / 1024.0;

    /// <summary>Current VmRSS with its anonymous, file-backed and shared-memory parts, or null when the process is gone.</summary>
    public static ResidentSet? Current(int pid)
    {
        var status = ReadStatus(pid);
        return status is null
            ? null
            : new ResidentSet(
                status.GetValueOrDefault("VmRSS") / 1024.0,
                status.GetValueOrDefault("RssAnon") / 1024.0,
                status.GetValueOrDefault("RssFile") / 1024.0,
                status.GetValueOrDefault("RssShmem") / 1024.0);
    }

    // One read of the status file gives a consistent set: VmRSS = RssAnon + RssFile + RssShmem at that moment.
    private static Dictionary<string, long>? ReadStatus(int pid)
    {
        try
        {
            var fields = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || !line.EndsWith(" kB", StringComparison.Ordinal))
                {
                    continue;
                }

                var digits = line[(colon + 1)..^3].Trim();
                if (long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                {
                    fields[line[..colon]] = kb;
                }
            }

            return fields.Count == 0 ? null : fields;
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
