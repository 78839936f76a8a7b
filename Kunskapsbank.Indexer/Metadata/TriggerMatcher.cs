using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>A trigger word of one facet value, as the analysed words it must match in sequence.</summary>
/// <param name="Text">The trigger as written in the taxonomy, for reasons.</param>
/// <param name="Terms">The analysed term of each word.</param>
/// <param name="PartKeys">Per word, its compound parts joined with '+' when the analyser split it (e.g. `heder+våld`), else null.</param>
/// <param name="RequireUppercase">True for triggers written in capitals (FREDA, LSS): the text must be in capitals too.</param>
public sealed record TriggerPattern(
    string FacetId,
    string ValueId,
    string Text,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string?> PartKeys,
    bool RequireUppercase);

/// <summary>One place where a trigger matched.</summary>
public readonly record struct TriggerHit(TriggerPattern Pattern, int Start, int End);

/// <summary>The trigger hits in one text, in order, and how many whole words the text has.</summary>
public sealed record TriggerMatches(IReadOnlyList<TriggerHit> Hits, int Words);

/// <summary>Finds taxonomy trigger words in text by analysed whole words; built once per taxonomy.</summary>
/// <remarks>
/// Matching is on the analyser's terms, so inflections meet ("hedersrelaterade" ~ "hedersrelaterat") but a
/// trigger never matches inside another word: "polis" does not fire on "polisanmälan" nor "äldre" on
/// "föräldrar". A word matches a trigger word when
/// (1) their terms are equal; or
/// (2) both are compounds made of exactly the same parts ("hedersförtrycket" ~ "hedersförtryck", which the
///     stemmer alone leaves apart) — the whole word is still matched, never a piece of it; or
/// (3) the trigger word is a part the writer set off with a hyphen ("FREDA-bedömningen"): there the
///     boundary is in the text, not guessed.
/// Other compound parts are never used: they would raise recall at a cost in precision editors could
/// neither see nor control.
/// </remarks>
public sealed class TriggerMatcher
{
    /// <summary>Keeps part keys apart from terms in the one lookup table.</summary>
    private const string PartKeyPrefix = "+";

    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, List<TriggerPattern>> _byFirstWord = new(StringComparer.Ordinal);

    /// <summary>Analyses every trigger of every vocabulary facet of <paramref name="taxonomy"/> once.</summary>
    public TriggerMatcher(Taxonomy taxonomy, Analyzer analyzer)
    {
        _analyzer = analyzer;
        var patterns = new List<TriggerPattern>();
        foreach (var facet in taxonomy.Facets)
        {
            foreach (var value in facet.Values)
            {
                foreach (var trigger in value.Triggers)
                {
                    var words = Words(analyzer.Analyze(trigger), trigger);
                    if (words.Count == 0)
                    {
                        continue;
                    }

                    var pattern = new TriggerPattern(
                        facet.Id, value.Id, trigger, words.Select(w => w.Whole.Term).ToList(), words.Select(w => w.PartKey).ToList(), IsCapitals(trigger));
                    if (patterns.Any(p => p.FacetId == facet.Id && p.ValueId == value.Id && p.RequireUppercase == pattern.RequireUppercase && p.Terms.SequenceEqual(pattern.Terms)))
                    {
                        // "polis" and "polisen" analyse alike; counting both would count one word twice.
                        continue;
                    }

                    patterns.Add(pattern);
                    Index(pattern.Terms[0], pattern);
                    if (pattern.PartKeys[0] is { } partKey)
                    {
                        Index(PartKeyPrefix + partKey, pattern);
                    }
                }
            }
        }

        Patterns = patterns;
    }

    /// <summary>All analysed triggers.</summary>
    public IReadOnlyList<TriggerPattern> Patterns { get; }

    /// <summary>Trigger occurrences in <paramref name="text"/> and its word count.</summary>
    /// <remarks>Overlapping hits of one facet value count once, as the longest ("barn som bevittnat våld" ⊃ "bevittnat våld").</remarks>
    public TriggerMatches Match(string text)
    {
        var hits = new List<TriggerHit>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TriggerMatches(hits, 0);
        }

