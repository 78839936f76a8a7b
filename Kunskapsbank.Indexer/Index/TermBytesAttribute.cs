using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A token's term as UTF-8 bytes encoded ahead of time, which the indexer reads as they are.</summary>
/// <remarks>Lucene's indexer reads a term through <see cref="ITermToBytesRefAttribute"/>. With the usual
/// <c>CharTermAttribute</c> the writing thread — the one every preparing thread waits for — copied each term's characters
/// into the attribute and encoded them to UTF-8 again, ~8 % of its samples at 10,000 documents. The replays encode on the
/// preparing thread instead (as Lucene's own numeric stream does, this attribute set has no character term).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public interface ITermBytesAttribute : IAttribute
{
    /// <summary>Points the term at <paramref name="length"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/> (not copied).</summary>
    void Point(byte[] bytes, int offset, int length);
}

/// <summary>Lucene's implementation of <see cref="ITermBytesAttribute"/> (found by name: the interface without its "I"),
/// and the term the indexer reads.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public sealed class TermBytesAttribute : Lucene.Net.Util.Attribute, ITermBytesAttribute, ITermToBytesRefAttribute
{
    /// <inheritdoc/>
    public BytesRef BytesRef { get; } = new();

    /// <inheritdoc/>
    public void Point(byte[] bytes, int offset, int length)
    {
        BytesRef.Bytes = bytes;
        BytesRef.Offset = offset;
        BytesRef.Length = length;
    }

    /// <inheritdoc/>
    public void FillBytesRef()
    {
        // The bytes were encoded when the replay was made.
    }

    /// <inheritdoc/>
    public override void Clear() => BytesRef.Length = 0;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((ITermBytesAttribute)target).Point(BytesRef.Bytes, BytesRef.Offset, BytesRef.Length);

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        ArgumentNullException.ThrowIfNull(reflector);
        reflector.Reflect<ITermToBytesRefAttribute>("bytes", BytesRef.DeepCopyOf(BytesRef));
    }
}
