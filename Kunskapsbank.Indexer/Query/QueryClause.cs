namespace Kunskapsbank.Indexer.Query;

/// <summary>An analysed query tree: what is matched against the index.</summary>
public abstract record QueryClause;

/// <summary>One analysed word: matched by its stem (and compound parts), boosted when the exact word occurs.</summary>
/// <param name="Stem">The analyser's term.</param>
/// <param name="Word">The lower-cased surface word.</param>
/// <param name="Typed">What the user typed (kept for "Menade du …?").</param>
public sealed record TermClause(string Stem, string Word, string Typed) : QueryClause;

/// <summary>Consecutive analysed words, stop words kept as position holders.</summary>
/// <param name="Positions">Each stem's position relative to the first (the analyzer's positions; consecutive when null).</param>
/// <param name="StopWords">Which of the words are stop words (none when null).</param>
public sealed record PhraseClause(IReadOnlyList<string> Stems, IReadOnlyList<string> Words, IReadOnlyList<int>? Positions = null, IReadOnlyList<bool>? StopWords = null) : QueryClause
{
    /// <summary>True when word <paramref name="index"/> is a stop word.</summary>
    public bool IsStopWord(int index) => StopWords is { } stopWords && index < stopWords.Count && stopWords[index];

    /// <summary>True when every word is a stop word: the positional fields hold none of them, so the phrase is matched
    /// as its words (see <c>LuceneQueryBuilder</c>).</summary>
    public bool OnlyStopWords => Stems.Count > 0 && Enumerable.Range(0, Stems.Count).All(IsStopWord);

    /// <summary>The indexes of the words the positional fields hold: all but the stop words, which only keep their place.</summary>
    public IReadOnlyList<int> Placed => OnlyStopWords ? [.. Enumerable.Range(0, Stems.Count)] : [.. Enumerable.Range(0, Stems.Count).Where(i => !IsStopWord(i))];

    /// <summary>The stems of <see cref="Placed"/>.</summary>
    public IReadOnlyList<string> PlacedStems => [.. Placed.Select(i => Stems[i])];

    /// <summary>The positions of <see cref="Placed"/> relative to the phrase's first word.</summary>
    public IReadOnlyList<int> PlacedOffsets => [.. Placed.Select(i => Positions?[i] ?? i)];
}

/// <summary>A prefix of surface words (lower-cased, not stemmed).</summary>
public sealed record PrefixClause(string Prefix) : QueryClause;

/// <summary>All positive children must match and no negative one may.</summary>
public sealed record AllClause(IReadOnlyList<QueryClause> Positive, IReadOnlyList<QueryClause> Negative) : QueryClause;

/// <summary>At least one child must match.</summary>
public sealed record AnyClause(IReadOnlyList<QueryClause> Children) : QueryClause;

/// <summary>The leaves of an analysed query.</summary>
public static class QueryLeaves
{
    /// <summary>The positive leaves (terms, phrases, prefixes) of a query: what places passages and what highlighting marks.</summary>
    public static List<QueryClause> PositiveOf(QueryClause? clause)
    {
        var leaves = new List<QueryClause>();
        Collect(clause, leaves);
        return leaves;
    }

    private static void Collect(QueryClause? clause, List<QueryClause> leaves)
    {
        switch (clause)
        {
            case null:
                break;
            case AllClause all:
                foreach (var child in all.Positive)
                {
                    Collect(child, leaves);
                }

                break;
            case AnyClause any:
                foreach (var child in any.Children)
                {
                    Collect(child, leaves);
                }

                break;
            default:
                leaves.Add(clause);
                break;
        }
    }
}
