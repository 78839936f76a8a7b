using System.Globalization;
using System.Text.Json;
using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Metadata;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Builds the Lucene documents of <see cref="IndexSchema"/>: a document with its passages, a ledger entry, a change.</summary>
public static class DocumentBuilder
{
    /// <summary>The <c>doc</c> document followed by one <c>passage</c> document per passage (written as one block), but
    /// for the fields that carry the document's id: the writing thread assigns it (<see cref="PreparedBlock.WithId"/>),
    /// the rest is built ahead on a preparing thread.</summary>
    public static PreparedBlock Prepare(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var metadata = document.Metadata;
        var analysed = document.Analysed;
        var status = StatusIds.For(metadata.Status);

        // One attribute set for every indexed field of the block: Lucene inverts the fields one after another.
        var attributes = TokenReplay.NewAttributes();
        var doc = new LuceneDocument
        {
            KeywordReplay.Field(IndexSchema.Path, document.Path, attributes),
            new NumericDocValuesField(IndexSchema.Year, metadata.Year ?? 0),
            new NumericDocValuesField(IndexSchema.PassageCount, Math.Min(document.Passages.Count, IndexSchema.PassageIdStride - 1)),
            new NumericDocValuesField(IndexSchema.Status, StatusCode(status)),
            new StoredField(IndexSchema.Details, JsonSerializer.Serialize(new StoredDetails(document.ContentType, document.PageCount, metadata.Tags, document.Problems, metadata.Supersedes))),
        };

        foreach (var (facet, value, label) in FacetValues(metadata))
        {
            doc.Add(new SortedSetDocValuesField(IndexSchema.Facet, new BytesRef(facet + IndexSchema.Separator + value)));
            doc.Add(new SortedSetDocValuesField(IndexSchema.FacetLabel, new BytesRef(facet + IndexSchema.Separator + value + IndexSchema.Separator + label)));
        }

        var title = new FieldTokens();
        title.Add(analysed.Title, 0);
        var headings = new FieldTokens();
        var body = new FieldTokens();
        string? previousHeading = null;
        var segments = new int[document.Passages.Count];
        for (var i = 0; i < document.Passages.Count; i++)
        {
            var passage = document.Passages[i];

            // A heading spanning several pages or paragraphs is counted once in the document.
            if (passage.Heading is { Length: > 0 } heading && heading != previousHeading)
            {
                headings.Add(analysed.Headings[i], 0);
            }

            previousHeading = passage.Heading;
            segments[i] = analysed.Bodies[i].Count > 0 ? body.SegmentCount : -1;
            body.Add(analysed.Bodies[i], passage.Offset);
        }

        var lengths = new List<int>(IndexSchema.DocumentTextFields.Count);
        AddZone(doc, IndexSchema.Zones[0], title, attributes, lengths);
        AddZone(doc, IndexSchema.Zones[1], headings, attributes, lengths);
        AddZone(doc, IndexSchema.Zones[2], body, attributes, lengths);

        var count = (int)Math.Min(document.Passages.Count, IndexSchema.PassageIdStride - 1);
        var layout = Layout(body, segments, count);
        doc.Add(new BinaryDocValuesField(IndexSchema.PassageLayout, new BytesRef(layout.Encode())));

        var block = new List<LuceneDocument>(count + 1) { doc };
        var (withText, textTerms, withHeading, headingTerms) = (0, 0, 0, 0);
        var withoutText = new List<int>();
        for (var i = 0; i < count; i++)
        {
            // A heading that only repeats the title (a document's own first heading, often) chose the document, not
            // the passage: it earns no heading bonus in placement, or it would win over the passage that answers.
            var heading = SameTerms(analysed.Headings[i], analysed.Title) ? [] : analysed.Headings[i];
            var textLength = layout.Length(i);
            block.Add(BuildPassage(i, document.Passages[i], heading, attributes, out var headingLength));
            if (textLength > 0)
            {
                withText++;
                textTerms += textLength;
            }
            else
            {
                withoutText.Add(i);
            }

            if (headingLength > 0)
            {
                withHeading++;
                headingTerms += headingLength;
            }
        }

        // The passages' kind and text marks ride on the document's kind term and are written onto them at flush
        // (PassageMarks); the document only names the text-mark field, so its segment knows it. A document with more
        // passages without text than a term can list marks its passages one by one.
        if (PassageMarks.DocumentKind(count, withoutText) is { } kind)
        {
            doc.Add(KeywordReplay.Field(IndexSchema.Kind, kind, attributes));
            if (withText > 0)
            {
                doc.Add(new Field(IndexSchema.PassageText, new TokenReplay(new FieldTokens(), FieldTokenKind.Terms, attributes), IndexSchema.Keyword));
            }
        }
        else
        {
            doc.Add(KeywordReplay.Field(IndexSchema.Kind, IndexSchema.Kinds.Document, attributes));
            for (var i = 0; i < count; i++)
            {
                block[1 + i].Add(KeywordReplay.Field(IndexSchema.Kind, IndexSchema.Kinds.Passage, attributes));
                if (layout.Length(i) > 0)
                {
                    block[1 + i].Add(KeywordReplay.Field(IndexSchema.PassageText, IndexSchema.PassageTextMark, attributes));
                }
            }
        }

        // The passages' totals ride on the document: a passage of its own would cost the writing thread a doc value each.
        lengths.AddRange([withText, textTerms, withHeading, headingTerms]);
        doc.Add(new BinaryDocValuesField(IndexSchema.Lengths, new BytesRef(FieldLengths.Encode(lengths))));

        return new PreparedBlock(document, block, attributes);
    }

