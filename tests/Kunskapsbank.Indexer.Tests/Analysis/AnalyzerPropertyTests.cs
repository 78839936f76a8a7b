using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>Random text (mixed scripts, combining marks, emoji, lone surrogates, controls, long runs) through the chain.</summary>
public class AnalyzerPropertyTests
{
    [Property(Arbitrary = [typeof(RandomText)], MaxTest = 1500)]
    public void Any_text_keeps_the_token_stream_contract_offsets_in_range_and_positions_in_order(AnyText text)
    {
        // LuceneTokens checks the attribute contract, offsets in range and not going backwards, and the final offset.
        var lucene = LuceneTokens.Of(SharedAnalyzer.Instance.Lucene, text.Value);
        var tokens = SharedAnalyzer.Instance.Analyze(text.Value);

        var previous = -1;
        foreach (var token in tokens)
        {
            Assert.InRange(token.Start, 0, text.Value.Length);
            Assert.InRange(token.End, token.Start, text.Value.Length);
            Assert.True(token.Position >= previous, "Positionen minskade.");
            Assert.False(string.IsNullOrEmpty(token.Term));
            Assert.False(string.IsNullOrEmpty(token.Word));
            previous = token.Position;
        }

        // The facade is the Lucene chain, collected.
        Assert.Equal(lucene.Select(t => (t.Term, t.Start, t.End)), tokens.Select(t => (t.Term, t.Start, t.End)));
    }

    [Fact]
    public void Decomposed_text_with_noncharacters_and_lone_surrogates_gives_the_same_terms_as_composed_text() =>
        Decomposed_text_gives_the_same_terms_as_composed_text(new AnyText("va\u030Ald\uFFFE\uD800x\u0338 FREDA\uFFFFva\u030Ald\u00ADet"));

    [Property(Arbitrary = [typeof(RandomText)], MaxTest = 300)]
    public void Decomposed_text_gives_the_same_terms_as_composed_text(AnyText text)
    {
        // .NET normalises only well-formed UTF-16 without the noncharacters U+FFFE and U+FFFF: lone surrogates and those
        // (separators for the tokenizer anyway) become spaces first.
        var wellFormed = string.Concat(text.Value.EnumerateRunes().Select(r => r == Rune.ReplacementChar || r.Value is 0xFFFE or 0xFFFF ? " " : r.ToString()));
        var composed = wellFormed.Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.Equal(
            SharedAnalyzer.Instance.Analyze(composed).Select(t => (t.Term, t.Position, t.Kind)),
            SharedAnalyzer.Instance.Analyze(decomposed).Select(t => (t.Term, t.Position, t.Kind)));
    }
}

/// <summary>A random text; its own type so FsCheck uses <see cref="RandomText"/> for it.</summary>
public sealed record AnyText(string Value)
{
    public override string ToString() => string.Concat(Value.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}

/// <summary>FsCheck generator of <see cref="AnyText"/>: pieces that have broken tokenizers, random UTF-16 units, long runs.</summary>
public static class RandomText
{
    private static readonly string[] Pieces =
    [
        "våld", "Å", "a\u030A", "\u0301", "\u00AD", "\u200B", "\uFEFF", "😀", "👩‍👩‍👧", "\uD800", "\uDC00", "\0", "\u0007",
        "\r\n", "\t", " ", "-", ":", "/", "§", "§§", "1982", "2022/23:34", "中文", "العربية", "ĸ", "İ", "ß", "ﬁ", "𝔘",
        "Ω", "\u2028", "ǅ", "٣", "-\u00AD-", "::", "1-", "-1", "\u0300\u0300\u0300", "x\u0338", "FREDA-", "ä", "SoL", "FREDA",
        "HSLF-FS", "BESLUT OM", "våldsutsatta", "va\u030Ald\u00ADsutsatta", "barnäktenskap", "skolan", "ÅÄÖ", "ﬀ",
    ];

    public static Arbitrary<AnyText> Texts()
    {
        var piece = Gen.Frequency(
            (80, Gen.Elements(Pieces)),
            (18, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
            (2, Gen.Choose(1, 10_000).Select(n => new string('a', n))));
        return Arb.From(Gen.ListOf(piece).Select(pieces => new AnyText(string.Concat(pieces))));
    }
}