        var words = Words(_analyzer.Analyze(text), text);
        var lastHitOfValue = new Dictionary<(string Facet, string Value), int>();
        var candidates = new List<TriggerPattern>();
        for (var i = 0; i < words.Count; i++)
        {
            CandidatesAt(words[i], candidates);
            foreach (var pattern in candidates)
            {
                if (MatchEnd(pattern, words, i, text) is not { } end)
                {
                    continue;
                }

                var hit = new TriggerHit(pattern, words[i].Whole.Start, end);
                var key = (pattern.FacetId, pattern.ValueId);
                if (lastHitOfValue.TryGetValue(key, out var previous) && hits[previous].End > hit.Start)
                {
                    if (hit.End - hit.Start > hits[previous].End - hits[previous].Start)
                    {
                        hits[previous] = hit;
                    }

                    continue;
                }

                lastHitOfValue[key] = hits.Count;
                hits.Add(hit);
            }
        }

        return new TriggerMatches(hits, words.Count);
    }

    private void Index(string key, TriggerPattern pattern)
    {
        if (!_byFirstWord.TryGetValue(key, out var list))
        {
            _byFirstWord[key] = list = [];
        }

        if (!list.Contains(pattern))
        {
            list.Add(pattern);
        }
    }

    private void CandidatesAt(Word word, List<TriggerPattern> candidates)
    {
        candidates.Clear();
        void Add(string key)
        {
            if (_byFirstWord.TryGetValue(key, out var list))
            {
                candidates.AddRange(list.Where(p => !candidates.Contains(p)));
            }
        }

        Add(word.Whole.Term);
        if (word.PartKey is not null)
        {
            Add(PartKeyPrefix + word.PartKey);
        }

        foreach (var part in word.HyphenParts)
        {
            Add(part.Term);
        }
    }

    /// <summary>The end offset of <paramref name="pattern"/> when it matches from word <paramref name="index"/>, else null.</summary>
    private static int? MatchEnd(TriggerPattern pattern, List<Word> words, int index, string text)
    {
        if (index + pattern.Terms.Count > words.Count)
        {
            return null;
        }

        var end = 0;
        for (var k = 0; k < pattern.Terms.Count; k++)
        {
            var word = words[index + k];
            if (word.Whole.Position != words[index].Whole.Position + k)
            {
                return null;
            }

            var matched = MatchedToken(word, pattern.Terms[k], pattern.PartKeys[k]);
            if (matched is not { } token || (pattern.RequireUppercase && !IsCapitals(text[token.Start..token.End])))
            {
                return null;
            }

            end = token.End;
        }

        return end;
    }

    /// <summary>The token of <paramref name="word"/> that matches one trigger word, or null.</summary>
    private static Token? MatchedToken(Word word, string term, string? partKey)
    {
        if (word.Whole.Term == term || (partKey is not null && word.PartKey == partKey))
        {
            return word.Whole;
        }

        foreach (var part in word.HyphenParts)
        {
            if (part.Term == term)
            {
                return part;
            }
        }

        return null;
    }

    /// <summary>Groups tokens into words: the whole word, its compound parts as a key, and the parts set off by hyphens.</summary>
    private static List<Word> Words(IReadOnlyList<Token> tokens, string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].IsCompoundPart)
            {
                // A part without its whole word does not happen in the analyser's output; skip it if it ever does.
                i++;
                continue;
            }

            var whole = tokens[i++];
            var parts = new List<Token>();
            while (i < tokens.Count && tokens[i].IsCompoundPart && tokens[i].Position == whole.Position)
            {
                parts.Add(tokens[i++]);
            }

            words.Add(new Word(
                whole,
                parts.Count >= 2 ? string.Join('+', parts.Select(p => p.Term)) : null,
                parts.Where(p => TouchesHyphen(p, text)).ToList()));
        }

        return words;
    }

    private static bool TouchesHyphen(Token token, string text) =>
        (token.Start > 0 && text[token.Start - 1] == '-') || (token.End < text.Length && text[token.End] == '-');

    private static bool IsCapitals(string text) =>
        text.Count(char.IsLetter) >= 2 && text.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>One word of analysed text.</summary>
    /// <param name="PartKey">The compound parts' terms joined with '+', when the analyser split the word in two or more.</param>
    private sealed record Word(Token Whole, string? PartKey, IReadOnlyList<Token> HyphenParts);
}
