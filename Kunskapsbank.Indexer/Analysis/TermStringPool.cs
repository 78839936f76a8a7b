namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Hands out one string instance per recently seen term, so collecting tokens rarely allocates.</summary>
/// <remarks>Terms repeat heavily, and a new string per token was a large part of <see cref="Analyzer.Analyze"/>.
/// Bounded and not thread-safe, as <see cref="RecentWordCache{TValue}"/>: each thread has its own.</remarks>
internal sealed class TermStringPool
{
    private readonly RecentWordCache<string> _strings = new();

    /// <summary>A string with the characters of <paramref name="chars"/>, shared with earlier calls when possible.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (_strings.TryGet(chars, out var pooled, out var slot))
        {
            return pooled;
        }

        var text = new string(chars);
        _strings.Set(slot, chars, text);
        return text;
    }
}