    /// <summary>The ledger entry of a file.</summary>
    public static LuceneDocument Ledger(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var doc = new LuceneDocument
        {
            new StringField(IndexSchema.Kind, IndexSchema.Kinds.File, Field.Store.NO),
            new StringField(IndexSchema.FilePath, entry.Path, Field.Store.YES),
            new StoredField(IndexSchema.FileSize, entry.Fingerprint.Size),
            new StoredField(IndexSchema.FileModified, entry.Fingerprint.ModifiedTicks),
            new StoredField(IndexSchema.FileHash, entry.Fingerprint.ContentHash),
            new StoredField(IndexSchema.MetadataHash, entry.MetadataHash),
            new StoredField(IndexSchema.FileState, entry.State),
            new StoredField(IndexSchema.FileRecorded, entry.RecordedAt.ToUnixTimeMilliseconds()),
        };
        if (entry.DocumentId is long id)
        {
            doc.Add(new StoredField(IndexSchema.FileDocument, id));
        }

        if (entry.FailureKind is not null)
        {
            doc.Add(new StoredField(IndexSchema.FailureKind, entry.FailureKind));
        }

        if (entry.FailureReason is not null)
        {
            doc.Add(new StoredField(IndexSchema.FailureReason, entry.FailureReason));
        }

        if (entry.OcrPages > 0)
        {
            doc.Add(new StoredField(IndexSchema.FileOcrPages, entry.OcrPages));
        }

        return doc;
    }

    /// <summary>A recent change.</summary>
    public static LuceneDocument Change(StoredChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var doc = new LuceneDocument
        {
            new StringField(IndexSchema.Kind, IndexSchema.Kinds.Change, Field.Store.NO),
            new Int64Field(IndexSchema.ChangeSequence, change.Sequence, Field.Store.YES),
            new StoredField(IndexSchema.ChangeTime, change.Time.ToUnixTimeMilliseconds()),
            new StoredField(IndexSchema.ChangeKind, change.Kind),
            new StoredField(IndexSchema.ChangePath, change.Path),
        };
        if (change.OldPath is not null)
        {
            doc.Add(new StoredField(IndexSchema.ChangeOldPath, change.OldPath));
        }

        return doc;
    }

