using System.Runtime.CompilerServices;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>One segment's facet values as global ordinals, per document, in two flat int arrays.</summary>
/// <remarks>Reading <c>SortedSetDocValues</c> per hit was twice as slow as Java; arrays built once per segment make
/// counting over all hits a tight loop. Documents of one segment never change, so the arrays live as long as the segment
/// core (deletions are the scorer's business, not ours).</remarks>
public sealed class SegmentFacets
{
    private readonly int[] _start;
    private readonly int[] _values;

    private SegmentFacets(int[] start, int[] values)
    {
        _start = start;
        _values = values;
    }

    /// <summary>The global value ordinals of a segment document (empty for passages and ledger entries).</summary>
    public ReadOnlySpan<int> ValuesOf(int doc) => _values.AsSpan(_start[doc], _start[doc + 1] - _start[doc]);

    /// <summary>Builds the arrays of <paramref name="reader"/>, adding its values (and labels) to <paramref name="ordinals"/>.</summary>
    public static SegmentFacets Load(AtomicReader reader, FacetOrdinals ordinals)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(ordinals);
        var labels = LabelsOf(reader);
        var start = new int[reader.MaxDoc + 1];
        var values = reader.GetSortedSetDocValues(IndexSchema.Facet);
        if (values is null)
        {
            return new SegmentFacets(start, []);
        }

        var global = new int[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0L; ord < values.ValueCount; ord++)
        {
            values.LookupOrd(ord, bytes);
            var text = bytes.Utf8ToString();
            var separator = text.IndexOf(IndexSchema.Separator, StringComparison.Ordinal);
            global[ord] = separator <= 0 ? -1 : ordinals.GetOrAdd(text[..separator], text[(separator + 1)..], labels.GetValueOrDefault(text));
        }

        var list = new List<int>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            start[doc] = list.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (global[ord] >= 0)
                {
                    list.Add(global[ord]);
                }
            }
        }

        start[reader.MaxDoc] = list.Count;
        return new SegmentFacets(start, [.. list]);
    }

    // facet␟value␟label → label, keyed by facet␟value.
    private static Dictionary<string, string> LabelsOf(AtomicReader reader)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = reader.GetSortedSetDocValues(IndexSchema.FacetLabel);
        if (values is null)
        {
            return labels;
        }

        var bytes = new BytesRef();
        for (var ord = 0L; ord < values.ValueCount; ord++)
        {
            values.LookupOrd(ord, bytes);
            var text = bytes.Utf8ToString();
            var last = text.LastIndexOf(IndexSchema.Separator);
            if (last > 0)
            {
                labels.TryAdd(text[..last], text[(last + 1)..]);
            }
        }

        return labels;
    }
}

/// <summary>The <see cref="SegmentFacets"/> of every segment seen, keyed by the segment core: an NRT reopen loads only new segments.</summary>
public sealed class SegmentFacetsCache(FacetOrdinals ordinals)
{
    private readonly ConditionalWeakTable<object, SegmentFacets> _cache = [];

    /// <summary>The global ordinals this cache maps segments onto.</summary>
    public FacetOrdinals Ordinals => ordinals;

    /// <summary>The facets of one segment (loaded on first sight).</summary>
    public SegmentFacets Of(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return _cache.GetValue(reader.CoreCacheKey, _ => SegmentFacets.Load(reader, ordinals));
    }
}
