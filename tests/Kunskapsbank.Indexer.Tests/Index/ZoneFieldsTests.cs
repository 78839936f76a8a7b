using Kunskapsbank.Indexer.Analysis;
using Kunskapsbank.Indexer.Index;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Codecs.PerField;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Kunskapsbank.Indexer.Tests.Index;

/// <summary>A zone inverts one field and the flush writes its three from it (<see cref="ZoneFieldsConsumer"/>): the
/// segments hold exactly what inverting the positional, parts and word fields one by one writes — terms, documents,
/// frequencies, positions, statistics and norms — after flushes of any size and after merges.</summary>
public sealed class ZoneFieldsTests
{
    private static readonly Analyzer Analyzer = SwedishAnalyzer.Create();

    // Hand-written cases the corpus texts may lack: an acronym beside the verb with its letters, a text of stop words only,
    // compounds, legal references, numbers, and characters beyond two UTF-8 bytes.
    private static readonly string[] Cases =
    [
        "FREDA är ett instrument; att freda sig och fredade platser. Freda!",
        "och det är en av dem som",
        "Våldsutsatta kvinnor får stöd av kvinnojouren dygnet runt; skyddsbedömningen görs på plats.",
        "Enligt 14 kap. 1 § socialtjänstlagen (2001:453) och HSLF-FS 2022:39 ska barnäktenskap anmälas.",
        "Tolken talade 日本語 och ελληνικά, märket 😀 och tecknet 𝔘 kostar 5 €.",
        "barn barnen barnens barnet barnets barnfamilj barnfamiljer barnäktenskap barnäktenskapet",
    ];

    [Theory]
    [InlineData(1_000, false, false)]
    [InlineData(1_000, false, true)]
    [InlineData(7, false, false)]
    [InlineData(7, false, true)]
    [InlineData(7, true, true)]
    public void Flushed_zones_hold_what_inverting_their_three_fields_writes(int docsPerSegment, bool merged, bool onSecondThread)
    {
        var documents = Documents();

        // On a second thread, in chunks of a few stems, so that many chunks and jobs pass between the threads.
        var codec = onSecondThread ? new KunskapsbankCodec(zonesInBackgroundFrom: 1, chunkBytes: 64) : IndexStore.Codec;
        using var zones = Build(documents, docsPerSegment, merged, codec);
        using var reference = Build(documents, docsPerSegment, merged, new Lucene46Codec());

        using var zoned = DirectoryReader.Open(zones);
        using var expected = DirectoryReader.Open(reference);
        Assert.Equal(expected.Leaves.Count, zoned.Leaves.Count);
        Assert.True(merged || docsPerSegment > documents.Count ? zoned.Leaves.Count == 1 : zoned.Leaves.Count > 10);
        for (var leaf = 0; leaf < expected.Leaves.Count; leaf++)
        {
            var a = zoned.Leaves[leaf].AtomicReader;
            var b = expected.Leaves[leaf].AtomicReader;
            foreach (var zone in IndexSchema.Zones)
            {
                SameField(b, a, zone.Positional, positions: true);
                SameField(b, a, zone.Parts, positions: false);
                SameField(b, a, zone.Words, positions: false);
                SameNorms(b, a, zone.Positional);
                Assert.Null(a.GetNormValues(zone.Parts));
                Assert.Null(a.GetNormValues(zone.Words));
            }
        }

        // Something of each kind was compared: acronym and verb apart, parts, stop words once.
        var body = MultiFields.GetTerms(zoned, IndexSchema.Body);
        Assert.True(body.GetEnumerator().SeekExact(new BytesRef("freda")));
        Assert.True(body.GetEnumerator().SeekExact(new BytesRef("fred")));
        Assert.True(zoned.GetSumDocFreq(IndexSchema.BodyParts) > 10);
        var och = new Term(IndexSchema.BodyWords, "och");
        Assert.Equal(zoned.DocFreq(och), zoned.TotalTermFreq(och));
        Assert.True(zoned.DocFreq(och) > 10);
    }

    [Fact]
    public void A_zone_without_stop_words_or_parts_still_writes_its_word_field()
    {
        const string text = "Kvinnojouren hjälper kvinnor dygnet runt";
        var analysed = Analyzer.Analyze(text);
        Assert.DoesNotContain(analysed, t => t.IsStopWord);
        using var directory = Build([[("Kontaktförbud", text)]], 10, merged: false, IndexStore.Codec);
        using var reader = DirectoryReader.Open(directory);
        var leaf = Assert.Single(reader.Leaves).AtomicReader;
        Assert.Equal(analysed.Select(t => t.Term).Distinct().Order(StringComparer.Ordinal), TermsOf(leaf, IndexSchema.Body));
        Assert.Equal(analysed.Where(t => !t.IsCompoundPart).Select(t => t.Word).Distinct().Order(StringComparer.Ordinal), TermsOf(leaf, IndexSchema.BodyWords));
        Assert.Contains("kvinnor", TermsOf(leaf, IndexSchema.BodyWords));
        Assert.Equal(["kontaktförbud"], TermsOf(leaf, IndexSchema.TitleWords));
        Assert.Null(leaf.GetTerms(IndexSchema.HeadingWords));
    }

