namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Recognises what a file really is from its first bytes, so a wrong extension gets a helpful reason.</summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="ReadHead"/> returns.</summary>
    public const int HeadLength = 1024;

    /// <summary>The first <see cref="HeadLength"/> bytes of the file (fewer for a short file).</summary>
    public static byte[] ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
        var buffer = new byte[HeadLength];
        var read = stream.ReadAtLeast(buffer, HeadLength, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>True when <paramref name="head"/> starts with (or, for PDF, contains within the first KB) the magic bytes.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> head) => head.IndexOf("%PDF-"u8) >= 0;

    /// <summary>True for a zip container (.docx).</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    /// <summary>True for an OLE compound file (legacy .doc/.xls).</summary>
    public static bool IsOle(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>A Swedish phrase ("en HTML-sida") saying what the bytes look like, or null when unknown.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        if (IsPdf(head))
        {
            return "en PDF-fil";
        }

        if (IsZip(head))
        {
            return "ett zip-arkiv (till exempel ett Word-dokument i .docx-format)";
        }

        if (IsOle(head))
        {
            return "ett äldre Office-dokument (till exempel Word 97–2003, .doc)";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return "en PNG-bild";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "en JPEG-bild";
        }

        if (head.StartsWith("GIF8"u8))
        {
            return "en GIF-bild";
        }

        if (head.StartsWith("{\\rtf"u8))
        {
            return "ett RTF-dokument";
        }

        var text = System.Text.Encoding.Latin1.GetString(head[..Math.Min(head.Length, 512)]).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        if (text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<body", StringComparison.OrdinalIgnoreCase))
        {
            return "en HTML-sida (till exempel en felsida från en webbplats)";
        }

        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return "en XML-fil";
        }

        return LooksLikeText(head) ? "en vanlig textfil" : null;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                return false;
            }
        }

        return true;
    }
}
