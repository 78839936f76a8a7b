using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>The token's term and word as strings, when the chain already holds them (a word replayed by <see cref="WordMemoFilter"/>).</summary>
/// <remarks>Collecting tokens as strings looked each term up in a string pool; a replayed word carries its strings, so
/// only new words are looked up. Null when the chain has no string for the token; then the characters are the truth.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public interface ITermTextAttribute : IAttribute
{
    /// <summary>The term's characters as a string, or null.</summary>
    string? Term { get; set; }

    /// <summary>The word's characters as a string, or null.</summary>
    string? Word { get; set; }
}

/// <summary>Lucene's implementation of <see cref="ITermTextAttribute"/> (found by name: the interface without its "I").</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public sealed class TermTextAttribute : Lucene.Net.Util.Attribute, ITermTextAttribute
{
    /// <inheritdoc/>
    public string? Term { get; set; }

    /// <inheritdoc/>
    public string? Word { get; set; }

    /// <inheritdoc/>
    public override void Clear() => (Term, Word) = (null, null);

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target)
    {
        var other = (ITermTextAttribute)target;
        (other.Term, other.Word) = (Term, Word);
    }

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        ArgumentNullException.ThrowIfNull(reflector);
        reflector.Reflect<ITermTextAttribute>("termText", Term ?? "-");
        reflector.Reflect<ITermTextAttribute>("wordText", Word ?? "-");
    }
}
