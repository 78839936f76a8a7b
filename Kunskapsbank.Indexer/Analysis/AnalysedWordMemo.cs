namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Remembers what the word filters of the chain made of a word, shared by every chain of one analyzer.</summary>
/// <remarks>
/// Word frequencies are skewed: nine of ten words of the benchmark corpus were in the memo when they came. Direct-mapped,
/// one slot per hash, so it never grows: <see cref="Slots"/> words of 150–200 bytes each with their tokens and strings,
/// ≈ 20–25 MB when full. A word takes its slot at its second miss there, and only when the word in the slot was not hit
/// since the slot's last miss: the long tail of rare words neither pushes out the common ones nor turns the memo's
/// entries into old-generation garbage (with free replacement the build's GC pauses rose by half). Entries are
/// immutable and published with one reference write, so threads share the table without a lock: a reader sees the old
/// entry or the new one and checks its key either way; the marks are plain integers and bytes, where a lost write only
/// delays or hastens a replacement.
/// </remarks>
internal sealed class AnalysedWordMemo
{
    /// <summary>Number of slots (a power of two).</summary>
    public const int Slots = 1 << 17;

    /// <summary>Longer words are not remembered.</summary>
    public const int MaxWordLength = 40;

    private readonly AnalysedWord?[] _words = new AnalysedWord?[Slots];
    private readonly uint[] _seenOnce = new uint[Slots];
    private readonly byte[] _hitSince = new byte[Slots];

    /// <summary>The hash of a word with these characters, type and incoming flags.</summary>
    public static uint HashOf(ReadOnlySpan<char> word, string type, AnalysedWord.Flags flags)
    {
        // FNV-1a: cheap, and good enough to spread words over the slots.
        var hash = (2166136261u ^ (uint)flags ^ ((uint)type.Length << 8)) * 16777619u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }

    /// <summary>The remembered word when it is this one, else null.</summary>
    public AnalysedWord? Find(uint hash, ReadOnlySpan<char> word, string type, AnalysedWord.Flags flags)
    {
        var slot = hash & (Slots - 1);
        var entry = Volatile.Read(ref _words[slot]);
        if (entry is null || !entry.Is(word, type, flags))
        {
            return null;
        }

        // Read before written: once a common word is marked, its hits write nothing (the table is shared by threads).
        if (_hitSince[slot] == 0)
        {
            _hitSince[slot] = 1;
        }

        return entry;
    }

    /// <summary>True when a word with this hash should take its slot now: it missed before, and the word there was not
    /// hit since the last miss on the slot (a word in use survives one miss; the next one unmarks it).</summary>
    public bool ShouldRemember(uint hash)
    {
        var slot = hash & (Slots - 1);
        if (_hitSince[slot] != 0)
        {
            _hitSince[slot] = 0;
            return false;
        }

        ref var seen = ref _seenOnce[slot];
        if (seen == hash)
        {
            return true;
        }

        seen = hash;
        return false;
    }

    /// <summary>Forgets every word (a reader at the same moment sees an entry or none, and either is right).</summary>
    public void Clear()
    {
        Array.Clear(_words);
        Array.Clear(_seenOnce);
        Array.Clear(_hitSince);
    }

    /// <summary>Remembers <paramref name="entry"/> in its slot, replacing what was there (see <see cref="ShouldRemember"/>).</summary>
    public void Remember(uint hash, AnalysedWord entry) => Volatile.Write(ref _words[hash & (Slots - 1)], entry);
}
