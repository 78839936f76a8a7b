using System.Collections.Concurrent;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Remembers the compound parts of words already split; thread-safe and bounded.</summary>
/// <remarks>
/// Word frequencies are skewed, so most words repeat: without it splitting is most of the analysis time. Looked up by
/// character span, so a hit allocates nothing. Bound: <see cref="Capacity"/> words; when full it is emptied and fills
/// again with the words in use (cheaper than tracking recency on every hit). At the default 100,000 words it holds at
/// most ≈ 20 MB (a word, its parts and their dictionary forms; most words have no parts and share one empty array).
/// The parts of a word never change, so threads may share results.
/// </remarks>
public sealed class CompoundSplitCache
{
    /// <summary>The default number of words kept.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly CompoundSplitter _splitter;
    private readonly ConcurrentDictionary<string, CompoundPart[]> _parts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompoundPart[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    /// <summary>A cache in front of <paramref name="splitter"/> holding at most <paramref name="capacity"/> words.</summary>
    public CompoundSplitCache(CompoundSplitter splitter, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _splitter = splitter;
        Capacity = capacity;
        _bySpan = _parts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most words kept at once.</summary>
    public int Capacity { get; }

    /// <summary>The dictionary forms of a dangling first part ("hälso" → hälsa); rare, so not cached.</summary>
    public CompoundPart[] SplitFirstPart(ReadOnlySpan<char> word) => [.. _splitter.SplitFirstPart(word.ToString())];

    /// <summary>The parts of a lower-case word (empty when it is not a compound).</summary>
    public CompoundPart[] Split(ReadOnlySpan<char> word)
    {
        if (_bySpan.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var key = word.ToString();
        var split = _splitter.Split(key);
        var parts = split.Count == 0 ? [] : split.ToArray();
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _parts.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        _parts.TryAdd(key, parts);
        return parts;
    }
}
