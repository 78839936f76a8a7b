using System.Numerics;
using Kunskapsbank.Indexer.Metadata;

namespace Kunskapsbank.Indexer.Facets;

/// <summary>Every document's facet values as small integer arrays, so counting over all matches is a tight loop.</summary>
/// <remarks>Immutable; a new generation of the index gets a copy with its changed documents replaced. Values get
/// global ordinals; documents are indexed by id (ids are dense SQLite rowids).</remarks>
public sealed class FacetCache
{
    private readonly int[][] _valuesByDocument;
    private readonly int[] _facetOfValue;
    private readonly string[] _valueIds;
    private readonly string[] _valueLabels;
    private readonly Dictionary<(string Facet, string Value), int> _ordinals;
    private readonly Taxonomy _taxonomy;

    private FacetCache(IReadOnlyList<string> facets, int[][] valuesByDocument, int[] facetOfValue, string[] valueIds, string[] valueLabels, Dictionary<(string, string), int> ordinals, Taxonomy taxonomy)
    {
        Facets = facets;
        _valuesByDocument = valuesByDocument;
        _facetOfValue = facetOfValue;
        _valueIds = valueIds;
        _valueLabels = valueLabels;
        _ordinals = ordinals;
        _taxonomy = taxonomy;
    }

    /// <summary>Facet ids in display order (the fixed ones, then any other the taxonomy defines).</summary>
    public IReadOnlyList<string> Facets { get; }

    /// <summary>Builds the cache from (document, facet, value, label) rows.</summary>
    public static FacetCache Build(IEnumerable<(long Document, string Facet, string Value, string Label)> rows, Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var builder = OrdinalBuilder.Fresh(taxonomy);
        return builder.Finish(builder.Place(rows, []));
    }

    /// <summary>A copy in which the <paramref name="changed"/> documents carry the values in <paramref name="rows"/>
    /// (none when a document was removed); every other document and every value ordinal stay as they are.</summary>
    public FacetCache WithChanges(IReadOnlyCollection<long> changed, IEnumerable<(long Document, string Facet, string Value, string Label)> rows)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(rows);
        var builder = OrdinalBuilder.CopyOf(this);
        var values = (int[][])_valuesByDocument.Clone();
        foreach (var document in changed)
        {
            if (document >= 0 && document < values.Length)
            {
                values[document] = null!;
            }
        }

