using System.IO.Compression;

namespace Kunskapsbank.Indexer.Extraction.Word;

/// <summary>Checks a .docx container before the Open XML SDK touches it: right magic, readable zip, no zip bomb.</summary>
public static class ZipSafety
{
    // Word XML compresses 5–20 times; a part that claims hundreds of times more is built to explode.
    private const long SuspiciousRatio = 200;
    private const long RatioCheckFrom = 1024 * 1024;

    // Real documents nest a few dozen levels; the SDK and the text walker recurse, so a hostile depth must stop here.
    private const int MaxXmlDepth = 256;

    private static readonly string[] PartsRead = ["word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml"];

    /// <summary>A failure when the file must not be opened as a Word document, else null.</summary>
    public static ExtractionResult? Check(string path, ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var head = FileSniffer.ReadHead(path);
        if (FileSniffer.IsOle(head))
        {
            return ExtractionResult.Fail(
                ExtractionFailureKind.UnsupportedFormat,
                "Filen heter .docx men är ett äldre Word-dokument (Word 97–2003 eller äldre), som inte stöds. Öppna det i Word och spara det som .docx.");
        }

        if (!FileSniffer.IsZip(head))
        {
            return InputChecks.NotItsFormat(
                head,
                "Filen är inte ett giltigt Word-dokument (.docx).",
                looksLike => $"Filen heter .docx men är inte ett giltigt Word-dokument; den ser ut att vara {looksLike}.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long declared = 0;
            var hasDocument = false;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                hasDocument |= entry.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase);
                if (entry.Length > RatioCheckFrom && entry.Length / Math.Max(1, entry.CompressedLength) > SuspiciousRatio)
                {
                    return Bomb(limits);
                }
            }

            if (declared > limits.MaxDecompressedBytes)
            {
                return Bomb(limits);
            }

            if (!hasDocument)
            {
                return ExtractionResult.Fail(ExtractionFailureKind.Corrupt, "Filen är inte ett giltigt Word-dokument: zip-arkivet saknar själva dokumentdelen (word/document.xml).");
            }

            // Declared sizes are enough: System.IO.Compression refuses to inflate an entry beyond its declared length
            // (a zip that lies fails as damaged; a test pins this).
            foreach (var name in PartsRead)
            {
                if (zip.GetEntry(name) is { } part && !HasSaneDepth(part))
                {
                    return ExtractionResult.Fail(
                        ExtractionFailureKind.Corrupt,
                        "Filen är inte ett giltigt Word-dokument: innehållet är onormalt djupt nästlat och lästes inte.");
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return Broken();
        }
        catch (NotSupportedException)
        {
            return Broken();
        }
    }

    private static bool HasSaneDepth(ZipArchiveEntry part)
    {
        using var content = part.Open();
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = System.Xml.XmlReader.Create(content, settings);
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxXmlDepth)
                {
                    return false;
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            // Broken XML is the SDK's to report; depth is all this check is about.
        }

        return true;
    }

    private static ExtractionResult Broken() => ExtractionResult.Fail(
        ExtractionFailureKind.Corrupt,
        "Word-filen är skadad (zip-arkivet är trasigt eller ofullständigt, till exempel efter en avbruten nedladdning) och är inte ett giltigt Word-dokument.");

    private static ExtractionResult Bomb(ExtractionLimits limits) => ExtractionResult.Fail(
        ExtractionFailureKind.TooLarge,
        $"Word-filen packas upp till mer än {InputChecks.Megabytes(limits.MaxDecompressedBytes)}, vilket är över gränsen (den kan vara en så kallad zip-bomb) och lästes inte.");
}
