using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Tests.Extraction;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>Recent changes are pruned to the newest <see cref="IndexSchema.RecentChangesKept"/> at commits, except at a
/// bulk change's intermediate ones (which write only the newest since the last commit); the report reads only the
/// newest either way.</summary>
public sealed class ChangePruningTests
{
    private const int Written = IndexSchema.RecentChangesKept + 20;

    [Fact]
    public void Commit_WithoutPruning_KeepsOldChanges_AndTheNewestAreStillTheOnesRead()
    {
        using var folder = new TestDocuments.TempFolder();
        using var store = IndexStore.Open(folder.File("index"), readOnly: false);
        var batch = WriteFailures(store);

        batch.Commit(completedSync: false, pruneChanges: false);

        using (var lease = store.Acquire())
        {
            Assert.Equal(Written, StoredReading.AllOfKind(lease.Searcher, IndexSchema.Kinds.Change).Count);
            var newest = StoredReading.ReadChanges(lease.Searcher, store.Data.NextChange - IndexSchema.RecentChangesKept);
            Assert.Equal(IndexSchema.RecentChangesKept, newest.Count);
            Assert.Equal($"fil-{Written - 1}.pdf", newest[0].Path);
            Assert.Equal($"fil-{Written - IndexSchema.RecentChangesKept}.pdf", newest[^1].Path);
        }

        batch.Commit(completedSync: true);

        using (var lease = store.Acquire())
        {
            Assert.Equal(IndexSchema.RecentChangesKept, StoredReading.AllOfKind(lease.Searcher, IndexSchema.Kinds.Change).Count);
        }
    }

    [Fact]
    public void Commit_PrunesToTheNewestChangesByDefault()
    {
        using var folder = new TestDocuments.TempFolder();
        using var store = IndexStore.Open(folder.File("index"), readOnly: false);
        WriteFailures(store).Commit(completedSync: false);

        using var lease = store.Acquire();
        var kept = StoredReading.AllOfKind(lease.Searcher, IndexSchema.Kinds.Change).Count;
        Assert.Equal(IndexSchema.RecentChangesKept, kept);
    }

    [Fact]
    public void A_bulk_change_writes_only_the_changes_its_final_prune_would_keep()
    {
        using var folder = new TestDocuments.TempFolder();
        using var store = IndexStore.Open(folder.File("index"), readOnly: false);
        var batch = new IndexBatch(store, []);
        using (batch.BeginBulk())
        {
            WriteFailures(store, batch);
            batch.MergeToOneSegment();
            batch.Commit(completedSync: true);
        }

        using var lease = store.Acquire();
        var all = StoredReading.AllOfKind(lease.Searcher, IndexSchema.Kinds.Change);
        Assert.Equal(IndexSchema.RecentChangesKept, all.Count);
        Assert.False(lease.Searcher.IndexReader.HasDeletions);
        var newest = StoredReading.ReadChanges(lease.Searcher, store.Data.NextChange - IndexSchema.RecentChangesKept);
        Assert.Equal($"fil-{Written - 1}.pdf", newest[0].Path);
        Assert.Equal($"fil-{Written - IndexSchema.RecentChangesKept}.pdf", newest[^1].Path);
        Assert.Equal(Written + 1, store.Data.NextChange);
    }

    // A failure is the cheapest write that records a change: a ledger entry and a change, no document.
    private static IndexBatch WriteFailures(IndexStore store, IndexBatch? into = null)
    {
        var batch = into ?? new IndexBatch(store, []);
        for (var i = 0; i < Written; i++)
        {
            batch.RecordFailure($"fil-{i}.pdf", new FileFingerprint(1, i, "hash"), "meta", "skadad", "Filen är skadad.", existingId: null);
        }

        return batch;
    }
}
