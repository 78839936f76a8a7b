using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Reads a text-based file (TXT, Markdown, HTML) with its encoding detected, never more than a cap.</summary>
public static class TextFileReader
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>The decoded text, cut at the cap.</summary>
    /// <param name="Text">Up to the cap in characters of the file, as written (not yet cleaned).</param>
    /// <param name="Truncated">True when the file held more text than was read.</param>
    /// <param name="EncodingName">"UTF-8", "UTF-16" or "Windows-1252", for notes and tests.</param>
    public sealed record Result(string Text, bool Truncated, string EncodingName);

    /// <summary>Reads <paramref name="path"/>: BOMs first (UTF-8, UTF-16), then valid UTF-8, else Windows-1252.</summary>
    public static Result Read(string path, int maxChars, CancellationToken cancellationToken)
    {
        // Unbuffered: the sniffed bytes are read into a pooled array, and a file that fits in it is decoded from there.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        var head = ArrayPool<byte>.Shared.Rent(SniffBytes);
        try
        {
            var headLength = stream.ReadAtLeast(head.AsSpan(0, SniffBytes), SniffBytes, throwOnEndOfStream: false);
            var bytes = head.AsSpan(0, headLength);
            var isWholeFile = headLength < SniffBytes;
            var encoding = Detect(bytes, isWholeFile);
            if (isWholeFile && !StartsWithByteOrderMark(bytes))
            {
                // Most files: decoded at once, without a reader's buffers (≈ 300 KB per file, part of it on the
                // large-object heap). Without a byte-order mark the reader would decode exactly these bytes.
                var text = encoding.GetString(bytes);
                return text.Length > maxChars
                    ? new Result(text[..maxChars], true, NameOf(encoding))
                    : new Result(text, false, NameOf(encoding));
            }

            stream.Position = 0;
            return ReadStream(stream, encoding, maxChars, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    // Large files and files with a byte-order mark (which the reader detects and skips, UTF-32 included).
    private static Result ReadStream(Stream stream, Encoding encoding, int maxChars, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var builder = new StringBuilder(Math.Min(maxChars, (int)Math.Min(int.MaxValue, stream.Length)));
        var buffer = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = reader.Read(buffer, 0, buffer.Length);
                if (read == 0)
                {
                    return new Result(builder.ToString(), false, NameOf(encoding));
                }

                var room = maxChars - builder.Length;
                if (read > room)
                {
                    builder.Append(buffer, 0, room);
                    return new Result(builder.ToString(), true, NameOf(encoding));
                }

                builder.Append(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool StartsWithByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>Picks the encoding for bytes that may be only the start of a file.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> head, bool isWholeFile)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        }

        return IsUtf8(head, isWholeFile) ? new UTF8Encoding(false) : Windows1252();
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isWholeFile)
    {
        // A whole file is validated without decoding it (a decoding pass here was 0.5 % of a bulk build's processor time).
        if (isWholeFile)
        {
            return Utf8.IsValid(bytes);
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);

            // NeedMoreData: the sniffed window ended inside a multi-byte letter, which is still UTF-8.
            return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static Encoding Windows1252() => CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private static string NameOf(Encoding encoding) => encoding switch
    {
        UTF8Encoding => "UTF-8",
        UnicodeEncoding => "UTF-16",
        _ => "Windows-1252",
    };
}
