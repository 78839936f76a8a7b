using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Highlighting;
using Kunskapsbank.Indexer.Query;
using Kunskapsbank.Indexer.Tests.Analysis;

namespace Kunskapsbank.Indexer.Tests.Highlighting;

public sealed class HitWindowsTests
{
    // Passages that put the analysis' context rules at a window's edge.
    private static readonly string[] Crafted =
    [
        "Inom hälso- och sjukvården ställs frågor om våld. Byggnads- eller anläggningsarbete. Hälso-\nresp. sjukvård.",
        "BESLUT OM SKATTER OCH AVGIFTER gäller inte. Använd FREDA-kortfrågor och SARA. NCK (nationellt kompetenscentrum) stöder.",
        "Enligt SoL och LVU ska socialnämnden agera; se även BrB, ÄktB och socialtjänstlagen 2025:400 samt 14 kap. 1 § SoL.",
        "Männens våld mot kvinnor – och kvinnornas mot männen – är hedersrelaterat våld, partnervåld och våldsutsatthet.",
        "Mjuka bin\u00ADdestreck, noll\u200Bbredd och e\u0301 gör att hela texten analyseras: våld\u00ADet och våldsutsatta.",
        "Text – AB – CD – ef, 3D-skrivare, A-kassa, FN:s barnkonvention, kvinno- och barnfrid, soci-\nalt stöd och LVM.",
        "\"Våld\" (våldet), [barnet], {orosanmälan}: ”skyddat boende” och ’stöd’ … Skyddade personuppgifter/sekretess.",
    ];

    private static readonly Analyzer Analyzer = SharedAnalyzer.Instance;

    [Fact]
    public void Windows_FindExactlyTheHitsOfAnalysingTheWholePassage()
    {
        var builder = new SnippetBuilder(Analyzer);
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var passage in Passages())
        {
            var tokens = Analyzer.Analyze(passage);
            foreach (var terms in QueriesFrom(tokens))
            {
                var expected = tokens.Where(t => t.End > t.Start && terms.Matches(View(t))).Select(t => (t.Start, t.End)).Distinct().Order().ToList();
                var actual = builder.CollectHits(passage, terms).Distinct().Order().ToList();
                compared++;
                if (!expected.SequenceEqual(actual) && mismatches.Count < 10)
                {
                    mismatches.Add($"{string.Join(',', terms.Anchors)}: väntat {Show(passage, expected)}, fick {Show(passage, actual)}");
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.True(compared > 5_000, $"bara {compared} jämförelser");
    }

    [Fact]
    public void Windows_CoverOnlyTheStretchesAroundTheAnchors()
    {
        var text = "Kommunen arbetar vidare med frågorna. " + new string('x', 10) + " Barnahus tar emot barn. Kommunen arbetar vidare.";
        var windows = new List<(int Start, int End)>();

        Assert.True(HitWindows.TryFind(text, ["bar"], [], windows));

        var covered = string.Concat(windows.Select(w => text[w.Start..w.End] + "|"));
        Assert.Equal("Barnahus|barn.|", covered);
    }

    [Theory]
    [InlineData("aka")]
    [InlineData("a-k")]
    public void Windows_FindAHyphenatedWord_ByAnAnchorWithOrWithoutItsHyphen(string anchor)
    {
        const string Text = "Ansök hos A-kassan i tid.";
        var windows = new List<(int Start, int End)>();

        Assert.True(HitWindows.TryFind(Text, [anchor], [], windows));

        // "A" is a word in capitals, so the window takes its neighbour too (the capitals rule looks one word back).
        Assert.Equal(["hos A-kassan"], windows.Select(w => Text[w.Start..w.End]));
    }

    [Fact]
    public void Windows_AreNotUsed_WhenTheTextHasCharactersTheTokenizerDrops()
    {
        var windows = new List<(int Start, int End)>();

        Assert.False(HitWindows.TryFind("våld\u00ADet", ["vål"], [], windows));
        Assert.False(HitWindows.TryFind("cafe\u0301", ["caf"], [], windows));
        Assert.True(HitWindows.TryFind("café – ”våld”", ["vål"], [], windows));
    }

    [Fact]
    public void StemOverrides_KeepTheAnchorOfTheirWord()
    {
        // Windows rely on a word holding its stem's first letters; the hand-made overrides are the only stems that are
        // not Snowball's (which only strips endings).
        foreach (var (form, stem) in StemOverrides.Load().Stems)
        {
            Assert.StartsWith(HitWindows.Anchor(stem), form, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Passages()
    {
        foreach (var file in Directory.GetFiles(TestData.PathOf("highlighting"), "*.txt").Order(StringComparer.Ordinal))
        {
            // Paragraphs, grouped up to the size of an indexed passage.
            var paragraphs = File.ReadAllText(file).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            var current = new System.Text.StringBuilder();
            foreach (var paragraph in paragraphs)
            {
                if (current.Length > 0 && current.Length + paragraph.Length > 800)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                current.Append(current.Length > 0 ? "\n\n" : string.Empty).Append(paragraph);
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }

        foreach (var passage in Crafted)
        {
            yield return passage;
        }
    }

    // Every word of the passage as a query (its stem with and without its exact word), and some of them as prefixes.
    private static IEnumerable<HighlightTerms> QueriesFrom(IReadOnlyList<Token> tokens)
    {
        var words = tokens.Where(t => !t.IsCompoundPart).DistinctBy(t => t.Term).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            yield return new HighlightTerms([new TermClause(word.Term, word.Word, word.Word)]);
            yield return new HighlightTerms([new TermClause(word.Term, word.Term, word.Term)]);
            if (i % 4 == 0 && word.Word.Length >= 4)
            {
                yield return new HighlightTerms([new PrefixClause(word.Word[..3])]);
            }
        }

        foreach (var part in tokens.Where(t => t.IsCompoundPart).DistinctBy(t => t.Term))
        {
            yield return new HighlightTerms([new TermClause(part.Term, part.Word, part.Word)]);
        }

        yield return new HighlightTerms([new TermClause("socialtjänstlag", "socialtjänstlagen", "socialtjänstlagen")]);
    }

    private static string Show(string passage, List<(int Start, int End)> ranges) =>
        string.Join(' ', ranges.Select(r => $"«{passage[Math.Max(0, r.Start - 12)..r.Start]}[{passage[r.Start..r.End]}]{passage[r.End..Math.Min(passage.Length, r.End + 12)]}»"));

    private static TokenView View(Token token) => new(token.Term, token.Word, token.Start, token.End, 1, token.Kind);
}
