using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Tests;

/// <summary>A temp folder, the solution layout and a guard that kills every child process when the test is done.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kb-stress-test-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        Layout = SolutionLayout.Locate();
        Layout.EnsureBuilt();
    }

    public string Path { get; }

    public SolutionLayout Layout { get; }

    public ChildProcessGuard Guard { get; } = new();

    /// <summary>Test data copied next to the test assembly (tests/data/stress).</summary>
    public static string Data(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "stress", relative);

    public string Sub(string name)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        Guard.Dispose();
        CorpusFolder.DeleteQuietly(Path);
    }
}
