using Kunskapsbank.Indexer.Ranking;
using Lucene.Net.Search;

namespace Kunskapsbank.Indexer.Tests.Ranking;

/// <summary>The heap walks the union of its lists, in order, and names exactly the lists standing on each document.</summary>
public sealed class ScorerHeapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(64)]
    public void Stepping_GivesEveryDocumentOfTheUnionOnce_WithTheListsHoldingIt(int lists)
    {
        var random = new Random(lists);
        for (var round = 0; round < 50; round++)
        {
            var docs = Lists(random, lists);
            var heap = new ScorerHeap([.. docs.Select(d => (DocIdSetIterator)new ArrayIterator(d))]);
            var expected = docs.SelectMany(d => d).Distinct().Order().ToList();
            var matching = new List<int>();

            var walked = new List<int>();
            for (var doc = heap.NextDoc(-1); doc != DocIdSetIterator.NO_MORE_DOCS; doc = heap.NextDoc(doc))
            {
                walked.Add(doc);
                heap.Matching(doc, matching);
                Assert.Equal(Enumerable.Range(0, lists).Where(i => docs[i].Contains(doc)), matching);
            }

            Assert.Equal(expected, walked);
        }
    }

    [Fact]
    public void Advancing_LandsOnTheFirstDocumentOfTheUnionAtOrAfterTheTarget()
    {
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var docs = Lists(random, 1 + random.Next(20));
            var heap = new ScorerHeap([.. docs.Select(d => (DocIdSetIterator)new ArrayIterator(d))]);
            var union = docs.SelectMany(d => d).Distinct().Order().ToList();
            var target = -1;
            while (true)
            {
                target += 1 + random.Next(30);
                var expected = union.FirstOrDefault(d => d >= target, DocIdSetIterator.NO_MORE_DOCS);
                var doc = heap.Advance(target);
                Assert.Equal(expected, doc);
                if (doc == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                target = doc;
            }
        }
    }

    // Lists of ascending documents, with many neighbours and shared documents, some empty.
    private static int[][] Lists(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, random.Next(40)).Select(_ => random.Next(200)).Distinct().Order().ToArray())];

    private sealed class ArrayIterator(int[] docs) : DocIdSetIterator
    {
        private int _index = -1;

        public override int DocID => _index < 0 ? -1 : _index >= docs.Length ? NO_MORE_DOCS : docs[_index];

        public override int NextDoc()
        {
            _index++;
            return DocID;
        }

        public override int Advance(int target)
        {
            do
            {
                _index++;
            }
            while (_index < docs.Length && docs[_index] < target);

            return DocID;
        }

        public override long GetCost() => docs.Length;
    }
}
