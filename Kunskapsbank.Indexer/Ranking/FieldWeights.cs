using System.Globalization;

namespace Kunskapsbank.Indexer.Ranking;

/// <summary>bm25 column weights: title above headings above body; exact words above stems above compound parts.</summary>
/// <remarks>
/// An exact word matches both its word column and its stem column, so its weight is the sum: in the body an exact hit
/// weighs 1.0 + 0.5, another form of the same stem 1.0, and a compound part 0.4. The title weighs eight times the body,
/// headings three times.
/// </remarks>
public static class FieldWeights
{
    /// <summary>Weights for doc_fts: title_w, title_s, head_w, head_s, body_w, body_s, parts.</summary>
    public static string Document { get; } = Format(4.0, 8.0, 1.5, 3.0, 0.5, 1.0, 0.4);

    private static string Format(params double[] weights) =>
        string.Join(", ", weights.Select(w => w.ToString("0.0##", CultureInfo.InvariantCulture)));
}
