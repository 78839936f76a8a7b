using Kunskapsbank.Stress.Hosting;
using Kunskapsbank.Stress.Memory;

namespace Kunskapsbank.Stress.Tests;

public sealed class ResidentSetTests
{
    [Fact]
    public void Reading_a_live_process_splits_its_resident_set_into_anonymous_file_and_shared_memory()
    {
        var reading = ProcessMemory.Current(Environment.ProcessId);

        Assert.NotNull(reading);
        Assert.True(reading.AnonMb > 0 && reading.FileMb > 0, reading.Split);
        // The kernel's VmRSS is the sum of the three parts, each rounded down to whole kB.
        Assert.InRange(reading.AnonMb + reading.FileMb + reading.ShmemMb, reading.RssMb - 0.01, reading.RssMb + 0.01);
    }

    [Fact]
    public void Reading_a_process_that_does_not_exist_gives_nothing()
    {
        Assert.Null(ProcessMemory.Current(int.MaxValue));
    }

    [Fact]
    public async Task Sampling_a_phase_reports_its_peak_and_a_steady_level_at_or_below_it()
    {
        var sampler = new ResidentSetSampler(Environment.ProcessId, TimeSpan.FromMilliseconds(10));
        ResidentSetSummary summary;
        await using (sampler)
        {
            // Allocates and touches 64 MB so that the peak stands out from the rest of the phase, and keeps it until
            // five readings have seen it: a machine busy with other tests may sample less often than every 10 ms.
            var block = new byte[64 * 1024 * 1024];
            Array.Fill(block, (byte)1);
            var seen = sampler.SampleCount;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (sampler.SampleCount < seen + 5 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            GC.KeepAlive(block);
            summary = await sampler.StopAsync();
        }

        Assert.True(summary.Samples >= 5, $"{summary.Samples} mätningar");
        Assert.True(summary.Peak.RssMb >= summary.Steady.RssMb, $"topp {summary.Peak.RssMb}, stadigt {summary.Steady.RssMb}");
        Assert.True(summary.Peak.AnonMb >= 64, summary.Peak.Split);
    }

    [Fact]
    public void The_steady_level_is_the_median_reading_after_the_first_quarter_of_the_phase()
    {
        // A start-up spike in the first quarter counts for the peak but not for the steady level.
        var samples = new[] { 500.0, 100, 200, 300, 220, 210, 230, 240 }
            .Select(rss => new ResidentSet(rss, rss / 2, rss / 4, rss / 4))
            .ToList();

        var summary = ResidentSetSummary.Of(samples);

        Assert.Equal(500, summary.Peak.RssMb);
        Assert.Equal(230, summary.Steady.RssMb);
        Assert.Equal(115, summary.Steady.AnonMb);
    }
}
