using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>Field weights of BM25F: title above headings above body; exact words above stems above compound parts.</summary>
/// <remarks>
/// A query word is counted in the positional field (stems and compound parts alike) and the word field (the exact
/// surface form); each occurrence counts its field's weight before saturation (<see cref="WeightedFieldsQuery"/>). So a
/// compound part counts <see cref="Positional"/>, another form of the same stem <see cref="Positional"/> +
/// <see cref="Stem"/> (1.0), and the exact word that plus <see cref="Word"/> (1.5) — the proportions of the earlier
/// FTS5 column weights. The index holds no whole-word stem field: the positional field counts a part occurrence as a
/// stem one, so the word weighs <see cref="Positional"/> + <see cref="Stem"/> there and <c>−</c><see cref="Stem"/> in
/// the parts field, which comes to the same weighted frequency with one token fewer per indexed word. Zones multiply:
/// a title occurrence counts eight times a body one, a heading occurrence three times.
/// </remarks>
public static class FieldWeights
{
    /// <summary>Weight of the positional field (stems and parts).</summary>
    public const float Positional = 0.4f;

    /// <summary>What a whole-word stem counts above a compound part.</summary>
    public const float Stem = 0.6f;

    /// <summary>Weight of the exact-word field.</summary>
    public const float Word = 0.5f;

    /// <summary>The zones: positional, parts and word field names with the zone's weight.</summary>
    public static IReadOnlyList<Zone> Zones { get; } =
    [
        new(IndexSchema.Zones[0], 8f),
        new(IndexSchema.Zones[1], 3f),
        new(IndexSchema.Zones[2], 1f),
    ];

    /// <summary>Weight of a whole word matched exactly (stem and word weights together), e.g. a prefix's expansion.</summary>
    public const float WholeWord = Stem + Word;

    /// <summary>What normalises a document's score: the whole words of the body.</summary>
    public static DocumentLength Length { get; } = new(IndexSchema.Body, IndexSchema.BodyParts);

    /// <summary>Weight of a passage heading holding a query word, relative to the passage text: the heading makes the
    /// passage hold the word, and half as much again as a bonus.</summary>
    public const float PassageHeading = 1.5f;

    /// <summary>How much a word in the document's title counts when placing passages: it chose the document, not the passage.</summary>
    public const float PassageTitleWord = 0.25f;

    /// <summary>One zone of a document (title, headings or body) and its weight.</summary>
    public sealed record Zone(ZoneFields Fields, float Weight)
    {
        /// <summary>The zone's positional field.</summary>
        public string Positional => Fields.Positional;

        /// <summary>The zone's parts field.</summary>
        public string Parts => Fields.Parts;

        /// <summary>The zone's word field.</summary>
        public string Words => Fields.Words;
    }
}
