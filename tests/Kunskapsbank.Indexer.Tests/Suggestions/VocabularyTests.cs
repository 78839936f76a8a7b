using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Suggestions;

namespace Kunskapsbank.Indexer.Tests.Suggestions;

public sealed class VocabularyTests
{
    [Fact]
    public void WordsWithPrefix_ForAShortPrefix_ReturnsTheMostFrequentWordsFirst()
    {
        var filler = Enumerable.Range(0, 3000).Select(i => new VocabularyEntry($"ba{i:D4}x", 1 + (i % 5)));
        var vocabulary = new Vocabulary([.. filler, new("barn", 900), new("bas", 40), new("bar", 40), new("bad", 7), new("ord", 5000)]);

        Assert.Equal(["barn", "bar", "bas", "bad"], vocabulary.WordsWithPrefix("ba", 4).Select(w => w.Term));
        Assert.Equal(["barn", "bar"], vocabulary.WordsWithPrefix("b", 2).Select(w => w.Term));
    }

    [Fact]
    public void WordsWithPrefix_FindsWhatRankingEveryWordFinds_ForShortAndLongPrefixes()
    {
        var random = new Random(3);
        const string letters = "abdeklnorstvåäö";
        var words = Enumerable.Range(0, 20000)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => letters[random.Next(letters.Length)])]))
            .Distinct()
            .Select(w => new VocabularyEntry(w, random.Next(1, 60)))
            .ToList();
        var vocabulary = new Vocabulary(words);

        foreach (var prefix in new[] { "a", "ab", "abd", "å", "vä", "ok", "kla", "zz", "ä" })
        {
            foreach (var limit in new[] { 1, 8, 50, 80 })
            {
                var expected = words.Where(w => w.Term.StartsWith(prefix, StringComparison.Ordinal))
                    .OrderByDescending(w => w.DocumentCount).ThenBy(w => w.Term, StringComparer.Ordinal).Take(limit);

                Assert.Equal(expected, vocabulary.WordsWithPrefix(prefix, limit));
            }
        }
    }
}
