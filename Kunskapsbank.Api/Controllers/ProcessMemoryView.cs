using System.Runtime;

namespace Kunskapsbank.Api.Controllers;

/// <summary>The process's memory as an operator needs it to tell the .NET heap from SQLite's and the runtime's own.</summary>
/// <param name="ResidentMb">Resident set (what `top` and the memory target count).</param>
/// <param name="PeakResidentMb">Highest resident set since start (VmHWM), when the platform reports it.</param>
/// <param name="ManagedHeapMb">Bytes in the .NET heap after the last collection.</param>
/// <param name="ManagedCommittedMb">Memory the garbage collector holds from the system, used or not.</param>
/// <param name="ServerGarbageCollector">True for server GC (one heap per core, dynamically sized).</param>
/// <param name="Collections">Garbage collections (gen 0 and up) since start.</param>
public sealed record ProcessMemoryView(double ResidentMb, double? PeakResidentMb, double ManagedHeapMb, double ManagedCommittedMb, bool ServerGarbageCollector, int Collections)
{
    private const double Mb = 1024 * 1024;

    /// <summary>Reads the figures now.</summary>
    public static ProcessMemoryView Now()
    {
        var info = GC.GetGCMemoryInfo();
        return new ProcessMemoryView(
            Math.Round(Environment.WorkingSet / Mb, 1),
            PeakResident(),
            Math.Round(info.HeapSizeBytes / Mb, 1),
            Math.Round(info.TotalCommittedBytes / Mb, 1),
            GCSettings.IsServerGC,
            GC.CollectionCount(0));
    }

    private static double? PeakResident()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal) && long.TryParse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var kb))
                {
                    return Math.Round(kb / 1024.0, 1);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
