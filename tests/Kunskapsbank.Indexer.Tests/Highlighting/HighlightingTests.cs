using Kunskapsbank.Indexer.Tests.Corpus;

namespace Kunskapsbank.Indexer.Tests.Highlighting;

public sealed class HighlightingTests
{
    [Fact]
    public void Snippet_MarksInflectedFormsAfterStemming()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "## Stöd\n\nKvinnojourerna erbjuder stöd dygnet runt.");
        corpus.Sync();

        var passage = corpus.Search("kvinnojour").Hits.Single().Passages[0];

        Assert.Contains("<mark>Kvinnojourerna</mark>", passage.Snippet, StringComparison.Ordinal);
        Assert.Equal("Stöd", passage.Heading);
        Assert.Contains("Kvinnojourerna erbjuder stöd", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_MarksOnlyTheCompoundPartThatMatched()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "Ställ FREDA-kortfrågor till alla.");
        corpus.Sync();

        var snippet = corpus.Search("kortfrågor").Hits.Single().Passages[0].Snippet;

        Assert.Contains("FREDA-<mark>kortfrågor</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_EscapesHtmlInTheText()
    {
        using var corpus = new TestCorpus();
        corpus.Write("a.txt", "Barnahus <script>alert('x')</script> & mer.");
        corpus.Sync();

        var snippet = corpus.Search("barnahus").Hits.Single().Passages[0].Snippet;

        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Barnahus</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OfALongPassage_IsCutAroundTheHitsOnWordBoundaries()
    {
        using var corpus = new TestCorpus();
        // About 370 characters either side: one passage (at most 800 characters) with the hit in its middle.
        var filler = string.Join(' ', Enumerable.Repeat("kommunen arbetar vidare med frågorna", 10));
        corpus.WriteMarkdown("a.md", "A", $"{filler} Barnahus tar emot barn. {filler}");
        corpus.Sync();

        var snippet = corpus.Search("barnahus").Hits.Single().Passages[0].Snippet;

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.InRange(snippet.Length, 150, 360);
        Assert.Contains("<mark>Barnahus</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Passages_AreTheBestSectionsWithTheirHeadings()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "A", "## Inledning\n\nAllmän text om kommunen.\n\n## Skyddat boende\n\nKvinnojouren ordnar skyddat boende.");
        corpus.Sync();

        var passage = corpus.Search("boende").Hits.Single().Passages[0];

        Assert.Equal("Skyddat boende", passage.Heading);
    }

    [Fact]
    public void Passages_AHeadingThatRepeatsTheTitle_DoesNotOutweighAPassageWhoseTextAnswers()
    {
        using var corpus = new TestCorpus();
        corpus.WriteMarkdown("a.md", "Lagrum om hedersrelaterat våld", "# Lagrum om hedersrelaterat våld\n\nEn förteckning med korta beskrivningar i egna ord, inte lagtext.\n\n## Socialtjänstlagen\n\nSocialnämnden ska ge stöd till den som utsätts för hedersrelaterat våld.");
        corpus.Sync();

        var passage = corpus.Search("hedersrelaterat våld").Hits.Single().Passages[0];

        Assert.Equal("Socialtjänstlagen", passage.Heading);
        Assert.Contains("<mark>hedersrelaterat</mark> <mark>våld</mark>", passage.Snippet, StringComparison.Ordinal);
    }
}
