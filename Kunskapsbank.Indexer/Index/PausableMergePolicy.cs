using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Lucene's <see cref="TieredMergePolicy"/> that can be paused while a bulk change writes (see <see cref="IndexStore.BeginBulk"/>).</summary>
/// <remarks>A bulk change ends with a merge to one segment, so merging its segments on the way would write every
/// document once more for nothing (measured: a fifth of a full build's processor time). Forced merges are never paused.
/// Watcher batches flush one small segment each; the tiered policy with a small tier keeps their number low in the
/// background (a merge never blocks a refresh).</remarks>
public sealed class PausableMergePolicy : MergePolicy
{
    private readonly TieredMergePolicy _inner = new()
    {
        // Watcher batches flush tiny segments: merge them early (each one is a term lookup per query word).
        SegmentsPerTier = 5,
        MaxMergeAtOnce = 5,
    };

    private volatile bool _paused;

    /// <summary>While true, only forced merges run.</summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <inheritdoc />
    public override void SetIndexWriter(IndexWriter writer)
    {
        base.SetIndexWriter(writer);
        _inner.SetIndexWriter(writer);
    }

    /// <inheritdoc />
    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos segmentInfos) =>
        _paused ? null : _inner.FindMerges(mergeTrigger, segmentInfos);

    /// <inheritdoc />
    public override MergeSpecification? FindForcedMerges(SegmentInfos segmentInfos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge) =>
        _inner.FindForcedMerges(segmentInfos, maxSegmentCount, segmentsToMerge);

    /// <inheritdoc />
    public override MergeSpecification? FindForcedDeletesMerges(SegmentInfos segmentInfos) =>
        _inner.FindForcedDeletesMerges(segmentInfos);

    /// <inheritdoc />
    public override bool UseCompoundFile(SegmentInfos infos, SegmentCommitInfo mergedInfo) =>
        _inner.UseCompoundFile(infos, mergedInfo);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
    }
}
