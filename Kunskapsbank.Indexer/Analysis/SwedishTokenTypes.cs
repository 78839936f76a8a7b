namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The values our chain puts in Lucene's <c>ITypeAttribute</c>: what kind of token this is.</summary>
public static class SwedishTokenTypes
{
    /// <summary>A whole word, number or "§".</summary>
    public const string Word = "<WORD>";

    /// <summary>A hyphenated word or a reference (1982:316) written as one; its parts follow at position increment 0.</summary>
    public const string Joined = "<JOINED>";

    /// <summary>A word left dangling as a compound's first part before a hyphen and a conjunction: "hälso" in "hälso- och
    /// sjukvård". The compound filter adds its dictionary form (hälsa) as a part and makes it a <see cref="Word"/>.</summary>
    public const string FirstPart = "<FIRSTPART>";

    /// <summary>A part of the word before it: of a hyphenated word, a reference or a compound; position increment 0.</summary>
    public const string Part = "<PART>";
}