    [Fact]
    public void Positional_fields_and_derived_fields_name_files_of_their_own_for_lucenes_reader()
    {
        using var directory = Build([[("Kontaktförbud", "Kvinnojouren hjälper kvinnor dygnet runt")]], 10, merged: false, IndexStore.Codec);
        using var reader = DirectoryReader.Open(directory);
        var fields = Assert.Single(reader.Leaves).AtomicReader.FieldInfos;
        foreach (var (name, suffix) in new[] { (IndexSchema.Body, "1"), (IndexSchema.Title, "1"), (IndexSchema.BodyWords, "2"), (IndexSchema.TitleWords, "2") })
        {
            Assert.Equal("Lucene41", fields.FieldInfo(name).GetAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY));
            Assert.Equal(suffix, fields.FieldInfo(name).GetAttribute(PerFieldPostingsFormat.PER_FIELD_SUFFIX_KEY));
        }

        // A field without postings names no format, as Lucene's own writer leaves it.
        Assert.Null(fields.FieldInfo(IndexSchema.HeadingWords)?.GetAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY));
    }

    [Fact]
    public void A_texts_stop_words_are_one_mask_term()
    {
        var analysed = Analyzer.Analyze("Och det är en av dem som vi och det, men inte han.");
        var tokens = new FieldTokens();
        tokens.Add(analysed, 0);
        using var replay = new TokenReplay(tokens, FieldTokenKind.StopWords, TokenReplay.NewAttributes());

        var stopWords = analysed.Where(t => t.IsStopWord && !t.IsCompoundPart).Select(t => t.Word).Distinct().Count();
        Assert.True(stopWords > 5);
        Assert.Equal(1, replay.Length);
        Assert.Equal(stopWords, replay.StopWordCount);
    }

    [Fact]
    public void A_mask_reads_back_as_its_words_documents_and_other_terms_stay_as_they_are()
    {
        var mask = new StopWordMask(["som", "och", "det"]);
        var masks = new BufferedPostings(positions: false);
        Add(masks, [StopWordMask.Mark, 0b011], [0, 5]);
        Add(masks, [StopWordMask.Mark, 0b100], [2, 3]);
        Add(masks, [StopWordMask.Mark, 0b001], [4]);
        Add(masks, "xyz"u8.ToArray(), [1]);

        var words = mask.Expand(masks);

        var expected = new[] { ("det", new[] { 0, 4, 5 }), ("och", [0, 5]), ("som", [2, 3]), ("xyz", [1]) };
        Assert.Equal(expected.Length, words.Count);
        for (var term = 0; term < words.Count; term++)
        {
            Assert.Equal(expected[term].Item1, System.Text.Encoding.UTF8.GetString(words.Text(term)));
            var cursor = words.Cursor(term);
            var docs = new List<int>();
            while (cursor.Next())
            {
                Assert.Equal(1, cursor.Freq);
                docs.Add(cursor.Doc);
            }

            Assert.Equal(expected[term].Item2, docs);
        }
    }

    private static void Add(BufferedPostings buffer, byte[] term, int[] docs)
    {
        var bytes = new BytesRef(term);
        var postings = buffer.StartTerm(bytes);
        foreach (var doc in docs)
        {
            postings.StartDoc(doc, 1);
            postings.FinishDoc();
        }

        buffer.FinishTerm(bytes, new Lucene.Net.Codecs.TermStats(docs.Length, docs.Length));
    }

    private static List<List<(string Title, string Body)>> Documents()
    {
        var texts = System.IO.Directory.GetFiles(TestData.PathOf("api-corpus"), "*.*", SearchOption.AllDirectories)
            .Concat(System.IO.Directory.GetFiles(TestData.PathOf("highlighting"), "*.txt"))
            .Where(path => path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => File.ReadAllText(path).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Take(400)
            .ToList();
        Assert.True(texts.Count > 100);

        // Each document: a title and a few passages, so segments and headings are joined as in the index.
        var documents = new List<List<(string Title, string Body)>>();
        foreach (var text in Cases)
        {
            documents.Add([(text, text), ("Rubrik om " + text, text)]);
        }

        for (var i = 0; i + 3 <= texts.Count; i += 3)
        {
            documents.Add([(texts[i].Split('\n')[0], texts[i]), (texts[i + 1].Split('\n')[0], texts[i + 1]), (string.Empty, texts[i + 2])]);
        }

        return documents;
    }

    // The same documents written through the zones (one inverted field per zone, our codec) or as three inverted fields
    // each with Lucene's own codec.
    private static RAMDirectory Build(List<List<(string Title, string Body)>> documents, int docsPerSegment, bool merged, Lucene.Net.Codecs.Codec codec)
    {
        var zoned = codec is KunskapsbankCodec;
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, null)
        {
            Similarity = IndexStore.Similarity,
            Codec = codec,
            MaxBufferedDocs = docsPerSegment,
            MergePolicy = merged ? new TieredMergePolicy() : NoMergePolicy.COMPOUND_FILES,
            MergeScheduler = new SerialMergeScheduler(),
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var passages in documents)
            {
                var title = new FieldTokens();
                title.Add(Analyzer.Analyze(passages[0].Title), 0);
                var headings = new FieldTokens();
                var body = new FieldTokens();
                foreach (var (heading, text) in passages.Skip(1))
                {
                    headings.Add(Analyzer.Analyze(heading), 0);
                }

                var offset = 0;
                foreach (var (_, text) in passages)
                {
                    body.Add(Analyzer.Analyze(text), offset);
                    offset += text.Length + 2;
                }

                var doc = new LuceneDocument();
                var attributes = TokenReplay.NewAttributes();
                foreach (var (zone, tokens) in IndexSchema.Zones.Zip([title, headings, body]))
                {
                    if (zoned)
                    {
                        DocumentBuilder.AddZone(doc, zone, tokens, attributes, []);
                    }
                    else
                    {
                        Add(doc, zone.Positional, tokens, FieldTokenKind.Positional, IndexSchema.Positional, attributes);
                        Add(doc, zone.Parts, tokens, FieldTokenKind.Parts, IndexSchema.FrequenciesOnly, attributes);
                        Add(doc, zone.Words, tokens, FieldTokenKind.Words, IndexSchema.FrequenciesOnly, attributes);
                    }
                }

                writer.AddDocument(doc);
            }

            if (merged)
            {
                writer.ForceMerge(1);
            }

            writer.Commit();
        }

        return directory;
    }

    private static void Add(LuceneDocument doc, string field, FieldTokens tokens, FieldTokenKind kind, FieldType type, Lucene.Net.Util.AttributeSource attributes)
    {
        if (tokens.Count(kind) > 0)
        {
            doc.Add(new Field(field, new TokenReplay(tokens, kind, attributes), type));
        }
    }

    private static void SameField(AtomicReader expected, AtomicReader actual, string field, bool positions)
    {
        var want = expected.GetTerms(field);
        var have = actual.GetTerms(field);
        if (want is null)
        {
            Assert.Null(have);
            return;
        }

        Assert.NotNull(have);
        Assert.Equal(want.SumDocFreq, have.SumDocFreq);
        Assert.Equal(want.SumTotalTermFreq, have.SumTotalTermFreq);
        Assert.Equal(want.DocCount, have.DocCount);
        Assert.Equal(want.Count, have.Count);
        var wanted = want.GetEnumerator();
        var had = have.GetEnumerator();
        while (wanted.MoveNext())
        {
            Assert.True(had.MoveNext());
            Assert.Equal(wanted.Term.Utf8ToString(), had.Term.Utf8ToString());
            Assert.Equal(wanted.DocFreq, had.DocFreq);
            Assert.Equal(wanted.TotalTermFreq, had.TotalTermFreq);
            if (positions)
            {
                var a = wanted.DocsAndPositions(null, null);
                var b = had.DocsAndPositions(null, null);
                while (a.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(a.DocID, b.NextDoc());
                    Assert.Equal(a.Freq, b.Freq);
                    for (var i = 0; i < a.Freq; i++)
                    {
                        Assert.Equal(a.NextPosition(), b.NextPosition());
                    }
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, b.NextDoc());
            }
            else
            {
                var a = wanted.Docs(null, null);
                var b = had.Docs(null, null);
                while (a.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(a.DocID, b.NextDoc());
                    Assert.Equal(a.Freq, b.Freq);
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, b.NextDoc());
            }
        }

        Assert.False(had.MoveNext());
    }

    private static void SameNorms(AtomicReader expected, AtomicReader actual, string field)
    {
        var want = expected.GetNormValues(field);
        var have = actual.GetNormValues(field);
        Assert.Equal(want is null, have is null);
        for (var doc = 0; want is not null && doc < expected.MaxDoc; doc++)
        {
            Assert.Equal(want.Get(doc), have!.Get(doc));
        }
    }

    private static List<string> TermsOf(AtomicReader reader, string field)
    {
        var terms = new List<string>();
        var e = reader.GetTerms(field).GetEnumerator();
        while (e.MoveNext())
        {
            terms.Add(e.Term.Utf8ToString());
        }

        return terms;
    }
}
