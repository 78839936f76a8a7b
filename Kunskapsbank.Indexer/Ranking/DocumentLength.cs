namespace Kunskapsbank.Indexer.Ranking;

/// <summary>Where BM25F reads a document's length: the norm of <paramref name="NormField"/>, which counts whole words only
/// (the compound parts sit at position increment 0 and BM25's norm leaves such overlaps out), and for the average that
/// field's total less the total of <paramref name="PartsField"/> (the parts, which the total does count).</summary>
public sealed record DocumentLength(string NormField, string PartsField);
