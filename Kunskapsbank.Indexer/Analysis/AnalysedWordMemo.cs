namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Remembers what the word filters of the chain made of a word, shared by every chain of one analyzer.</summary>
/// <remarks>
/// Word frequencies are skewed: in a simulation of this table over the benchmark corpus's words, 97 of 100 were in
/// it when they came. Two-way set-associative, so it never grows: <see cref="Sets"/> × <see cref="Ways"/> words of
/// 150–200 bytes each with their tokens and strings, ≈ 20–25 MB when full. Direct-mapped (one slot per hash) lost a
/// third of its misses to common words sharing a slot (the same simulation: 3.7 % of words missed, 2.5 % with two
/// ways, 2.3 % with four). A set's ways sit side by side with their hashes, so a look-up reads one cache line
/// before it touches the one entry whose hash matches. A word takes a way at its second miss in its set: an empty
/// one, or one whose word was not hit since the set's last miss (a set whose words are all in use unmarks them instead):
/// the long tail of rare words neither pushes out the common ones nor turns the memo's entries into old-generation
/// garbage (with free replacement the build's GC pauses rose by half). Entries are immutable and published with one
/// reference write, so threads share the table without a lock: a reader sees the old entry or the new one and checks
/// its key either way (a hash and an entry torn apart only make a miss); the marks are plain integers and bytes,
/// where a lost write only delays or hastens a replacement.
/// </remarks>
internal sealed class AnalysedWordMemo
{
    /// <summary>Number of sets (a power of two).</summary>
    public const int Sets = 1 << 16;

    /// <summary>Words per set.</summary>
    public const int Ways = 2;

    /// <summary>Longer words are not remembered.</summary>
    public const int MaxWordLength = 40;

    private readonly Way[] _ways = new Way[Sets * Ways];
    private readonly uint[] _seenOnce = new uint[Sets];

    /// <summary>The hash of a word with these characters, type and incoming flags.</summary>
    public static uint HashOf(ReadOnlySpan<char> word, string type, AnalysedWord.Flags flags)
    {
        // FNV-1a: cheap, and good enough to spread words over the sets.
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
        var first = FirstWayOf(hash);
        for (var k = first; k < first + Ways; k++)
        {
            ref var way = ref _ways[k];
            if (way.Hash != hash || Volatile.Read(ref way.Word) is not { } entry || !entry.Is(word, type, flags))
            {
                continue;
            }

            // Read before written: once a common word is marked, its hits write nothing (the table is shared by threads).
            if (way.HitSince == 0)
            {
                way.HitSince = 1;
            }

            return entry;
        }

        return null;
    }

    /// <summary>The way a word with this hash should take now, or -1: it missed in its set before, and that way is
    /// empty or else its word was not hit since the set's last miss (when every word of the set was, they are unmarked
    /// and survive this miss; the next one may replace them).</summary>
    public int Claim(uint hash)
    {
        var first = FirstWayOf(hash);
        var victim = -1;
        for (var k = first; k < first + Ways && victim < 0; k++)
        {
            if (_ways[k].Word is null)
            {
                victim = k;
            }
        }

        for (var k = first; k < first + Ways && victim < 0; k++)
        {
            if (_ways[k].HitSince == 0)
            {
                victim = k;
            }
        }

        if (victim < 0)
        {
            for (var k = first; k < first + Ways; k++)
            {
                _ways[k].HitSince = 0;
            }

            return -1;
        }

        ref var seen = ref _seenOnce[hash & (Sets - 1)];
        if (seen == hash)
        {
            return victim;
        }

        seen = hash;
        return -1;
    }

    /// <summary>Forgets every word (a reader at the same moment sees an entry or none, and either is right).</summary>
    public void Clear()
    {
        Array.Clear(_ways);
        Array.Clear(_seenOnce);
    }

    /// <summary>Remembers <paramref name="entry"/> in the way <see cref="Claim"/> gave, replacing what was there.</summary>
    public void Remember(int way, uint hash, AnalysedWord entry)
    {
        ref var target = ref _ways[way];
        target.HitSince = 0;
        target.Hash = hash;
        Volatile.Write(ref target.Word, entry);
    }

    private static int FirstWayOf(uint hash) => (int)(hash & (Sets - 1)) * Ways;

    // A way of a set: its word's hash beside the entry, so a look-up compares hashes before it reads an entry.
    private struct Way
    {
        public AnalysedWord? Word;
        public uint Hash;
        public byte HitSince;
    }
}
