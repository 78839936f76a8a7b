using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Marks a token as a stop word without removing it, so phrases keep their positions.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public interface IStopWordAttribute : IAttribute
{
    /// <summary>True when the token's word is on the stop list.</summary>
    bool IsStopWord { get; set; }
}

/// <summary>Lucene's implementation of <see cref="IStopWordAttribute"/> (found by name: the interface without its "I").</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Lucene finds an attribute's implementation by this naming convention.")]
public sealed class StopWordAttribute : Lucene.Net.Util.Attribute, IStopWordAttribute
{
    /// <inheritdoc/>
    public bool IsStopWord { get; set; }

    /// <inheritdoc/>
    public override void Clear() => IsStopWord = false;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IStopWordAttribute)target).IsStopWord = IsStopWord;

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        ArgumentNullException.ThrowIfNull(reflector);
        reflector.Reflect<IStopWordAttribute>("stopWord", IsStopWord);
    }
}
