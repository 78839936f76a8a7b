namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>A word of the index that a typed word is taken to mean.</summary>
/// <param name="Word">The surface word shown to the user ("Visar träffar för …", "Menade du …?").</param>
/// <param name="Stem">The analyser's term of <paramref name="Word"/>: what is searched.</param>
/// <param name="Distance">Weighted edits from the typed word (or from its corrected part, for a compound).</param>
/// <param name="DocumentCount">Documents holding the corrected word or stem.</param>
/// <param name="Route">How it was found.</param>
public sealed record Correction(string Word, string Stem, double Distance, int DocumentCount, CorrectionRoute Route);

/// <summary>Where a correction came from.</summary>
public enum CorrectionRoute
{
    /// <summary>A surface word of the index within the allowed edits of the typed word.</summary>
    Word,

    /// <summary>A whole-word stem of the index within the allowed edits of the typed word's stem (another inflection).</summary>
    Stem,

    /// <summary>A known first part kept and the rest corrected ("skydds" + "bedömnig" → "skyddsbedömning").</summary>
    Compound,
}
