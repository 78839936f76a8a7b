using Kunskapsbank.Indexer.Analysis;

namespace Kunskapsbank.Indexer.Tests.Analysis;

/// <summary>The shared parts of the analysis (split cache, lexicon, analyzer) give on many threads what they give on one.</summary>
public class AnalyzerThreadSafetyTests
{
    // Every third word of the Snowball vocabulary: 10,000 words of every shape, enough to make threads collide.
    private static readonly string[] Words = [.. TestData.Lines("snowball", "voc.txt").Where((_, i) => i % 3 == 0)];

    [Fact]
    public void Split_cache_emptied_while_threads_use_it_still_gives_every_word_its_own_parts()
    {
        var splitter = new CompoundSplitter(SharedAnalyzer.Instance.Lucene.Lexicon);
        var expected = Words.Select(w => splitter.Split(w).ToArray()).ToArray();

        // 64 words: the cache is emptied every few dozen look-ups while four threads read and fill it.
        var cache = new CompoundSplitCache(splitter, capacity: 64);
        var mismatches = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var i = thread; i < Words.Length; i += 2)
            {
                if (!cache.Split(Words[i]).SequenceEqual(expected[i]))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Analyzer_shared_by_threads_gives_each_text_the_tokens_the_filters_alone_give()
    {
        // A fresh analyzer, so the threads fill and replace the slots of its word memo together; the expected tokens
        // come from the same chain without the memo.
        var lexicon = SharedAnalyzer.Instance.Lucene.Lexicon;
        var analyzer = new Analyzer(SwedishLuceneAnalyzer.Create(lexicon));
        var plain = new Analyzer(SwedishLuceneAnalyzer.CreateWithoutMemo(lexicon));
        var texts = Words.Chunk(40).Select(words => string.Join(' ', words.Select((w, k) => k % 7 == 0 ? w.ToUpperInvariant() : w))).ToArray();
        var expected = texts.Select(t => plain.Analyze(t).ToArray()).ToArray();

        var mismatches = 0;
        Parallel.For(0, texts.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = (i * 7919) % texts.Length;
            if (!analyzer.Analyze(texts[k]).SequenceEqual(expected[k]))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }
}
