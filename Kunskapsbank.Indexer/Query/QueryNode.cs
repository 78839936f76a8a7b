namespace Kunskapsbank.Indexer.Query;

/// <summary>A node of the parsed query, before analysis.</summary>
public abstract record QueryNode;

/// <summary>A plain word as typed (all words must match).</summary>
public sealed record WordNode(string Text) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A "quoted phrase".</summary>
public sealed record PhraseNode(string Text) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => "\"" + Text + "\"";
}

/// <summary>A prefix* (matched against surface words, not stems).</summary>
public sealed record PrefixNode(string Text) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => Text + "*";
}

/// <summary>All children must match.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => "AND(" + string.Join(" ", Children) + ")";
}

/// <summary>At least one child must match.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => "OR(" + string.Join(" ", Children) + ")";
}

/// <summary>-exclusion: documents matching the child are removed.</summary>
public sealed record NotNode(QueryNode Child) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => "-" + Child;
}

/// <summary>A parsed query: the tree (null when nothing searchable was typed) and facet filters written inline (amne:trauma).</summary>
public sealed record ParsedQuery(QueryNode? Root, IReadOnlyList<KeyValuePair<string, string>> InlineFilters);
