using Kunskapsbank.Indexer.Extraction;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>How cautious auto-tagging is; the defaults favour precision over recall.</summary>
/// <param name="MinOccurrences">Body occurrences a value needs in a short document.</param>
/// <param name="WordsPerExtraOccurrence">One more occurrence is needed per this many words of text.</param>
/// <param name="MaxMinOccurrences">The length-scaled requirement never exceeds this.</param>
/// <param name="MaxTagsPerFacet">At most this many automatic values per facet, the strongest first.</param>
/// <param name="TitleOnlyFacets">Facets tagged only from the title (a document type is what it calls itself).</param>
public sealed record AutoTagOptions(
    int MinOccurrences = 3,
    int WordsPerExtraOccurrence = 2000,
    int MaxMinOccurrences = 8,
    int MaxTagsPerFacet = 3,
    IReadOnlyList<string>? TitleOnlyFacets = null)
{
    /// <summary>The defaults.</summary>
    public static AutoTagOptions Default { get; } = new(TitleOnlyFacets: [FacetIds.Dokumenttyp]);

    /// <summary>Body occurrences needed in a text of <paramref name="words"/> words.</summary>
    public int RequiredOccurrences(int words) =>
        Math.Min(MaxMinOccurrences, MinOccurrences + (words / Math.Max(1, WordsPerExtraOccurrence)));
}

/// <summary>Proposes facet values from trigger words in the title, headings and text, each with a Swedish reason.</summary>
/// <remarks>
/// A value is proposed when a trigger is in the title; or in a heading and at least once in the text; or often
/// enough in the text (more often in longer documents). Only the strongest few per facet are kept.
/// </remarks>
public sealed class AutoTagger(TriggerMatcher matcher, AutoTagOptions options)
{
    /// <summary>Proposed tags for the given facets only (the others are already set by stronger sources).</summary>
    public IReadOnlyList<FacetTag> Tag(string title, IReadOnlyList<ExtractedPassage> passages, IReadOnlySet<string> facets)
    {
        if (facets.Count == 0)
        {
            return [];
        }

        var titleOnly = options.TitleOnlyFacets ?? [];
        var evidence = new Dictionary<(string Facet, string Value), Evidence>();
        Evidence For(TriggerPattern p) =>
            evidence.TryGetValue((p.FacetId, p.ValueId), out var e) ? e : evidence[(p.FacetId, p.ValueId)] = new Evidence();

        foreach (var hit in matcher.Match(title).Hits.Where(h => facets.Contains(h.Pattern.FacetId)))
        {
            For(hit.Pattern).AddTitle(hit.Pattern.Text);
        }

        var bodyFacets = facets.Where(f => !titleOnly.Contains(f)).ToHashSet();
        var words = 0;
        if (bodyFacets.Count > 0)
        {
            foreach (var heading in passages.SelectMany(p => p.HeadingPath).Distinct())
            {
                foreach (var hit in matcher.Match(heading).Hits.Where(h => bodyFacets.Contains(h.Pattern.FacetId)))
                {
                    For(hit.Pattern).AddHeading(hit.Pattern.Text);
                }
            }

            foreach (var passage in passages)
            {
                var matches = matcher.Match(passage.Text);
                words += matches.Words;
                foreach (var hit in matches.Hits.Where(h => bodyFacets.Contains(h.Pattern.FacetId)))
                {
                    For(hit.Pattern).AddBody(hit.Pattern.Text);
                }
            }
        }

        var required = options.RequiredOccurrences(words);
        var tags = new List<FacetTag>();
        foreach (var group in evidence.Where(e => e.Value.Qualifies(required)).GroupBy(e => e.Key.Facet))
        {
            var limit = titleOnly.Contains(group.Key) ? 1 : options.MaxTagsPerFacet;
            foreach (var (key, e) in group.OrderByDescending(e => e.Value.Score).ThenBy(e => e.Key.Value, StringComparer.Ordinal).Take(limit))
            {
                tags.Add(new FacetTag(key.Facet, key.Value, TagSource.AutoTag, e.Reason(required)));
            }
        }

        return tags;
    }

    private sealed class Evidence
    {
        private readonly Dictionary<string, int> _countsByTrigger = [];

        public int Title { get; private set; }

        public int Headings { get; private set; }

        public int Body { get; private set; }

        public int Score => Body + (3 * Headings) + (5 * Title);

        public void AddTitle(string trigger) => Count(trigger, () => Title++);

        public void AddHeading(string trigger) => Count(trigger, () => Headings++);

        public void AddBody(string trigger) => Count(trigger, () => Body++);

        public bool Qualifies(int required) => Title > 0 || (Headings > 0 && Body > 0) || Body >= required;

        public string Reason(int required)
        {
            var top = _countsByTrigger.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(3).ToList();
            var total = Title + Headings + Body;
            var words = top.Count == 1
                ? $"triggerordet '{top[0].Key}' förekommer {Times(top[0].Value)}"
                : $"triggerorden {string.Join(", ", top.Select(t => $"'{t.Key}' ({t.Value})"))} förekommer sammanlagt {Times(total)}";
            var where = Title > 0 ? ", bl.a. i titeln"
                : Headings > 0 ? ", bl.a. i en rubrik"
                : $" i texten (minst {required} krävs för ett dokument av den här längden)";
            return $"Automatiskt: {words}{where}.";
        }

        private static string Times(int n) => n == 1 ? "1 gång" : $"{n} gånger";

        private void Count(string trigger, Action add)
        {
            add();
            _countsByTrigger[trigger] = _countsByTrigger.GetValueOrDefault(trigger) + 1;
        }
    }
}
