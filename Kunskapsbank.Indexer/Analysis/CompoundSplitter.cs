namespace Kunskapsbank.Indexer.Analysis;

/// <summary>A part of a compound: where it sits in the word and its dictionary form.</summary>
/// <param name="Offset">Index of the part's first letter in the word.</param>
/// <param name="Length">Length of the part as written (linking -s-, -e-, -o- included).</param>
/// <param name="Lemma">Dictionary form: "vålds" → "våld", "kvinno" → "kvinna".</param>
public readonly record struct CompoundPart(int Offset, int Length, string Lemma);

/// <summary>Splits Swedish compounds into dictionary parts ("våldsutsatta" → våld + utsatta); stateless after loading.</summary>
/// <remarks>
/// Rules, in order: a word is covered by parts that hunspell allows in compounds (first/middle parts, inflected last
/// part), each at least 3 letters; free root words and their -s forms may stand in, at most one per split; the split
/// with the fewest parts wins (ties: fewer stand-ins, then longer parts from the left), and each part is split again if it
/// is itself a compound of parts of at least 4 letters. Words that are dictionary words on their own ("myndighet",
/// "kontroll") need stronger evidence: parts of 4+ letters, or a 3-letter part next to a long or linked one.
/// Particles (över, för, sam), derivational endings (-het, -dom, -skap) and inflectional tails (-ska, -liga) never
/// count as parts.
/// </remarks>
public sealed class CompoundSplitter(CompoundLexicon lexicon)
{
    /// <summary>Words longer than this are not split (no Swedish compound is; it bounds the work on garbage).</summary>
    public const int MaxWordLength = 64;

    private const int MinPartLength = 3;
    private const int MinInnerPartLength = 4;

    /// <summary>The parts of a lower-case word, or an empty list if it is not a compound.</summary>
    public IReadOnlyList<CompoundPart> Split(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 2 * MinPartLength || word.Length > MaxWordLength || !IsLowerLetters(word))
        {
            return [];
        }

