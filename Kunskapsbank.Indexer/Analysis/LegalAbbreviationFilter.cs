using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Reads law abbreviations ("SoL", "BrB") as the law's name, so both spellings find each other.</summary>
/// <remarks>Runs before lower-casing because the casing is what tells "SoL" (the social services act) from "sol"
/// (sun). Data: Resources/analysis/legal-abbreviations.tsv. Lucene's SynonymFilter could map the word, but it would
/// keep the abbreviation as a second token at the same position ("sol" = sun) and lower-casing would have to come
/// first; a replacement in the abbreviation's own casing is what the rule needs.</remarks>
public sealed class LegalAbbreviationFilter : TokenFilter
{
    private readonly CharArrayDictionary<string> _names;

    // The letters an abbreviation begins with (all capitals): almost every word is passed over by one test instead of a
    // dictionary look-up, which hashed every token of every text.
    private readonly SearchValues<char> _firstLetters;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetMapAttribute _offsetMap;

    /// <summary>Replaces each whole token found in <paramref name="names"/> (case-sensitive) by its law name.</summary>
    public LegalAbbreviationFilter(TokenStream input, CharArrayDictionary<string> names)
        : base(input)
    {
        _names = names;
        _firstLetters = SearchValues.Create(string.Concat(names.Keys.Where(k => k.Length > 0).Select(k => k[0]).Distinct()));
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offsetMap = AddAttribute<IOffsetMapAttribute>();
    }

    /// <summary>The embedded abbreviation table: abbreviation (case-sensitive) → the law's name.</summary>
    public static Dictionary<string, string> LoadTable() => AnalysisResources.TwoColumnTable("legal-abbreviations.tsv");

    /// <summary>Loads the embedded abbreviation table as a case-sensitive Lucene dictionary.</summary>
    public static CharArrayDictionary<string> LoadNames() => Names(LoadTable());

    /// <summary>An abbreviation table as the case-sensitive Lucene dictionary the filter looks words up in.</summary>
    public static CharArrayDictionary<string> Names(IDictionary<string, string> table) =>
        new(Lucene.Net.Util.LuceneVersion.LUCENE_48, table, ignoreCase: false);

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_term.Length > 0 && _firstLetters.Contains(_term.Buffer[0]) && _type.Type != SwedishTokenTypes.Part && _names.TryGetValue(_term.Buffer, 0, _term.Length, out var name))
        {
            _term.SetEmpty().Append(name);

            // The name is longer than what was written: a part of it can only be shown as the whole abbreviation.
            _offsetMap.Map = null;
        }

        return true;
    }
}
