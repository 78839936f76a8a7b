using Kunskapsbank.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Gaps;

/// <summary>Drains the <see cref="GapRecorder"/> queue into the <see cref="GapStore"/> and deletes old days.</summary>
internal sealed class GapWriterService(
    GapRecorder recorder,
    Lazy<GapStore> store,
    IndexHost host,
    IOptions<KunskapsbankOptions> options,
    TimeProvider clock,
    ILogger<GapWriterService> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Gaps;
        if (!settings.Enabled)
        {
            return;
        }

        var lastCleanup = DateOnly.MinValue;
        var batch = new List<(DateOnly Day, string Terms, int Hits)>(BatchSize);
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < BatchSize && recorder.Reader.TryRead(out var observation))
                {
                    if (host.Index is { } index && QueryNormalizer.Normalize(index.Analyzer, observation.Query) is { } terms)
                    {
                        batch.Add((observation.Day, terms, observation.Hits));
                    }
                }

                var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
                Write(batch, today != lastCleanup ? today.AddDays(-settings.RetentionDays) : null);
                lastCleanup = today;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is still queued is a handful of counts.
        }
    }

    private void Write(List<(DateOnly Day, string Terms, int Hits)> batch, DateOnly? deleteBefore)
    {
        try
        {
            if (batch.Count > 0)
            {
                store.Value.Add(batch);
            }

            if (deleteBefore is { } before)
            {
                store.Value.DeleteBefore(before);
            }
        }
#pragma warning disable CA1031 // The gap report is a side feature: a failing store must never hurt search.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Kunskapsluckorna kunde inte sparas; {Count} sökningar räknas inte.", batch.Count);
        }
    }
}
