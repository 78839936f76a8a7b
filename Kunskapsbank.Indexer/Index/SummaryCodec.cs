using System.Text;

namespace Kunskapsbank.Indexer.Index;

/// <summary>Writes and reads <see cref="DocumentSummary"/> as the compact bytes of the <see cref="IndexSchema.Summary"/> doc values.</summary>
/// <remarks>Length-prefixed UTF-8 and a flag byte for what may be missing; a few hundred bytes per document. Long texts are
/// cut so a value always fits a doc-values entry.</remarks>
public static class SummaryCodec
{
    private const int MaxText = 4000;

    /// <summary>The bytes of <paramref name="summary"/>.</summary>
    public static byte[] Encode(DocumentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = new MemoryStream(256);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(summary.Id);
            writer.Write(Cut(summary.Path));
            writer.Write(Cut(summary.Title));
            writer.Write(summary.Status);
            WriteOptional(writer, summary.Publisher);
            WriteOptional(writer, summary.DocumentType);
            WriteOptional(writer, summary.SupersededBy);
            writer.Write(summary.Year is not null);
            writer.Write(summary.Year ?? 0);
        }

        return stream.ToArray();
    }

    /// <summary>The summary in <paramref name="bytes"/> from <paramref name="offset"/>.</summary>
    public static DocumentSummary Decode(byte[] bytes, int offset, int length)
    {
        using var stream = new MemoryStream(bytes, offset, length, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var id = reader.ReadInt64();
        var path = reader.ReadString();
        var title = reader.ReadString();
        var status = reader.ReadString();
        var publisher = ReadOptional(reader);
        var type = ReadOptional(reader);
        var supersededBy = ReadOptional(reader);
        var hasYear = reader.ReadBoolean();
        var year = reader.ReadInt32();
        return new DocumentSummary(id, path, title, publisher, hasYear ? year : null, type, status, supersededBy);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(Cut(value));
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static string Cut(string text) => text.Length <= MaxText ? text : text[..MaxText];
}
