using System.Diagnostics;
using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Keeps the <see cref="Vocabulary"/> in step with the index without making searches wait for a reload.</summary>
/// <remarks>Reading fts5vocab scans the whole term index: about a second at 10,000 documents, paid by whichever search
/// first needed a correction after any change, so a new file took over a second to become findable. A vocabulary one
/// change behind only delays a correction or a completion, so once one is loaded, a newer generation is read in the
/// background while the older one keeps answering. A load that is cheap (a small index) is simply done in line, which
/// keeps small indexes, the shipped corpus and the tests exact.</remarks>
public sealed class VocabularyCache(IndexStore store)
{
    /// <summary>Loads faster than this are done in line; slower ones move to the background.</summary>
    private static readonly TimeSpan InlineLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>Shortest pause between background loads, so a long indexing run does not keep a core busy re-reading.</summary>
    private static readonly TimeSpan MinimumPause = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private volatile Loaded? _current;
    private bool _refreshing;

    private sealed record Loaded(long Generation, Vocabulary Vocabulary, TimeSpan Cost, long FinishedTimestamp);

    /// <summary>The generation of the vocabulary in use (-1 before the first load).</summary>
    public long Generation => _current?.Generation ?? -1;

    /// <summary>The vocabulary for <paramref name="generation"/>, or the newest one loaded while a newer one is read.</summary>
    /// <param name="session">The caller's reader, used for a load in line (renting a second one could wait for ever).</param>
    public Vocabulary Get(IndexStore.ReaderSession session, long generation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var current = _current;
        if (current is not null && current.Generation >= generation)
        {
            return current.Vocabulary;
        }

        if (current is null || current.Cost < InlineLimit)
        {
            lock (_lock)
            {
                current = _current;
                if (current is null || current.Generation < generation)
                {
                    _current = current = Load(session);
                }

                return current.Vocabulary;
            }
        }

        StartBackgroundLoad(current);
        return current.Vocabulary;
    }

    private void StartBackgroundLoad(Loaded current)
    {
        var pause = TimeSpan.FromTicks(Math.Max(MinimumPause.Ticks, current.Cost.Ticks * 5));
        if (Stopwatch.GetElapsedTime(current.FinishedTimestamp) < pause)
        {
            return;
        }

        lock (_lock)
        {
            if (_refreshing || !ReferenceEquals(current, _current))
            {
                return;
            }

            _refreshing = true;
        }

        _ = Task.Run(() =>
        {
            try
            {
                var session = store.Rent();
                try
                {
                    var loaded = Load(session);
                    lock (_lock)
                    {
                        if (loaded.Generation >= (_current?.Generation ?? -1))
                        {
                            _current = loaded;
                        }
                    }
                }
                finally
                {
                    store.Return(session);
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The store closed or the file is busy: the vocabulary in use stays, and the next request tries again.
            }
            finally
            {
                lock (_lock)
                {
                    _refreshing = false;
                }
            }
        });
    }

    private static Loaded Load(IndexStore.ReaderSession session)
    {
        var started = Stopwatch.GetTimestamp();
        var (generation, vocabulary) = session.InReadTransaction(() =>
        {
            var stems = session.ReadVocabulary(["title_s", "head_s", "body_s", "parts"]);
            var words = session.ReadVocabulary(["title_w", "head_w", "body_w"]);
            return (session.ReadGeneration(), new Vocabulary(stems, words));
        });
        return new Loaded(generation, vocabulary, Stopwatch.GetElapsedTime(started), Stopwatch.GetTimestamp());
    }
}
