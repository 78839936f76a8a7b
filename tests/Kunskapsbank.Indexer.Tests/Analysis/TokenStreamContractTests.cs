using Kunskapsbank.Indexer.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>The whole chain obeys Lucene's consumer workflow: Reset, IncrementToken…, End, Dispose, and reuse.</summary>
public class TokenStreamContractTests
{
    private static readonly SwedishLuceneAnalyzer Lucene = SharedAnalyzer.Instance.Lucene;

    [Fact]
    public void Reused_chain_gives_the_same_tokens_for_the_same_text()
    {
        const string text = "Enligt 14 kap. 1 § SoL ska FREDA-kortfrågor användas. VÅLD I NÄRA RELATIONER";
        var first = LuceneTokens.Of(Lucene, text);
        LuceneTokens.Of(Lucene, "HSLF-FS " + new string('x', 400) + " våldsutsatta");
        Assert.Equal(first, LuceneTokens.Of(Lucene, text));
    }

    [Fact]
    public void A_stream_left_in_the_middle_of_a_word_in_capitals_leaves_nothing_for_the_next_text()
    {
        using (var stream = Lucene.GetTokenStream("f", "Använd FREDA NU och SARA"))
        {
            stream.Reset();
            Assert.True(stream.IncrementToken());
            Assert.True(stream.IncrementToken());
            stream.End();
        }

        Assert.Equal(["barn"], LuceneTokens.Of(Lucene, "barnen").Select(t => t.Term));
    }

    [Fact]
    public void Reading_without_reset_is_refused()
    {
        using var stream = Lucene.GetTokenStream("f", "våld");
        Assert.ThrowsAny<InvalidOperationException>(() => stream.IncrementToken());
    }

    [Fact]
    public void Empty_and_separator_only_text_gives_no_tokens_and_the_right_final_offset()
    {
        Assert.Empty(LuceneTokens.Of(Lucene, ""));
        Assert.Empty(LuceneTokens.Of(Lucene, " -- ... \u00AD 😀 "));
    }

    [Fact]
    public void Chain_sets_the_word_before_stemming_and_the_types_the_engine_reads()
    {
        using var stream = Lucene.GetTokenStream("f", "våldsutsatta barnen");
        var word = stream.AddAttribute<IWordAttribute>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var seen = new List<(string, string, string)>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            seen.Add((term.ToString(), new string(word.Buffer, 0, word.Length), type.Type));
        }

        stream.End();
        Assert.Equal(
            [("våldsutsat", "våldsutsatta", SwedishTokenTypes.Word), ("våld", "våld", SwedishTokenTypes.Part), ("utsat", "utsatt", SwedishTokenTypes.Part), ("barn", "barnen", SwedishTokenTypes.Word)],
            seen);
    }
}
