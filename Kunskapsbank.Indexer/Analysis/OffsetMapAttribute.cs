using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Where each character of the term came from in the original text, when that is not simply start + index.</summary>
/// <remarks>
/// Set by the tokenizer for words with soft hyphens, zero-width characters or decomposed letters, so a compound part
/// found in the cleaned term can be given offsets into the original text. <c>Map[k]</c> is the original offset of
/// term character k, <c>Map[term length]</c> the end. Null means: term character k is at StartOffset + k when the term
/// is as long as its span; otherwise (a law abbreviation read as the law's name) parts get the whole token's offsets.
/// A map array is never changed after it is set, so captured states may share it.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public interface IOffsetMapAttribute : IAttribute
{
    /// <summary>The map, or null when there is none (see the interface remarks).</summary>
    int[]? Map { get; set; }
}

/// <summary>Lucene's implementation of <see cref="IOffsetMapAttribute"/> (found by name: the interface without its "I").</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public sealed class OffsetMapAttribute : Lucene.Net.Util.Attribute, IOffsetMapAttribute
{
    /// <inheritdoc/>
    public int[]? Map { get; set; }

    /// <inheritdoc/>
    public override void Clear() => Map = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IOffsetMapAttribute)target).Map = Map;

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        ArgumentNullException.ThrowIfNull(reflector);
        reflector.Reflect<IOffsetMapAttribute>("offsetMap", Map is null ? "-" : string.Join(',', Map));
    }
}
