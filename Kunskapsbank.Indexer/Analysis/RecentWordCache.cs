namespace Kunskapsbank.Indexer.Analysis;

/// <summary>A small direct-mapped cache from a word (looked up by characters) to what a stage made of it.</summary>
/// <remarks>
/// Word frequencies are skewed, so a few thousand recent words answer most look-ups. One slot per hash: a new word
/// replaces the old one, so it never grows: <see cref="Slots"/> words of up to <see cref="MaxWordLength"/> characters,
/// kept in one preallocated character array (≈ 0.5 MB with the values), so neither a look-up nor a store allocates
/// (allocation, not computing, was what the garbage collector made slow). Not thread-safe: each filter instance
/// (Lucene keeps one chain per thread) and each thread of the facade has its own, so the hot path takes no lock.
/// </remarks>
internal sealed class RecentWordCache<TValue>
{
    /// <summary>Number of slots (a power of two).</summary>
    public const int Slots = 1 << 13;

    /// <summary>Longer words are not cached.</summary>
    public const int MaxWordLength = 32;

    private readonly char[] _words = new char[Slots * MaxWordLength];
    private readonly byte[] _lengths = new byte[Slots];
    private readonly TValue[] _values = new TValue[Slots];

    /// <summary>Looks <paramref name="word"/> up; <paramref name="slot"/> is where <see cref="Set"/> would store it (-1: too long).</summary>
    public bool TryGet(ReadOnlySpan<char> word, out TValue value, out int slot)
    {
        value = default!;
        if (word.Length is 0 or > MaxWordLength)
        {
            slot = -1;
            return false;
        }

        // FNV-1a: cheap, and good enough to spread words over the slots.
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        slot = (int)(hash & (Slots - 1));
        if (_lengths[slot] == word.Length && _words.AsSpan(slot * MaxWordLength, word.Length).SequenceEqual(word))
        {
            value = _values[slot];
            return true;
        }

        return false;
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="word"/> in the slot <see cref="TryGet"/> gave.</summary>
    public void Set(int slot, ReadOnlySpan<char> word, TValue value)
    {
        if (slot < 0)
        {
            return;
        }

        word.CopyTo(_words.AsSpan(slot * MaxWordLength, MaxWordLength));
        _lengths[slot] = (byte)word.Length;
        _values[slot] = value;
    }
}
