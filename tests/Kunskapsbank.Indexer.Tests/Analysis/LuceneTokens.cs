using Kunskapsbank.Indexer.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>One token as a Lucene stream gave it, with every attribute our chain sets.</summary>
internal sealed record LuceneToken(string Term, string Word, int Start, int End, int Increment, string Type, bool Keyword, bool StopWord)
{
    public bool IsPart => Type == SwedishTokenTypes.Part;
}

/// <summary>Consumes token streams the way Lucene's BaseTokenStreamTestCase does, checking the attribute contract.</summary>
internal static class LuceneTokens
{
    /// <summary>A one-stage (or few-stage) chain: the tokenizer, then <paramref name="filters"/>.</summary>
    public static Lucene.Net.Analysis.Analyzer Chain(Func<TokenStream, TokenStream> filters) =>
        Lucene.Net.Analysis.Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new SwedishWordTokenizer(reader);
            return new TokenStreamComponents(source, filters(source));
        });

    /// <summary>The tokens of <paramref name="text"/>, after checking Reset/IncrementToken/End/Dispose and offsets.</summary>
    public static List<LuceneToken> Of(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var stream = analyzer.GetTokenStream("f", text);
        try
        {
            return Consume(stream, text.Length);
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>
    /// Reset, then IncrementToken until false, then End; before each token every attribute is set to garbage, so a
    /// stage that forgets ClearAttributes or leaves an attribute unset shows. Checks offsets in range and never going
    /// backwards (Lucene's indexer refuses that), the first increment ≥ 1, and the final offset = the text length.
    /// </summary>
    public static List<LuceneToken> Consume(TokenStream stream, int textLength)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var keyword = stream.AddAttribute<IKeywordAttribute>();
        var stopWord = stream.AddAttribute<IStopWordAttribute>();
        var word = stream.HasAttribute<IWordAttribute>() ? stream.GetAttribute<IWordAttribute>() : null;
        var tokens = new List<LuceneToken>();
        stream.Reset();
        var lastStart = 0;
        while (true)
        {
            term.SetEmpty().Append("garbage");
            offset.SetOffset(int.MaxValue - 3, int.MaxValue);
            increment.PositionIncrement = 45987657;
            type.Type = "garbage";
            if (!stream.IncrementToken())
            {
                break;
            }

            Assert.True(term.Length > 0, "Ett tomt ord.");
            Assert.NotEqual("garbage", type.Type);
            Assert.NotEqual(45987657, increment.PositionIncrement);
            Assert.InRange(offset.StartOffset, 0, textLength);
            Assert.InRange(offset.EndOffset, offset.StartOffset, textLength);
            Assert.True(offset.StartOffset >= lastStart, $"Starten gick bakåt: {offset.StartOffset} < {lastStart}");
            Assert.True(tokens.Count > 0 || increment.PositionIncrement >= 1, "Första positionssteget måste vara minst 1.");
            Assert.True(increment.PositionIncrement >= 0);
            lastStart = offset.StartOffset;
            tokens.Add(new LuceneToken(
                term.ToString(),
                word is null ? term.ToString() : new string(word.Buffer, 0, word.Length),
                offset.StartOffset,
                offset.EndOffset,
                increment.PositionIncrement,
                type.Type,
                keyword.IsKeyword,
                stopWord.IsStopWord));
        }

        stream.End();
        Assert.Equal(textLength, offset.StartOffset);
        Assert.Equal(textLength, offset.EndOffset);
        Assert.True(increment.PositionIncrement >= 0);
        return tokens;
    }
}
