namespace Kunskapsbank.Stress.Memory;

/// <summary>One reading of a process's VmRSS and its parts from /proc/&lt;pid&gt;/status, in MB.</summary>
/// <param name="AnonMb">RssAnon: the .NET heaps, thread stacks and other private memory.</param>
/// <param name="FileMb">RssFile: pages of mapped files (index files, assemblies) that the kernel can drop and re-read.</param>
/// <param name="ShmemMb">RssShmem: shared memory, mostly .NET's double-mapped JIT code (W^X).</param>
public sealed record ResidentSet(double RssMb, double AnonMb, double FileMb, double ShmemMb)
{
    /// <summary>"303 MB (anon 149 + fil 122 + shmem 32)".</summary>
    public string Split => $"anon {AnonMb:F0} + fil {FileMb:F0} + shmem {ShmemMb:F0}";

    /// <summary>The figures as a JSON-ready object.</summary>
    public object ToFigures() => new
    {
        rss_mb = Math.Round(RssMb, 1),
        anon_mb = Math.Round(AnonMb, 1),
        file_mb = Math.Round(FileMb, 1),
        shmem_mb = Math.Round(ShmemMb, 1),
    };
}
