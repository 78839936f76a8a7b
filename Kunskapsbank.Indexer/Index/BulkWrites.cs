using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The writer's settings for a bulk change, restored on dispose (see <see cref="IndexStore.BeginBulk"/>).</summary>
internal sealed class BulkWrites : IDisposable
{
    /// <summary>The writer's buffer between bulk changes: a watcher batch is small, and the service's memory counts.</summary>
    public const double NormalRamBufferMb = 32;

    /// <summary>The buffer during a bulk change: fewer, larger segments for the final merge to join.</summary>
    public const double BulkRamBufferMb = 128;

    private readonly IndexWriter _writer;
    private readonly PausableMergePolicy _mergePolicy;
    private bool _disposed;

    public BulkWrites(IndexWriter writer, PausableMergePolicy mergePolicy)
    {
        _writer = writer;
        _mergePolicy = mergePolicy;
        _mergePolicy.Paused = true;
        _writer.Config.RAMBufferSizeMB = BulkRamBufferMb;
        _writer.Config.UseCompoundFile = false;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _mergePolicy.Paused = false;
        _writer.Config.RAMBufferSizeMB = NormalRamBufferMb;
        _writer.Config.UseCompoundFile = true;
    }
}