        return builder.Finish(builder.Place(rows, values));
    }

    /// <summary>Gives facet values their ordinals; new values are appended, so ordinals already handed out never move.</summary>
    private sealed class OrdinalBuilder
    {
        private readonly List<string> _facets;
        private readonly Dictionary<string, int> _facetIndex;
        private readonly Dictionary<(string, string), int> _ordinals;
        private readonly List<int> _facetOfValue;
        private readonly List<string> _valueIds;
        private readonly List<string> _labels;
        private readonly Taxonomy _taxonomy;

        private OrdinalBuilder(List<string> facets, Dictionary<(string, string), int> ordinals, List<int> facetOfValue, List<string> valueIds, List<string> labels, Taxonomy taxonomy)
        {
            _facets = facets;
            _facetIndex = facets.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
            _ordinals = ordinals;
            _facetOfValue = facetOfValue;
            _valueIds = valueIds;
            _labels = labels;
            _taxonomy = taxonomy;
        }

        public static OrdinalBuilder Fresh(Taxonomy taxonomy)
        {
            var facets = FacetCatalog.All.Concat(taxonomy.Facets.Select(f => f.Id)).Distinct().ToList();
            var builder = new OrdinalBuilder(facets, [], [], [], [], taxonomy);

            // Taxonomy values exist even before any document carries them, so a filter on them is valid.
            foreach (var facet in taxonomy.Facets)
            {
                foreach (var value in facet.Values)
                {
                    builder.Ordinal(facet.Id, value.Id, value.Label);
                }
            }

            foreach (var status in new[] { "gallande", "ersatt", "upphavd" })
            {
                builder.Ordinal(FacetIds.Status, status, StatusIds.LabelOf(status));
            }

            return builder;
        }

        public static OrdinalBuilder CopyOf(FacetCache cache) => new(
            [.. cache.Facets],
            new Dictionary<(string, string), int>(cache._ordinals),
            [.. cache._facetOfValue],
            [.. cache._valueIds],
            [.. cache._valueLabels],
            cache._taxonomy);

        /// <summary>Sets each row's document to its values, growing <paramref name="valuesByDocument"/> as ids require.</summary>
        public int[][] Place(IEnumerable<(long Document, string Facet, string Value, string Label)> rows, int[][] valuesByDocument)
        {
            var byDocument = new Dictionary<long, List<int>>();
            long maxId = valuesByDocument.Length - 1;
            foreach (var (document, facet, value, label) in rows)
            {
                if (!byDocument.TryGetValue(document, out var list))
                {
                    byDocument[document] = list = [];
                }

                list.Add(Ordinal(facet, value, label));
                maxId = Math.Max(maxId, document);
            }

            if (maxId + 1 > valuesByDocument.Length)
            {
                Array.Resize(ref valuesByDocument, (int)(maxId + 1));
            }

            foreach (var (document, list) in byDocument)
            {
                valuesByDocument[document] = [.. list];
            }

            return valuesByDocument;
        }

        public FacetCache Finish(int[][] valuesByDocument)
        {
            if (_facets.Count > 31)
            {
                throw new InvalidOperationException("At most 31 facets are supported by the counting bit masks.");
            }

            return new FacetCache(_facets, valuesByDocument, [.. _facetOfValue], [.. _valueIds], [.. _labels], _ordinals, _taxonomy);
        }

        private int Ordinal(string facet, string value, string label)
        {
            if (!_ordinals.TryGetValue((facet, value), out var ordinal))
            {
                if (!_facetIndex.TryGetValue(facet, out var f))
                {
                    f = _facets.Count;
                    _facets.Add(facet);
                    _facetIndex[facet] = f;
                }

                ordinal = _valueIds.Count;
                _ordinals[(facet, value)] = ordinal;
                _facetOfValue.Add(f);
                _valueIds.Add(value);
                _labels.Add(_taxonomy.Find(facet)?.Find(value)?.Label ?? (facet == FacetIds.Status ? StatusIds.LabelOf(value) : label));
            }

            return ordinal;
        }
    }

    /// <summary>The label of a facet.</summary>
    public string FacetLabel(string facetId) => _taxonomy.Find(facetId)?.Label ?? FacetCatalog.DefaultLabel(facetId);

    /// <summary>The ordinal of a value, or -1 when no document or taxonomy entry has it.</summary>
    public int OrdinalOf(string facet, string value) => _ordinals.TryGetValue((facet, value), out var o) ? o : -1;

    /// <summary>True when the facet is known (fixed or in the taxonomy).</summary>
    public bool IsKnownFacet(string facet) => Facets.Contains(facet);

    /// <summary>The value ordinals of a document (empty when it has none).</summary>
    public int[] ValuesOf(long document) =>
        document >= 0 && document < _valuesByDocument.Length ? _valuesByDocument[document] ?? [] : [];

    /// <summary>A document's facet values as facet id → value ids.</summary>
    public Dictionary<string, IReadOnlyList<string>> FacetsOf(long document)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var ordinal in ValuesOf(document))
        {
            var facet = Facets[_facetOfValue[ordinal]];
            if (!result.TryGetValue(facet, out var list))
            {
                result[facet] = list = new List<string>();
            }

            ((List<string>)list).Add(_valueIds[ordinal]);
        }

        return result;
    }

    /// <summary>Counts over a stream of matching documents with multi-select semantics (see <see cref="Counter"/>).</summary>
    public Counter CreateCounter(IReadOnlyDictionary<string, IReadOnlyList<int>> selected) => new(this, selected);

    /// <summary>
    /// Counts facet values over matching documents the way Solr's tag/exclude does: a document passing every selected
    /// facet counts for all facets; a document failing exactly one selected facet still counts for that facet (its own
    /// selection is ignored), so the user sees what widening that facet would add; failing two counts nowhere.
    /// </summary>
    public sealed class Counter
    {
        private readonly FacetCache _cache;
        private readonly bool[] _selected;
        private readonly int _requiredMask;

        internal Counter(FacetCache cache, IReadOnlyDictionary<string, IReadOnlyList<int>> selected)
        {
            _cache = cache;
            Counts = new int[cache._valueIds.Length];
            _selected = new bool[cache._valueIds.Length];
            foreach (var (facet, ordinals) in selected)
            {
                var f = cache.Facets.ToList().IndexOf(facet);
                if (f < 0 || ordinals.Count == 0)
                {
                    continue;
                }

                _requiredMask |= 1 << f;
                foreach (var ordinal in ordinals)
                {
                    if (ordinal >= 0)
                    {
                        _selected[ordinal] = true;
                    }
                }
            }
        }

        /// <summary>Counts by value ordinal.</summary>
        public int[] Counts { get; }

        /// <summary>Counts one matching document; returns true when it passes all selected facets (is a result).</summary>
        public bool Add(long document, bool countFacets)
        {
            var values = _cache.ValuesOf(document);
            var satisfied = 0;
            if (_requiredMask != 0)
            {
                foreach (var ordinal in values)
                {
                    if (_selected[ordinal])
                    {
                        satisfied |= 1 << _cache._facetOfValue[ordinal];
                    }
                }
            }

            var missing = _requiredMask & ~satisfied;
            if (!countFacets)
            {
                return missing == 0;
            }

            if (missing == 0)
            {
                foreach (var ordinal in values)
                {
                    Counts[ordinal]++;
                }

                return true;
            }

            if (BitOperations.PopCount((uint)missing) == 1)
            {
                var facet = BitOperations.TrailingZeroCount(missing);
                foreach (var ordinal in values)
                {
                    if (_cache._facetOfValue[ordinal] == facet)
                    {
                        Counts[ordinal]++;
                    }
                }
            }

            return false;
        }

        /// <summary>The counts per facet for the response: values with hits or selected, in a useful order.</summary>
        public Dictionary<string, IReadOnlyList<Search.FacetCount>> ToFacetCounts()
        {
            var result = new Dictionary<string, IReadOnlyList<Search.FacetCount>>();
            for (var f = 0; f < _cache.Facets.Count; f++)
            {
                var facet = _cache.Facets[f];
                var values = new List<(int Ordinal, Search.FacetCount Count)>();
                for (var ordinal = 0; ordinal < Counts.Length; ordinal++)
                {
                    if (_cache._facetOfValue[ordinal] == f && (Counts[ordinal] > 0 || _selected[ordinal]))
                    {
                        values.Add((ordinal, new Search.FacetCount(_cache._valueIds[ordinal], _cache._valueLabels[ordinal], Counts[ordinal], _selected[ordinal])));
                    }
                }

                IEnumerable<(int Ordinal, Search.FacetCount Count)> ordered = facet switch
                {
                    FacetIds.Ar => values.OrderByDescending(v => v.Count.Id, StringComparer.Ordinal),
                    FacetIds.Utgivare => values.OrderByDescending(v => v.Count.Count).ThenBy(v => v.Count.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false)),
                    _ => values.OrderBy(v => v.Ordinal),
                };
                result[facet] = ordered.Select(v => v.Count).ToList();
            }

            return result;
        }
    }
}
