using System.Globalization;
using System.Text;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>The kind term and text mark of a document's passages, spelled once on the document's own kind term and written
/// onto the passages when a segment is flushed (<see cref="ZoneFieldsConsumer"/>).</summary>
/// <remarks>Passages are nine in ten of the index's Lucene documents, and each carried two one-term fields (its kind and,
/// with text, the mark that counts it for passage BM25) that say nothing a document could not say for all of them. A
/// block is written as one, so a document's passages are the documents that follow it in its segment: the document's kind
/// term says how many there are and which of them have no text (<c>doc␁12</c>, <c>doc␁12␁3,7</c>).</remarks>
public static class PassageMarks
{
    private const char Mark = '\u0001';

    private static readonly byte[] DocumentPrefix = Encoding.ASCII.GetBytes(IndexSchema.Kinds.Document + Mark);

    /// <summary>The longest kind term written: Lucene refuses terms over 32,766 bytes, and a document that long in passages
    /// without text is rare enough to mark them one by one.</summary>
    public const int MaxTermLength = 4_096;

    /// <summary>The kind term of a document followed by <paramref name="passages"/> passages, of which those at
    /// <paramref name="withoutText"/> (ordinals, increasing) have no text; null when the list is longer than
    /// <see cref="MaxTermLength"/> (the passages then carry their own kind and mark).</summary>
    public static string? DocumentKind(int passages, IReadOnlyList<int> withoutText)
    {
        ArgumentNullException.ThrowIfNull(withoutText);
        var kind = IndexSchema.Kinds.Document + Mark + passages.ToString(CultureInfo.InvariantCulture);
        if (withoutText.Count > 0)
        {
            kind += Mark + string.Join(',', withoutText.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        }

        return kind.Length <= MaxTermLength ? kind : null;
    }

    /// <summary>Reads a kind term written by <see cref="DocumentKind"/>: false for any other kind term.</summary>
    public static bool TryRead(ReadOnlySpan<byte> term, out int passages, List<int> withoutText)
    {
        ArgumentNullException.ThrowIfNull(withoutText);
        passages = 0;
        withoutText.Clear();
        if (!term.StartsWith(DocumentPrefix))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(term[DocumentPrefix.Length..]).Split(Mark);
        passages = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length > 1)
        {
            withoutText.AddRange(parts[1].Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture)));
        }

        return true;
    }

    /// <summary>Writes the kind field from the kind terms a flush buffered: a document's own kind, and each of its passages
    /// its kind; the passages with text are added to <paramref name="passageText"/> for <see cref="WritePassageText"/>.</summary>
    internal static void WriteKinds(FieldsConsumer inner, SegmentWriteState state, BufferedPostings kinds, List<int> passageText)
    {
        var docs = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var withoutText = new List<int>();
        for (var term = 0; term < kinds.Count; term++)
        {
            var cursor = kinds.Cursor(term);
            if (TryRead(kinds.Text(term), out var passages, withoutText))
            {
                while (cursor.Next())
                {
                    Add(docs, IndexSchema.Kinds.Document, cursor.Doc);
                    for (int i = 0, skip = 0; i < passages; i++)
                    {
                        Add(docs, IndexSchema.Kinds.Passage, cursor.Doc + 1 + i);
                        if (skip < withoutText.Count && withoutText[skip] == i)
                        {
                            skip++;
                        }
                        else
                        {
                            passageText.Add(cursor.Doc + 1 + i);
                        }
                    }
                }
            }
            else
            {
                var kind = Encoding.UTF8.GetString(kinds.Text(term));
                while (cursor.Next())
                {
                    Add(docs, kind, cursor.Doc);
                }
            }
        }

        WriteDocsOnly(inner, state, IndexSchema.Kind, docs);
    }

    /// <summary>Writes the text-mark field: its one term on the passages that have text.</summary>
    internal static void WritePassageText(FieldsConsumer inner, SegmentWriteState state, List<int> passageText) =>
        WriteDocsOnly(inner, state, IndexSchema.PassageText, new SortedDictionary<string, List<int>>(StringComparer.Ordinal) { [IndexSchema.PassageTextMark] = passageText });

    private static void Add(SortedDictionary<string, List<int>> docs, string term, int doc)
    {
        if (!docs.TryGetValue(term, out var list))
        {
            docs[term] = list = [];
        }

        list.Add(doc);
    }

    // One-term-per-document fields have no frequencies (docs only, as a StringField).
    private static void WriteDocsOnly(FieldsConsumer inner, SegmentWriteState state, string field, SortedDictionary<string, List<int>> docs) =>
        MergedTerms.WriteField(inner, state, field, BufferedPostings.OfTerms([.. docs.Select(d => (Encoding.UTF8.GetBytes(d.Key), d.Value.Select(doc => (doc, -1)).ToList()))]));
}