    /// <summary>The status code stored in <see cref="IndexSchema.Status"/>.</summary>
    public static long StatusCode(string status) => status switch
    {
        "ersatt" => 1,
        "upphavd" => 2,
        _ => 0,
    };

    private static bool SameTerms(IReadOnlyList<Analysis.Token> a, IReadOnlyList<Analysis.Token> b)
    {
        if (a.Count != b.Count || a.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Term, b[i].Term, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Each passage's text is its segment of the body field: its first position there and its number of terms.
    private static PassagePositions Layout(FieldTokens body, int[] segments, int count)
    {
        var bodyStarts = body.PositionalStarts();
        var starts = new int[count];
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            lengths[i] = segments[i] < 0 ? 0 : body.TermsIn(segments[i]);
            starts[i] = lengths[i] > 0 ? bodyStarts[segments[i]] : -1;
        }

        return new PassagePositions(starts, lengths);
    }

    private static LuceneDocument BuildPassage(int ordinal, Extraction.ExtractedPassage passage, IReadOnlyList<Analysis.Token> heading, AttributeSource attributes, out int headingLength)
    {
        var doc = new LuceneDocument
        {
            new StoredField(IndexSchema.Ordinal, ordinal),
            new StoredField(IndexSchema.Offset, passage.Offset),
            new StoredField(IndexSchema.Headings, string.Join(IndexSchema.Separator, passage.HeadingPath)),
            new StoredField(IndexSchema.Text, passage.Text),
        };
        if (passage.Page is int page)
        {
            doc.Add(new StoredField(IndexSchema.Page, page));
        }

        if (passage.IsOcr)
        {
            doc.Add(new StoredField(IndexSchema.Ocr, 1));
        }

        var passageHeading = new FieldTokens();
        passageHeading.Add(heading, 0);
        headingLength = AddText(doc, IndexSchema.PassageHeading, passageHeading, FieldTokenKind.Terms, attributes);
        return doc;
    }

    // A zone inverts one field where it has three (ZoneFieldsConsumer writes them from it): the positional field's name
    // holds its tokens, the parts field only its stop-word parts and the word field its stop words (as one mask term),
    // and those two are added whenever the zone's field would have been, so the segment knows them. The lengths are
    // those of the three fields.
    internal static void AddZone(LuceneDocument doc, ZoneFields zone, FieldTokens tokens, AttributeSource attributes, List<int> lengths)
    {
        var positional = tokens.Count(FieldTokenKind.Positional);
        if (positional > 0)
        {
            doc.Add(new Field(zone.Positional, new TokenReplay(tokens, FieldTokenKind.Zone, attributes), IndexSchema.Positional));
        }

        var parts = tokens.Count(FieldTokenKind.Parts);
        if (parts > 0)
        {
            doc.Add(new Field(zone.Parts, new TokenReplay(tokens, FieldTokenKind.StopParts, attributes), IndexSchema.FrequenciesOnly));
        }

        var words = 0;
        if (tokens.Count(FieldTokenKind.Words) > 0)
        {
            var stopWords = new TokenReplay(tokens, FieldTokenKind.StopWords, attributes);
            doc.Add(new Field(zone.Words, stopWords, IndexSchema.FrequenciesOnly));
            words = tokens.SpokenWords + stopWords.StopWordCount;
        }

        lengths.AddRange([positional, parts, words]);
    }

    // Adds the field when it has tokens; returns its length (0 without).
    private static int AddText(LuceneDocument doc, string field, FieldTokens tokens, FieldTokenKind kind, AttributeSource attributes)
    {
        if (tokens.Count(kind) == 0)
        {
            return 0;
        }

        var replay = new TokenReplay(tokens, kind, attributes);
        var type = kind switch
        {
            FieldTokenKind.Positional => IndexSchema.Positional,
            FieldTokenKind.Parts or FieldTokenKind.Words => IndexSchema.FrequenciesOnly,
            _ => IndexSchema.Frequencies,
        };
        doc.Add(new Field(field, replay, type));
        return replay.Length;
    }

    // The resolver already tags the derived facets (ar, utgivare, dokumenttyp, status); they are added here only when
    // missing, so every filterable value is a doc value.
    private static IEnumerable<(string Facet, string Value, string Label)> FacetValues(DocumentMetadata metadata)
    {
        var facets = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var tag in metadata.Tags)
        {
            facets.Add(tag.Facet);
            var label = tag.Facet == FacetIds.Utgivare && !string.IsNullOrWhiteSpace(metadata.Publisher) ? metadata.Publisher.Trim() : tag.Value;
            if (seen.Add((tag.Facet, tag.Value)))
            {
                yield return (tag.Facet, tag.Value, label);
            }
        }

        if (metadata.Year is int year && !facets.Contains(FacetIds.Ar))
        {
            var text = year.ToString(CultureInfo.InvariantCulture);
            yield return (FacetIds.Ar, text, text);
        }

        if (!string.IsNullOrWhiteSpace(metadata.Publisher) && !facets.Contains(FacetIds.Utgivare))
        {
            yield return (FacetIds.Utgivare, Slug.From(metadata.Publisher), metadata.Publisher.Trim());
        }

        if (!string.IsNullOrWhiteSpace(metadata.DocumentType) && !facets.Contains(FacetIds.Dokumenttyp))
        {
            yield return (FacetIds.Dokumenttyp, metadata.DocumentType, metadata.DocumentType);
        }

        if (!facets.Contains(FacetIds.Status))
        {
            yield return (FacetIds.Status, StatusIds.For(metadata.Status), StatusIds.Label(metadata.Status));
        }
    }
}

