using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The token's word before stemming: lower-case NFC surface word (for a compound part, its dictionary form).</summary>
/// <remarks>Filled by <see cref="SurfaceWordFilter"/>; kept so exact words can rank above stems.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public interface IWordAttribute : IAttribute
{
    /// <summary>The characters; only the first <see cref="Length"/> are the word.</summary>
    char[] Buffer { get; }

    /// <summary>Number of characters in <see cref="Buffer"/> that make up the word.</summary>
    int Length { get; }

    /// <summary>Copies <paramref name="length"/> characters of <paramref name="source"/> in as the word.</summary>
    void SetWord(char[] source, int length);

    /// <summary>Copies <paramref name="source"/> in as the word.</summary>
    void SetWord(ReadOnlySpan<char> source);
}

/// <summary>Lucene's implementation of <see cref="IWordAttribute"/> (found by name: the interface without its "I").</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public sealed class WordAttribute : Lucene.Net.Util.Attribute, IWordAttribute
{
    private char[] _buffer = new char[16];

    /// <inheritdoc/>
    public char[] Buffer => _buffer;

    /// <inheritdoc/>
    public int Length { get; private set; }

    /// <inheritdoc/>
    public void SetWord(char[] source, int length)
    {
        ArgumentNullException.ThrowIfNull(source);
        SetWord(source.AsSpan(0, length));
    }

    /// <inheritdoc/>
    public void SetWord(ReadOnlySpan<char> source)
    {
        if (_buffer.Length < source.Length)
        {
            _buffer = new char[ArrayUtil.Oversize(source.Length, sizeof(char))];
        }

        source.CopyTo(_buffer);
        Length = source.Length;
    }

    /// <inheritdoc/>
    public override void Clear() => Length = 0;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IWordAttribute)target).SetWord(_buffer, Length);

    /// <inheritdoc/>
    public override object Clone()
    {
        // A captured state must not share the buffer the next token overwrites.
        var clone = (WordAttribute)base.Clone();
        clone._buffer = (char[])_buffer.Clone();
        return clone;
    }

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        ArgumentNullException.ThrowIfNull(reflector);
        reflector.Reflect<IWordAttribute>("word", new string(_buffer, 0, Length));
    }
}
