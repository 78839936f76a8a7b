namespace Kunskapsbank.Indexer.Analysis;

/// <summary>One word as it entered the word filters and the tokens they made of it (the word first, then its parts).</summary>
internal sealed class AnalysedWord(string key, string type, AnalysedWord.Flags flags, AnalysedToken[] tokens)
{
    private readonly string _key = key;
    private readonly string _type = type;
    private readonly Flags _flags = flags;

    /// <summary>The flags a token carries into the word filters.</summary>
    [Flags]
    public enum Flags : byte
    {
        /// <summary>Neither flag.</summary>
        None = 0,

        /// <summary>Marked as a keyword before the word filters (an acronym).</summary>
        Keyword = 1,

        /// <summary>Marked as a stop word before the word filters.</summary>
        StopWord = 2,
    }

    /// <summary>The tokens made of the word: [0] is the word itself, the rest its parts.</summary>
    public AnalysedToken[] Tokens { get; } = tokens;

    /// <summary>True when this entry is for exactly this word, type and flags.</summary>
    public bool Is(ReadOnlySpan<char> word, string type, Flags flags) =>
        flags == _flags && string.Equals(type, _type, StringComparison.Ordinal) && word.SequenceEqual(_key);
}