        return SplitWhole(word) ?? [];
    }

    /// <summary>The dictionary forms of a word written as a compound's first part and left dangling before a hyphen and
    /// a conjunction: "hälso" (hälso- och sjukvård) → hälsa, "byggnads" → byggnad, "barnskydds" → barnskydd, barn, skydd; empty
    /// when the word is no first part, or already its own dictionary form.</summary>
    public IReadOnlyList<CompoundPart> SplitFirstPart(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < MinPartLength || word.Length > MaxWordLength || !IsLowerLetters(word))
        {
            return [];
        }

        if (AsNonLast(word) is { } single)
        {
            if (single.Lemma == word)
            {
                return [];
            }

            // A first part that is a compound itself (barnskydds → barnskydd) also gives its parts, as in a compound.
            // They are found in the lemma; the written form differs only at its end, so their places are kept within it.
            List<CompoundPart> parts = [new CompoundPart(0, word.Length, single.Lemma)];
            foreach (var part in Split(single.Lemma))
            {
                var offset = Math.Min(part.Offset, word.Length - 1);
                parts.Add(new CompoundPart(offset, Math.Min(part.Length, word.Length - offset), part.Lemma));
            }

            return parts;
        }

        return BestSplit(word, 0, word.Length, MinPartLength, asLast: false) ?? [];
    }

    private List<CompoundPart>? SplitWhole(string word)
    {
        if (!IsDictionaryWord(word))
        {
            return SplitRefined(word, 0, word.Length, MinPartLength, asLast: true);
        }

        var strict = SplitRefined(word, 0, word.Length, MinInnerPartLength, asLast: true);
        if (strict is not null && strict.All(p => p.Length >= MinInnerPartLength && Weakness(word, p, IsLast(strict, p)) == 0))
        {
            return strict;
        }

        var loose = SplitRefined(word, 0, word.Length, MinPartLength, asLast: true);
        if (loose is not { Count: 2 })
        {
            return null;
        }

        var (first, last) = (loose[0], loose[1]);
        var firstWeak = Weakness(word, first, isLast: false);
        var lastWeak = Weakness(word, last, isLast: true);
        var firstText = word.Substring(first.Offset, first.Length);
        var linked = first.Lemma != firstText; // an explicit linking form: vålds (våld), kvinno (kvinna)
        if (firstWeak == 0 && lastWeak == 0 && first.Length == 3 && last.Length >= 7)
        {
            return loose;
        }

        if (firstWeak == 0 && lastWeak == 0 && linked && last.Length == 3)
        {
            return loose;
        }

        if (firstWeak == 0 && lastWeak == 1 && linked && !firstText.EndsWith('s') && first.Length >= 4 && last.Length >= 4)
        {
            return loose;
        }

        return null;
    }

    private static bool IsLast(List<CompoundPart> parts, CompoundPart part) => parts[^1] == part;

    // Best top-level split of word[start..end], then each part split again with the stricter inner minimum.
    private List<CompoundPart>? SplitRefined(string word, int start, int end, int minLength, bool asLast)
    {
        var best = BestSplit(word, start, end, minLength, asLast);
        if (best is null)
        {
            return null;
        }

        var result = new List<CompoundPart>();
        for (var k = 0; k < best.Count; k++)
        {
            var part = best[k];
            var isLast = asLast && k == best.Count - 1;
            var inner = SplitRefined(word, part.Offset, part.Offset + part.Length, MinInnerPartLength, isLast);
            if (inner is not null && inner.All(p => p.Length >= MinInnerPartLength))
            {
                result.AddRange(inner);
            }
            else
            {
                result.Add(part);
            }
        }

        return result;
    }

    // Dynamic programming over split points: fewest parts, then fewest stand-in parts, then the longest parts from the
    // left (moder+enhet, not mode+renhet; taxerings+lagen, not taxering+slagen).
    private List<CompoundPart>? BestSplit(string word, int start, int end, int minLength, bool asLast)
    {
        var memo = new Candidate?[end - start + 1];
        var done = new bool[end - start + 1];

        Candidate? Best(int i)
        {
            if (done[i - start])
            {
                return memo[i - start];
            }

            Candidate? result = null;
            if (i > start && end - i >= minLength && Classify(word[i..end], asLast) is { } tail)
            {
                result = new Candidate(1, tail.Weak, [new CompoundPart(i, end - i, tail.Lemma)]);
            }

            for (var j = i + minLength; j <= end - minLength; j++)
            {
                if (Classify(word[i..j], isLast: false) is not { } head || StartsWithDerivation(word, j, end))
                {
                    continue;
                }

                if (Best(j) is not { } rest || rest.Weak + head.Weak > 1)
                {
                    continue;
                }

                var candidate = new Candidate(rest.Parts + 1, rest.Weak + head.Weak, [new CompoundPart(i, j - i, head.Lemma), .. rest.Chain]);
                if (result is null || candidate.IsBetterThan(result))
                {
                    result = candidate;
                }
            }

            done[i - start] = true;
            memo[i - start] = result;
            return result;
        }

        return Best(start) is { Parts: >= 2 } best ? best.Chain : null;
    }

    // A part never starts with a derivational ending: "-het" (myndig+het) or "-ering" (taxe+ring).
    private static bool StartsWithDerivation(string word, int j, int end)
    {
        var rest = word.AsSpan(j, end - j);
        return rest.StartsWith("het", StringComparison.Ordinal) || (word[j - 1] == 'e' && rest.StartsWith("ring", StringComparison.Ordinal));
    }

    // Nouns on -ning, -ering, -het, -tion, -sion, -skap, -itet always take a linking -s- inside a compound
    // (taxeringslagen, säkerhetsskydd), so without it they are no first or middle part.
    private static bool NeedsLinkingS(string part) =>
        part.EndsWith("ering", StringComparison.Ordinal) || part.EndsWith("het", StringComparison.Ordinal)
        || part.EndsWith("tion", StringComparison.Ordinal) || part.EndsWith("sion", StringComparison.Ordinal)
        || part.EndsWith("skap", StringComparison.Ordinal) || part.EndsWith("itet", StringComparison.Ordinal)
        || (part.EndsWith("ning", StringComparison.Ordinal) && !part.EndsWith("nning", StringComparison.Ordinal));

    private int Weakness(string word, CompoundPart part, bool isLast) =>
        Classify(word.Substring(part.Offset, part.Length), isLast)?.Weak ?? 0;

    // A candidate part: its lemma and whether it is a stand-in (free root word, not flagged for compounds).
    private (string Lemma, int Weak)? Classify(string part, bool isLast) => isLast ? AsLast(part) : AsNonLast(part);

    private (string Lemma, int Weak)? AsNonLast(string part)
    {
        if (lexicon.Prefixes.Contains(part) || NeedsLinkingS(part))
        {
            return null;
        }

        if (lexicon.TryGet(part, out var roles, out var lemma))
        {
            if ((roles & (CompoundRoles.Begin | CompoundRoles.Middle)) != 0 && !lexicon.Suffixes.Contains(lemma))
            {
                return (lemma, 0);
            }

            if ((roles & CompoundRoles.Root) != 0 && !lexicon.Suffixes.Contains(part))
            {
                return (part, 1);
            }
        }

        // The genitive -s of a free word that hunspell does not list as a compound part: "frids" in "fridskränkning".
        if (part.EndsWith('s'))
        {
            var bare = part[..^1];
            if (lexicon.TryGet(bare, out var bareRoles, out var bareLemma)
                && (bareRoles & (CompoundRoles.Root | CompoundRoles.End)) != 0
                && (bareRoles & CompoundRoles.Begin) == 0
                && bareLemma == bare
                && !lexicon.Prefixes.Contains(bare)
                && !lexicon.Suffixes.Contains(bare))
            {
                return (bare, 1);
            }
        }

        return null;
    }

    private (string Lemma, int Weak)? AsLast(string part)
    {
        if (lexicon.BadEndings.Contains(part) || lexicon.Suffixes.Contains(part) || !lexicon.TryGet(part, out var roles, out var lemma))
        {
            return null;
        }

        if ((roles & CompoundRoles.End) != 0 && !lexicon.Suffixes.Contains(lemma))
        {
            return (lemma, 0);
        }

        return (roles & CompoundRoles.Root) != 0 ? (part, 1) : null;
    }

    private bool IsDictionaryWord(string word) =>
        lexicon.TryGet(word, out var roles, out _) && (roles & (CompoundRoles.End | CompoundRoles.Root)) != 0;

    private static bool IsLowerLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Candidate(int Parts, int Weak, List<CompoundPart> Chain)
    {
        public bool IsBetterThan(Candidate other)
        {
            if (Parts != other.Parts)
            {
                return Parts < other.Parts;
            }

            if (Weak != other.Weak)
            {
                return Weak < other.Weak;
            }

            for (var k = 0; k < Chain.Count; k++)
            {
                if (Chain[k].Length != other.Chain[k].Length)
                {
                    return Chain[k].Length > other.Chain[k].Length;
                }
            }

            return false;
        }
    }
}
