using System.Diagnostics;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Keeps the <see cref="Vocabulary"/> in step with the index without making searches wait for a reload.</summary>
/// <remarks>Reading every surface word of the term dictionary takes a while on a big index; a vocabulary one change
/// behind only delays a correction or a completion, so once one is loaded, a newer reader's words are read in the
/// background while the older vocabulary keeps answering. A load that is cheap (a small index: the shipped corpus, the
/// tests) is simply done in line, so there the vocabulary is always exact. "Small" is decided by the word count as well as
/// by the clock: on a loaded machine a small load can take longer than the limit, and the answer must not depend on that.</remarks>
public sealed class VocabularyCache(IndexStore store)
{
    /// <summary>Loads faster than this are done in line; slower ones move to the background.</summary>
    private static readonly TimeSpan InlineLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>A vocabulary with fewer words than this is always reloaded in line: the tests and a small corpus get an exact vocabulary.</summary>
    private const int InlineWordCount = 50_000;

    /// <summary>Shortest pause between background loads, so a long indexing run does not keep a core busy re-reading.</summary>
    private static readonly TimeSpan MinimumPause = TimeSpan.FromSeconds(2);

    private readonly System.Threading.Lock _lock = new();
    private volatile Loaded? _current;
    private bool _refreshing;

    private sealed record Loaded(long Version, Vocabulary Vocabulary, TimeSpan Cost, long FinishedTimestamp);

    /// <summary>The vocabulary for <paramref name="searcher"/>'s reader, or the newest one loaded while a newer one is read.</summary>
    public Vocabulary Get(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var version = VersionOf(searcher.IndexReader);
        var current = _current;
        if (current is not null && current.Version >= version)
        {
            return current.Vocabulary;
        }

        if (current is null || current.Cost < InlineLimit || current.Vocabulary.WordCount < InlineWordCount)
        {
            lock (_lock)
            {
                current = _current;
                if (current is null || current.Version < version)
                {
                    _current = current = Load(searcher.IndexReader);
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
                using var lease = store.Acquire();
                var loaded = Load(lease.Searcher.IndexReader);
                lock (_lock)
                {
                    if (loaded.Version >= (_current?.Version ?? -1))
                    {
                        _current = loaded;
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                // The index closed: the vocabulary in use stays until the process ends.
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

    private static long VersionOf(IndexReader reader) => reader is DirectoryReader directory ? directory.Version : 0;

    private static Loaded Load(IndexReader reader)
    {
        var started = Stopwatch.GetTimestamp();
        var vocabulary = new Vocabulary(TermDictionaryReader.ReadWords(reader));
        return new Loaded(VersionOf(reader), vocabulary, Stopwatch.GetElapsedTime(started), Stopwatch.GetTimestamp());
    }
}
