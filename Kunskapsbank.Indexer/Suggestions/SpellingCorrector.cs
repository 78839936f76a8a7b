using System.Diagnostics;
using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Finds the index word a typed word most likely means, from the term dictionary of one reader.</summary>
/// <remarks>
/// Two routes, each over the surface words of the term dictionary (<see cref="Vocabulary"/>, searched by
/// <see cref="VocabularySearch"/> with <see cref="SwedishEditDistance"/>) and bounded by <see cref="SwedishEditDistance.AllowedEdits"/>:
/// <list type="number">
/// <item>the surface words of titles, headings and bodies near the typed word;</item>
/// <item>only when that finds nothing, compounds: a known first part (compound lexicon or an indexed word) is kept and the
/// rest is corrected against the surface words, and the joined word counts if its stem is in the index
/// ("skyddsbedömnigarna" = "skydds" + "bedömnigarna" → "skyddsbedömningarna", stem "skyddsbedömning"). The remainder
/// gets the edits of its own length, so a typo deep inside a long compound is corrected as in a word of its own.</item>
/// </list>
/// A third route, near stems of the typed word's stem, was tried and dropped: the stemmer cuts garbage endings off a
/// misspelt word ("könsstympnig" → "könsstympn"), so stems one edit apart led to unrelated words ("könsstympas").
/// Among candidates the fewest (weighted) edits win, then the most documents. Work is bounded: at most
/// <see cref="MaxCandidates"/> candidates per lookup, <see cref="MaxSplits"/> compound splits, and the lookups stop at
/// the deadline. Not thread-safe; make one per query.
/// </remarks>
public sealed class SpellingCorrector
{
    /// <summary>Most candidates one lookup collects.</summary>
    public const int MaxCandidates = 256;

    /// <summary>Most compound splits tried for one word.</summary>
    public const int MaxSplits = 4;

    private const int MinHeadLength = 4;
    private const int MinCompoundLength = 8;

    private static readonly string[] WordFields = [.. FieldWeights.Zones.Select(z => z.Words)];

    private readonly Vocabulary _vocabulary;
    private readonly IndexReader _reader;
    private readonly ReusableEnums _enums;
    private readonly Analyzer _analyzer;
    private readonly long _deadline;

    /// <summary>A corrector over <paramref name="vocabulary"/> (the words of <paramref name="reader"/>, looked up with the search's <paramref name="enums"/>) that stops looking at <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public SpellingCorrector(Vocabulary vocabulary, IndexReader reader, ReusableEnums enums, Analyzer analyzer, long deadline)
    {
        _vocabulary = vocabulary;
        _reader = reader;
        _enums = enums;
        _analyzer = analyzer;
        _deadline = deadline;
    }

    /// <summary>True once the time for corrections is used up.</summary>
    public bool OutOfTime => Stopwatch.GetTimestamp() > _deadline;

    /// <summary>The best correction of the lower-case <paramref name="word"/>, or null when nothing in the index is close enough.</summary>
    public Correction? Correct(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var allowed = SwedishEditDistance.AllowedEdits(word.Length);
        if (allowed == 0 || !IsPlainWord(word))
        {
            return null;
        }

        var best = FromWords(word, allowed);
        if (best is null && word.Length >= MinCompoundLength && !OutOfTime)
        {
            best = FromCompound(word);
        }

        return best;
    }

    /// <summary>Only letters: numbers, law references and codes are never corrected.</summary>
    public static bool IsPlainWord(string word) => word.Length > 0 && word.All(char.IsLetter);

    private Correction? FromWords(string word, int allowed)
    {
        Correction? best = null;
        foreach (var (term, docFreq, distance) in Near(word, allowed))
        {
            var candidate = new Correction(term, string.Empty, distance, docFreq, CorrectionRoute.Word);
            if (Ranks(candidate, best))
            {
                best = candidate;
            }
        }

        return best is null ? null : best with { Stem = _analyzer.Stem(best.Word) };
    }

    private Correction? FromCompound(string word)
    {
        var lexicon = _analyzer.Lucene.Lexicon;
        Correction? best = null;
        var splits = 0;
        // Longest known head first: the shortest remainder is the most specific and the cheapest to look up.
        for (var cut = word.Length - 5; cut >= MinHeadLength && splits < MaxSplits && !OutOfTime; cut--)
        {
            var head = word[..cut];
            var known = (lexicon.TryGet(head, out var roles, out _) && (roles & (CompoundRoles.Begin | CompoundRoles.Root)) != 0)
                || WordFields.Any(f => _reader.DocFreq(new Term(f, head)) > 0);
            if (!known)
            {
                continue;
            }

            splits++;
            var tail = word[cut..];
            var allowed = Math.Min(SwedishEditDistance.AllowedEdits(tail.Length), SwedishEditDistance.AllowedEdits(word.Length));
            var tails = Near(tail, allowed)
                .OrderBy(c => c.Distance).ThenByDescending(c => c.DocFreq).ThenBy(c => c.Term, StringComparer.Ordinal)
                .Take(4);
            foreach (var (fixedTail, _, distance) in tails)
            {
                var joined = head + fixedTail;
                var stem = _analyzer.Stem(joined);
                var frequency = TermDictionaryReader.StemFrequency(_reader, stem, _enums);
                var candidate = new Correction(joined, stem, distance, frequency, CorrectionRoute.Compound);
                if (frequency > 0 && Ranks(candidate, best))
                {
                    best = candidate;
                }
            }
        }

        return best;
    }

    private IEnumerable<(string Term, int DocFreq, double Distance)> Near(string word, int allowed) =>
        VocabularySearch.Near(_vocabulary.Words, word, allowed, MaxCandidates)
            .Where(c => IsPlainWord(c.Entry.Term))
            .Select(c => (c.Entry.Term, c.Entry.DocumentCount, c.Distance));

    private static bool Ranks(Correction candidate, Correction? best) =>
        best is null
        || candidate.Distance < best.Distance
        || (candidate.Distance == best.Distance && candidate.DocumentCount > best.DocumentCount)
        || (candidate.Distance == best.Distance && candidate.DocumentCount == best.DocumentCount && string.CompareOrdinal(candidate.Word, best.Word) < 0);
}
