using Kunskapsbank.Stress.Hosting;

namespace Kunskapsbank.Stress.Memory;

/// <summary>Samples a process's resident set during one phase (e.g. the load), for its peak and its steady level.</summary>
public sealed class ResidentSetSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly TimeSpan _interval;
    private readonly List<ResidentSet> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    /// <summary>Starts sampling <paramref name="pid"/> every <paramref name="interval"/>.</summary>
    public ResidentSetSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _interval = interval;
        _loop = Task.Run(SampleAsync);
    }

    /// <summary>How many readings have been taken so far.</summary>
    public int SampleCount => Volatile.Read(ref _count);

    /// <summary>Stops sampling and summarises what was seen.</summary>
    public async Task<ResidentSetSummary> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return ResidentSetSummary.Of(_samples);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        do
        {
            if (ProcessMemory.Current(_pid) is not { } sample)
            {
                return;
            }

            _samples.Add(sample);
            Interlocked.Increment(ref _count);
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>The highest and the typical reading of a phase, each with its split.</summary>
/// <param name="Peak">The sample with the highest VmRSS.</param>
/// <param name="Steady">The median sample (by VmRSS) after the first quarter of the phase, when the service has ramped up.</param>
public sealed record ResidentSetSummary(ResidentSet Peak, ResidentSet Steady, int Samples)
{
    /// <summary>An empty phase gives zeros.</summary>
    public static ResidentSetSummary Of(IReadOnlyList<ResidentSet> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            var none = new ResidentSet(0, 0, 0, 0);
            return new ResidentSetSummary(none, none, 0);
        }

        var peak = samples.MaxBy(s => s.RssMb)!;
        var settled = samples.Skip(samples.Count / 4).OrderBy(s => s.RssMb).ToList();
        return new ResidentSetSummary(peak, settled[settled.Count / 2], samples.Count);
    }
}
