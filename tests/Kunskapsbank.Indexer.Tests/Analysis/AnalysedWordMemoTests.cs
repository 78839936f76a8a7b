using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>Which words the memo keeps: a word at its second miss, two words of one set side by side, words in use
/// over newcomers.</summary>
public class AnalysedWordMemoTests
{
    private const string Type = SwedishTokenTypes.Word;

    [Fact]
    public void A_word_is_remembered_at_its_second_miss_and_found_after()
    {
        var memo = new AnalysedWordMemo();
        var word = "skyddsbedömning";
        var hash = HashOf(word);

        Assert.Equal(-1, memo.Claim(hash));
        var way = memo.Claim(hash);
        Assert.True(way >= 0);
        memo.Remember(way, hash, Entry(word));

        Assert.Same(word, memo.Find(hash, word, Type, AnalysedWord.Flags.None)?.Tokens[0].Term);
        Assert.Null(memo.Find(hash, word, Type, AnalysedWord.Flags.StopWord));
    }

    [Fact]
    public void Two_words_of_one_set_are_both_remembered()
    {
        var memo = new AnalysedWordMemo();
        var (first, second, _) = ThreeWordsOfOneSet();

        RememberAtSecondMiss(memo, first);
        RememberAtSecondMiss(memo, second);

        Assert.NotNull(Find(memo, first));
        Assert.NotNull(Find(memo, second));
    }

    [Fact]
    public void Words_hit_since_the_last_miss_survive_a_newcomer_and_an_unused_one_gives_way()
    {
        var memo = new AnalysedWordMemo();
        var (first, second, third) = ThreeWordsOfOneSet();
        RememberAtSecondMiss(memo, first);
        RememberAtSecondMiss(memo, second);
        Assert.NotNull(Find(memo, first));
        Assert.NotNull(Find(memo, second));

        // Both in use: the newcomer's misses only unmark them.
        Assert.Equal(-1, memo.Claim(HashOf(third)));
        Assert.NotNull(Find(memo, first));

        // Only the first was hit since: the second gives way at the newcomer's next misses.
        Assert.Equal(-1, memo.Claim(HashOf(third)));
        var way = memo.Claim(HashOf(third));
        Assert.True(way >= 0);
        memo.Remember(way, HashOf(third), Entry(third));

        Assert.NotNull(Find(memo, first));
        Assert.Null(Find(memo, second));
        Assert.NotNull(Find(memo, third));
    }

    [Fact]
    public void Cleared_memo_forgets_every_word()
    {
        var memo = new AnalysedWordMemo();
        RememberAtSecondMiss(memo, "kontaktförbud");

        memo.Clear();

        Assert.Null(Find(memo, "kontaktförbud"));
    }

    private static AnalysedWord? Find(AnalysedWordMemo memo, string word) => memo.Find(HashOf(word), word, Type, AnalysedWord.Flags.None);

    private static uint HashOf(string word) => AnalysedWordMemo.HashOf(word, Type, AnalysedWord.Flags.None);

    private static AnalysedWord Entry(string word) =>
        new(word, Type, AnalysedWord.Flags.None, [new AnalysedToken(word, word, Type, false, false, 1, 0, word.Length)]);

    private static void RememberAtSecondMiss(AnalysedWordMemo memo, string word)
    {
        var hash = HashOf(word);
        Assert.Equal(-1, memo.Claim(hash));
        var way = memo.Claim(hash);
        Assert.True(way >= 0);
        memo.Remember(way, hash, Entry(word));
    }

    // Words whose hashes pick the same set (found by trying numbered words).
    private static (string First, string Second, string Third) ThreeWordsOfOneSet()
    {
        var bySet = new Dictionary<uint, List<string>>();
        for (var i = 0; ; i++)
        {
            var word = "ord" + i;
            var set = HashOf(word) & (AnalysedWordMemo.Sets - 1);
            if (!bySet.TryGetValue(set, out var words))
            {
                bySet[set] = words = [];
            }

            words.Add(word);
            if (words.Count == 3)
            {
                return (words[0], words[1], words[2]);
            }
        }
    }
}