/// <summary>What only the document page, the report and a move read (the <see cref="IndexSchema.Details"/> stored field).</summary>
public sealed record StoredDetails(string ContentType, int? PageCount, IReadOnlyList<FacetTag> Tags, IReadOnlyList<string> Problems, string? Supersedes);

/// <summary>The token counts of a document's text fields and of its passages' (the <see cref="IndexSchema.Lengths"/> doc values).</summary>
/// <remarks>A count of values first, then one variable-length integer per <see cref="IndexSchema.DocumentTextFields"/>
/// field in schema order, then for its passages: how many have text, their terms, how many have a heading, its terms
/// (<see cref="IndexSchema.PassageTextFields"/>).</remarks>
public static class FieldLengths
{
    private static int ValueCount => IndexSchema.DocumentTextFields.Count + (2 * IndexSchema.PassageTextFields.Count);

    /// <summary>The encoded counts.</summary>
    public static byte[] Encode(IReadOnlyList<int> lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var bytes = new List<byte>((lengths.Count * 2) + 1);
        VarInts.Write(bytes, lengths.Count);
        foreach (var length in lengths)
        {
            VarInts.Write(bytes, length);
        }

        return [.. bytes];
    }

    /// <summary>Each text field with how many Lucene documents of the block have it and their tokens; empty for a
    /// Lucene document without the doc value.</summary>
    public static IEnumerable<(string Field, int Documents, long Tokens)> Decode(byte[] bytes, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var end = offset + length;
        var i = offset;
        if (i >= end || VarInts.Read(bytes, ref i, end) != ValueCount)
        {
            yield break;
        }

        foreach (var field in IndexSchema.DocumentTextFields)
        {
            var tokens = VarInts.Read(bytes, ref i, end);
            yield return (field, tokens > 0 ? 1 : 0, tokens);
        }

        foreach (var field in IndexSchema.PassageTextFields)
        {
            var documents = VarInts.Read(bytes, ref i, end);
            var tokens = VarInts.Read(bytes, ref i, end);
            yield return (field, documents, tokens);
        }
    }
}
