using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Turns text into index terms; the one analyzer serves both indexing and queries.</summary>
/// <remarks>Immutable and thread-safe: build it once (it loads dictionaries) and share it. <see cref="Analyze"/> runs
/// the Lucene chain of <see cref="Lucene"/> and collects its tokens, so there is one implementation of the analysis.</remarks>
public sealed class Analyzer
{
    // The chain is the same for every field; the name only selects Lucene's per-field reuse slot.
    private const string FieldName = "text";

    internal Analyzer(SwedishLuceneAnalyzer lucene) => Lucene = lucene;

    /// <summary>The Lucene analyzer behind this one, for an engine that indexes with Lucene fields directly.</summary>
    public SwedishLuceneAnalyzer Lucene { get; }

    /// <summary>Analyses <paramref name="text"/> into tokens in position order (parts right after their whole word).</summary>
    public IReadOnlyList<Token> Analyze(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = new List<Token>((text.Length / 6) + 4);
        using var stream = Lucene.GetTokenStream(FieldName, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var word = stream.AddAttribute<IWordAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var stopWord = stream.AddAttribute<IStopWordAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position = Math.Max(0, position + increment.PositionIncrement);
            var termText = new string(term.Buffer, 0, term.Length);
            var wordSpan = word.Buffer.AsSpan(0, word.Length);
            var wordText = wordSpan.SequenceEqual(termText) ? termText : new string(wordSpan);
            var kind = type.Type == SwedishTokenTypes.Part ? TokenKind.CompoundPart : TokenKind.Word;
            if (stopWord.IsStopWord)
            {
                kind |= TokenKind.StopWord;
            }

            tokens.Add(new Token(termText, wordText, offset.StartOffset, offset.EndOffset, position, kind));
        }

        stream.End();
        return tokens;
    }

    /// <summary>The index term of one lower-case word, as the index makes it (overrides, protected words, -an rule).</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var token in Analyze(word))
        {
            if (!token.IsCompoundPart)
            {
                return token.Term;
            }
        }

        return word;
    }
}
