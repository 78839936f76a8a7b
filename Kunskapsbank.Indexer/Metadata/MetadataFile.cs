using System.Text;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Reads a small metadata file (sidecar, taxonomy) before any parsing: no links, a size cap, real UTF-8 text.</summary>
internal static class MetadataFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null and a Swedish <paramref name="reason"/> that completes "sidofilen …"/"filen …".</summary>
    public static string? Read(string path, long maxBytes, out string reason)
    {
        reason = string.Empty;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // A link could point outside the corpus; editors put real files here.
                reason = "är en symbolisk länk och lästes inte";
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[Math.Min(maxBytes + 1, Math.Max(0, stream.Length) + 1)];
            var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (length > maxBytes)
            {
                reason = $"är större än {Size(maxBytes)} och lästes inte";
                return null;
            }

            Array.Resize(ref bytes, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"kunde inte läsas ({e.Message})";
            return null;
        }

        return Decode(bytes, out reason);
    }

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with the line of the first bad byte.</summary>
    internal static string? Decode(byte[] bytes, out string reason)
    {
        reason = string.Empty;
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(span[2..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(span[2..]);
        }

        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(0, e.Index);
            var line = 1 + span[..Math.Min(at, span.Length)].Count((byte)'\n');
            reason = $"är inte sparad som UTF-8 (första felaktiga tecknet på rad {line}) och lästes inte; spara den som UTF-8 i editorn";
            return null;
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} kB";
}
