using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Kunskapsbank.Indexer.Query;

/// <summary>Prefix expansions kept per reader, so a prefix searched again (the same query from many users, a query
/// refined word by word, the next result page) skips the walk of the term dictionary, 0.1–0.3 ms at 10,000 documents.</summary>
/// <remarks>An expansion depends on the reader's document frequencies, so it belongs to that reader: the table holds
/// readers weakly and a reopened reader starts empty. Each reader keeps at most <see cref="MaxPerReader"/> prefixes;
/// beyond that (someone typing thousands of different prefixes) its entries are dropped and collected anew.</remarks>
public sealed class PrefixExpansionCache
{
    /// <summary>Most prefixes kept per reader.</summary>
    public const int MaxPerReader = 1_024;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, IReadOnlyList<string>>> _byReader = [];

    /// <summary>The expansion of <paramref name="prefix"/> over <paramref name="fields"/> in <paramref name="reader"/>.</summary>
    public IReadOnlyList<string> Get(IndexReader reader, IReadOnlyList<string> fields, string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fields);
        var kept = _byReader.GetValue(reader, _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));
        var key = string.Join('\u001F', fields) + "\u001E" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u001E" + prefix;
        if (kept.TryGetValue(key, out var expansion))
        {
            return expansion;
        }

        expansion = PrefixExpansion.Expand(reader, fields, prefix, limit);
        if (kept.Count >= MaxPerReader)
        {
            kept.Clear();
        }

        kept[key] = expansion;
        return expansion;
    }
}
