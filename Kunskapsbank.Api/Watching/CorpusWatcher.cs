using Kunskapsbank.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Watching;

/// <summary>Turns file-system events under the corpus folder into paths in the <see cref="PendingChanges"/>.</summary>
/// <remarks>Watchers drop events (buffer overflow, inotify limits); every error asks for a full reconcile instead.</remarks>
public sealed class CorpusWatcher(
    IOptions<KunskapsbankOptions> options,
    PendingChanges queue,
    ReconcileSignal reconcile,
    ILogger<CorpusWatcher> logger) : IDisposable
{
    private FileSystemWatcher? _watcher;

    /// <summary>Starts watching, if the watcher is enabled; events are queued until the loop takes them.</summary>
    public void Start()
    {
        var settings = options.Value;
        if (!settings.Watcher.Enabled || _watcher is not null)
        {
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(settings.CorpusPath)
            {
                IncludeSubdirectories = true,
                InternalBufferSize = settings.Watcher.InternalBufferSize,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Created += (_, e) => Enqueue(e.FullPath);
            watcher.Changed += (_, e) => Enqueue(e.FullPath);
            watcher.Deleted += (_, e) => Enqueue(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Enqueue(e.OldFullPath);
                Enqueue(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                logger.LogWarning("Bevakningen av dokumentmappen tappade händelser ({Error}). En fullständig avstämning körs.", e.GetException().GetType().Name);
                reconcile.Request(SyncTrigger.Reconcile);
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            logger.LogInformation("Bevakar dokumentmappen {CorpusPath}", settings.CorpusPath);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            logger.LogWarning(ex, "Dokumentmappen kunde inte bevakas. Ändringar hittas vid nästa avstämning.");
        }
    }

    private void Enqueue(string path)
    {
        if (!TemporaryFiles.IsTemporary(path))
        {
            queue.Add(path);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }
}
