namespace Kunskapsbank.Indexer.Query;

/// <summary>An analysed query tree: what is matched against the index.</summary>
public abstract record QueryClause;

/// <summary>One analysed word: matched by its stem (and compound parts), boosted when the exact word occurs.</summary>
/// <param name="Stem">The analyser's term.</param>
/// <param name="Word">The lower-cased surface word.</param>
/// <param name="Typed">What the user typed (kept for "Menade du …?").</param>
public sealed record TermClause(string Stem, string Word, string Typed) : QueryClause;

/// <summary>Consecutive analysed words, stop words kept as position holders.</summary>
public sealed record PhraseClause(IReadOnlyList<string> Stems, IReadOnlyList<string> Words) : QueryClause;

/// <summary>A prefix of surface words (lower-cased, not stemmed).</summary>
public sealed record PrefixClause(string Prefix) : QueryClause;

/// <summary>All positive children must match and no negative one may.</summary>
public sealed record AllClause(IReadOnlyList<QueryClause> Positive, IReadOnlyList<QueryClause> Negative) : QueryClause;

/// <summary>At least one child must match.</summary>
public sealed record AnyClause(IReadOnlyList<QueryClause> Children) : QueryClause;
