using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>A trigger word of one facet value, as the analysed terms it must match in sequence.</summary>
/// <param name="Text">The trigger as written in the taxonomy, for reasons.</param>
/// <param name="RequireUppercase">True for triggers written in capitals (FREDA, LSS): the text must be in capitals too.</param>
public sealed record TriggerPattern(string FacetId, string ValueId, string Text, IReadOnlyList<string> Terms, bool RequireUppercase);

/// <summary>One place where a trigger matched.</summary>
public readonly record struct TriggerHit(TriggerPattern Pattern, int Start, int End);

/// <summary>The trigger hits in one text, in order, and how many whole words the text has.</summary>
public sealed record TriggerMatches(IReadOnlyList<TriggerHit> Hits, int Words);

/// <summary>Finds taxonomy trigger words in text by analysed whole-word terms; built once per taxonomy.</summary>
/// <remarks>
/// Matching is on the analyser's terms, so inflections meet ("hedersrelaterade" ~ "hedersrelaterat") but a
/// trigger never matches inside another word: compound parts are skipped, so "polis" does not fire on
/// "polisanmälan" nor "äldre" on "föräldrar". Compound parts would raise recall at a cost in precision
/// that editors could not see or control. The one exception is a part the writer set off with a hyphen
/// ("FREDA-bedömning", "SIP-möte"): there the word boundary is in the text, not guessed.
/// </remarks>
public sealed class TriggerMatcher
{
    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, List<TriggerPattern>> _byFirstTerm;

    /// <summary>Analyses every trigger of every vocabulary facet of <paramref name="taxonomy"/> once.</summary>
    public TriggerMatcher(Taxonomy taxonomy, Analyzer analyzer)
    {
        _analyzer = analyzer;
        _byFirstTerm = new Dictionary<string, List<TriggerPattern>>(StringComparer.Ordinal);
        var patterns = new List<TriggerPattern>();
        foreach (var facet in taxonomy.Facets)
        {
            foreach (var value in facet.Values)
            {
                foreach (var trigger in value.Triggers)
                {
                    var terms = WholeWords(analyzer.Analyze(trigger)).Select(t => t.Term).ToList();
                    if (terms.Count == 0)
                    {
                        continue;
                    }

                    var pattern = new TriggerPattern(facet.Id, value.Id, trigger, terms, IsCapitals(trigger));
                    if (patterns.Any(p => p.FacetId == facet.Id && p.ValueId == value.Id && p.RequireUppercase == pattern.RequireUppercase && p.Terms.SequenceEqual(terms)))
                    {
                        // "polis" and "polisen" analyse alike; counting both would count one word twice.
                        continue;
                    }

                    patterns.Add(pattern);
                    if (!_byFirstTerm.TryGetValue(terms[0], out var list))
                    {
                        _byFirstTerm[terms[0]] = list = [];
                    }

                    list.Add(pattern);
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

        var positions = GroupByPosition(_analyzer.Analyze(text), text);
        var lastHitOfValue = new Dictionary<(string Facet, string Value), int>();
        for (var i = 0; i < positions.Count; i++)
        {
            foreach (var first in positions[i])
            {
                if (!_byFirstTerm.TryGetValue(first.Term, out var candidates))
                {
                    continue;
                }

                foreach (var pattern in candidates)
                {
                    var last = MatchEnd(pattern, positions, i, first, text);
                    if (last is not { } end)
                    {
                        continue;
                    }

                    var hit = new TriggerHit(pattern, first.Start, end);
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
        }

        return new TriggerMatches(hits, positions.Count);
    }

    /// <summary>The end offset of <paramref name="pattern"/> when it matches from <paramref name="first"/>, else null.</summary>
    private static int? MatchEnd(TriggerPattern pattern, List<List<Token>> positions, int index, Token first, string text)
    {
        if (index + pattern.Terms.Count > positions.Count || !CapitalsOk(pattern, first, text))
        {
            return null;
        }

        var end = first.End;
        for (var k = 1; k < pattern.Terms.Count; k++)
        {
            var position = positions[index + k];
            var next = position.FindIndex(t => t.Term == pattern.Terms[k] && CapitalsOk(pattern, t, text));
            if (next < 0 || position[next].Position != first.Position + k)
            {
                return null;
            }

            end = position[next].End;
        }

        return end;
    }

    private static bool CapitalsOk(TriggerPattern pattern, Token token, string text) =>
        !pattern.RequireUppercase || IsCapitals(text[token.Start..token.End]);

    /// <summary>Whole words and hyphen-delimited parts, one list per word position, in order.</summary>
    private static List<List<Token>> GroupByPosition(IReadOnlyList<Token> tokens, string text)
    {
        var positions = new List<List<Token>>();
        foreach (var token in tokens)
        {
            if (token.IsCompoundPart && !TouchesHyphen(token, text))
            {
                continue;
            }

            if (positions.Count == 0 || positions[^1][0].Position != token.Position)
            {
                positions.Add([]);
            }

            positions[^1].Add(token);
        }

        return positions;
    }

    private static bool TouchesHyphen(Token token, string text) =>
        (token.Start > 0 && text[token.Start - 1] == '-') || (token.End < text.Length && text[token.End] == '-');

    private static IEnumerable<Token> WholeWords(IReadOnlyList<Token> tokens) => tokens.Where(t => !t.IsCompoundPart);

    private static bool IsCapitals(string text) =>
        text.Count(char.IsLetter) >= 2 && text.Where(char.IsLetter).All(char.IsUpper);
}
