using System.Globalization;
using Kunskapsbank.Indexer.Facets;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A document's Lucene block, built but for the fields that carry its id (see <see cref="DocumentBuilder.Prepare"/>).</summary>
/// <remarks>Its token streams are read once, so the block is written once: a second <see cref="WithId"/> is refused.</remarks>
public sealed class PreparedBlock
{
    private readonly IndexedDocument _document;
    private readonly List<LuceneDocument> _block;
    private readonly AttributeSource _attributes;
    private bool _assigned;

    internal PreparedBlock(IndexedDocument document, List<LuceneDocument> block, AttributeSource attributes)
    {
        _document = document;
        _block = block;
        _attributes = attributes;
    }

    /// <summary>The block with document id <paramref name="id"/>: its key term on every document of the block, and on the
    /// first the id and the result-list summary.</summary>
    /// <exception cref="InvalidOperationException">The block was given an id before.</exception>
    public List<LuceneDocument> WithId(long id)
    {
        if (_assigned)
        {
            throw new InvalidOperationException("A prepared block is written once.");
        }

        _assigned = true;
        var metadata = _document.Metadata;
        var key = id.ToString(CultureInfo.InvariantCulture);
        var summary = new DocumentSummary(id, _document.Path, metadata.Title, metadata.Publisher, metadata.Year, metadata.DocumentType, StatusIds.For(metadata.Status), metadata.SupersededBy);
        _block[0].Add(new NumericDocValuesField(IndexSchema.Id, id));
        _block[0].Add(new BinaryDocValuesField(IndexSchema.Summary, new BytesRef(SummaryCodec.Encode(summary))));
        foreach (var doc in _block)
        {
            doc.Add(KeywordReplay.Field(IndexSchema.DocumentKey, key, _attributes));
        }

        return _block;
    }
}
