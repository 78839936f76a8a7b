using Kunskapsbank.Indexer.Index;
using Kunskapsbank.Indexer.Suggestions;

namespace Kunskapsbank.Indexer.Tests.Suggestions;

public sealed class VocabularySearchTests
{
    [Fact]
    public void Near_FindsExactlyTheWordsABruteForceDistanceFinds()
    {
        var random = new Random(11);
        const string letters = "aeiouåäönrstlkmdg";
        string RandomWord(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max)).Select(_ => letters[random.Next(letters.Length)])]);
        var words = Enumerable.Range(0, 3000).Select(_ => RandomWord(2, 11)).Distinct().Select(w => new VocabularyEntry(w, 1)).ToList();
        var sorted = words.OrderBy(w => w.Term, StringComparer.Ordinal).ToList();

        for (var i = 0; i < 200; i++)
        {
            var word = i % 2 == 0 ? RandomWord(3, 12) : Mutate(sorted[random.Next(sorted.Count)].Term, random);
            var max = i % 3 == 0 ? 2.0 : 1.0;

            var found = VocabularySearch.Near(sorted, word, max, int.MaxValue).ToDictionary(f => f.Entry.Term, f => f.Distance);
            var expected = sorted.Where(w => w.Term != word).Select(w => (w.Term, Distance: SwedishEditDistance.Distance(word, w.Term, max)))
                .Where(w => w.Distance <= max).ToDictionary(w => w.Term, w => w.Distance);

            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), found.OrderBy(e => e.Key, StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("atgarder", "åtgärder", 1.0)]
    [InlineData("kvinnojuor", "kvinnojour", 1.0)]
    [InlineData("vald", "våld", 0.5)]
    [InlineData("hedersrelatarat", "hedersrelaterat", 1.0)]
    [InlineData("far", "får", 0.5)]
    [InlineData("far", "för", 1.0)]
    public void Distance_CountsSwapsAsOneAndSwedishLetterSlipsAsHalf(string typed, string word, double expected)
    {
        Assert.Equal(expected, SwedishEditDistance.Distance(typed, word, 3));
    }

    [Fact]
    public void Near_StopsAtTheLimit()
    {
        var sorted = new[] { "barn", "bark", "barr", "bart", "berg" }.Select(w => new VocabularyEntry(w, 1)).ToList();

        Assert.Equal(2, VocabularySearch.Near(sorted, "bars", 1, 2).Count);
    }

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        var at = random.Next(chars.Count);
        switch (random.Next(4))
        {
            case 0: chars.RemoveAt(at); break;
            case 1: chars.Insert(at, 'a'); break;
            case 2: chars[at] = chars[at] == 'a' ? 'ä' : 'o'; break;
            default:
                if (at + 1 < chars.Count)
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }

                break;
        }

        return new string([.. chars]);
    }
}
