using Kunskapsbank.Indexer;
using Kunskapsbank.Indexer.Extraction;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Hosting;

/// <summary>Owns the one open index of the process and knows whether it is usable yet.</summary>
/// <remarks>The index opens in the background so the host answers /health/live at once; until then requests get 503.</remarks>
public sealed class IndexHost(IOptions<KunskapsbankOptions> options, ILogger<IndexHost> logger) : IDisposable
{
    private readonly TaskCompletionSource _initialSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile KunskapsbankIndex? _index;
    private volatile bool _hadEarlierSync;
    private SearchCacheWarmer? _warmer;
    private volatile string? _openError;

    /// <summary>The open index, or null while it is still opening (or failed to).</summary>
    public KunskapsbankIndex? Index => _index;

    /// <summary>True once the index is open and holds a completed sync (from this run or an earlier one).</summary>
    public bool IsReady => _index is not null && (_hadEarlierSync || _initialSync.Task.IsCompleted);

    /// <summary>True once this process's first full sync has finished.</summary>
    public bool InitialSyncDone => _initialSync.Task.IsCompleted;

    /// <summary>Completes when this process's first full sync has finished.</summary>
    public Task InitialSync => _initialSync.Task;

    /// <summary>A Swedish reason the index could not be opened, or null.</summary>
    public string? OpenError => _openError;

    /// <summary>Opens (or creates) the index file; failures are logged and reported by /health/ready, never thrown.</summary>
    public async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var folder = Path.GetDirectoryName(settings.IndexPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var index = await Task.Run(
                () =>
                {
                    var opened = KunskapsbankIndex.Open(new IndexOptions(settings.IndexPath, settings.CorpusPath)
                    {
                        Limits = ExtractionLimits.Default with { MaxOcrPages = settings.Ocr.MaxPagesPerFile },
                        RunOcr = settings.Ocr.Enabled,
                        ReleaseMemoryAfterBulkChange = true,
                    });

                    try
                    {
                        // Facet ordinals, titles and vocabulary; paid here, so the first caller does not pay it.
                        opened.Search.Warm();
                        return opened;
                    }
                    catch
                    {
                        opened.Dispose();
                        throw;
                    }
                },
                cancellationToken);
            _hadEarlierSync = index.LastSync is not null;
            var warmer = new SearchCacheWarmer(
                index.Search.Warm,
                ex => logger.LogDebug(ex, "Sökningens cacheminnen byggdes inte i förväg efter en ändring; den första sökningen bygger dem."));
            index.Changed += (_, _) => warmer.Request();
            _warmer = warmer;
            _index = index;
            logger.LogInformation("Sökindexet är öppnat: {IndexPath}", settings.IndexPath);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // A broken index must leave a running host that says so, not a crash loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _openError = "Sökindexet kunde inte öppnas. Se tjänstens logg.";
            logger.LogError(ex, "Sökindexet kunde inte öppnas: {IndexPath}", settings.IndexPath);
            return false;
        }
    }

    /// <summary>Runs the index's write path once on a built-in document (see <c>ICorpusIndexer.WarmWritePath</c>), so the
    /// first file an editor drops after a start becomes searchable as fast as the next; a failure is logged, never thrown.</summary>
    public async Task WarmWritePathAsync(CancellationToken cancellationToken)
    {
        if (_index is not { } index)
        {
            return;
        }

        try
        {
            var whole = await Task.Run(index.Corpus.WarmWritePath, cancellationToken);
            logger.LogDebug("Skrivvägen är uppvärmd (hela vägen: {Whole})", whole);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // Warming up is an optimisation: the files are indexed without it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Uppvärmningen av skrivvägen misslyckades; den första nya filen kan ta längre tid att bli sökbar.");
        }
    }

    /// <summary>Marks the first full sync as done (successful or not: the index is as good as it gets).</summary>
    public void MarkInitialSyncDone() => _initialSync.TrySetResult();

    /// <inheritdoc />
    public void Dispose()
    {
        // A warm-up reads the index's files: it ends before they close.
        _warmer?.WhenIdleAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(10));
        _index?.Dispose();
    }
}
