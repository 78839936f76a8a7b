using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Suggestions;

namespace Kunskapsbank.Indexer.Tests.Suggestions;

public sealed class TitleIndexTests
{
    [Fact]
    public void Starting_FindsAWordInTheMiddleOfATitle_OnlyAtWordStarts_ShortestTitleFirst()
    {
        var index = new TitleIndex([
            Summary(1, "Stöd till föräldrar"),
            Summary(2, "Vård av äldre och föräldrar i Sverige"),
            Summary(3, "Äldre personer"),
            Summary(4, "Våld mot äldre"),
            Summary(5, "Föräldrar och äldre"),
            Summary(6, "Nyhetsbrev (äldre-frågor)"),
        ]);

        Assert.Equal([3, 4, 5, 6, 2], index.Starting("äldre", 10).Select(d => d.Id));
        Assert.Equal([3, 4], index.Starting("ÄLDRE", 2).Select(d => d.Id));
        Assert.Equal([1, 5, 2], index.Starting("föräl", 10).Select(d => d.Id));
        Assert.Empty(index.Starting("ldre", 10));
    }

    [Fact]
    public void Starting_FindsTheSameTitlesAsReadingEveryTitle_ForRareAndCommonPrefixes()
    {
        var random = new Random(5);
        string[] words = ["barn", "barnahus", "våld", "våldsutsatt", "heder", "hedersrelaterat", "stöd", "äldre", "föräldrar", "kvinnojour", "och", "i"];
        var documents = Enumerable.Range(0, 10000)
            .Select(id => Summary(id, string.Join(random.Next(4) == 0 ? "-" : " ", Enumerable.Range(0, random.Next(1, 9)).Select(_ => words[random.Next(words.Length)]))))
            .ToList();
        var index = new TitleIndex(documents);

        foreach (var typed in new[] { "b", "ba", "barnah", "v", "våldsu", "och", "i", "äl", "föräldrar i", "ldre", "x" })
        {
            var expected = documents.OrderBy(d => d.Title.Length).ThenBy(d => d.Id)
                .Where(d => StartsAWord(d.Title.ToLowerInvariant(), typed))
                .Take(7)
                .Select(d => d.Id);

            Assert.Equal(expected, index.Starting(typed, 7).Select(d => d.Id));
        }
    }

    private static bool StartsAWord(string title, string typed) =>
        Enumerable.Range(0, title.Length).Any(at => (at == 0 || !char.IsLetterOrDigit(title[at - 1])) && title.AsSpan(at).StartsWith(typed, StringComparison.Ordinal));

    private static DocumentSummary Summary(long id, string title) => new(id, $"d{id}.md", title, null, null, null, "gallande", null);
}
