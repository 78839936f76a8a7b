using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Turns text into index terms; the one analyzer serves both indexing and queries.</summary>
/// <remarks>Immutable and thread-safe: build it once (it loads dictionaries) and share it. <see cref="Analyze"/> runs
/// the Lucene chain of <see cref="Lucene"/> and collects its tokens, so there is one implementation of the analysis.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Built once per process and shared; the thread-local pools are small and go with it.")]
public sealed class Analyzer
{
    // The chain is the same for every field; the name only selects Lucene's per-field reuse slot.
    private const string FieldName = "text";

    // Kept below the large-object heap (its collections are full ones).
    private const int KeptScratchTokens = 2048;

    // One pool per thread, like Lucene's per-thread token streams; bounded (see TermStringPool).
    private readonly ThreadLocal<TermStringPool> _strings = new(() => new TermStringPool());

    // Tokens are collected here and copied out at their exact count: growing a list per text left two to three times
    // the tokens' size as garbage.
    private readonly ThreadLocal<List<Token>> _scratch = new(() => new List<Token>(256));

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

        var tokens = _scratch.Value!;
        tokens.Clear();
        var strings = _strings.Value!;
        var position = -1;
        Visit(text, (in TokenView token) =>
        {
            position = Math.Max(0, position + token.PositionIncrement);
            var termText = token.TermText ?? strings.Get(token.Term);
            var wordText = token.WordText ?? (token.Word.SequenceEqual(termText) ? termText : strings.Get(token.Word));
            tokens.Add(new Token(termText, wordText, token.Start, token.End, position, token.Kind));
        });
        Token[] result = tokens.Count == 0 ? [] : [.. tokens];
        if (tokens.Capacity > KeptScratchTokens)
        {
            _scratch.Value = new List<Token>(256);
        }

        return result;
    }

    /// <summary>Runs the analysis and shows each token to <paramref name="visitor"/> without making strings of it.</summary>
    /// <remarks>For the hot paths that only compare tokens (highlighting): a token list of a passage was a fifth of a
    /// result page's garbage.</remarks>
    public void Visit(string text, TokenVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        using var stream = Lucene.GetTokenStream(FieldName, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var word = stream.AddAttribute<IWordAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var stopWord = stream.AddAttribute<IStopWordAttribute>();
        var texts = stream.AddAttribute<ITermTextAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var kind = type.Type == SwedishTokenTypes.Part ? TokenKind.CompoundPart : TokenKind.Word;
            if (stopWord.IsStopWord)
            {
                kind |= TokenKind.StopWord;
            }

            visitor(new TokenView(term.Buffer.AsSpan(0, term.Length), word.Buffer.AsSpan(0, word.Length), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, kind)
            {
                TermText = texts.Term,
                WordText = texts.Word,
            });
        }

        stream.End();
    }

    /// <summary>Empties the chain's word memo after a bulk change (see <see cref="SwedishLuceneAnalyzer.ForgetWords"/>).</summary>
    public void ForgetWords() => Lucene.ForgetWords();

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
