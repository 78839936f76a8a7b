using System.Globalization;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>The fields of <c>pdfinfo -isodates</c> output that become document properties.</summary>
public static class PdfInfo
{
    /// <summary>Parses "Key: value" lines; unknown keys and unparsable dates are ignored.</summary>
    public static DocumentProperties Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in output.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = TextCleanup.CollapseSpaces(TextCleanup.Normalize(line[(colon + 1)..]));
            if (value.Length > 0)
            {
                values.TryAdd(key, value);
            }
        }

        return new DocumentProperties(
            Title: UsefulTitle(values.GetValueOrDefault("Title")),
            Author: values.GetValueOrDefault("Author"),
            Subject: values.GetValueOrDefault("Subject"),
            Keywords: SplitKeywords(values.GetValueOrDefault("Keywords")),
            Created: ParseDate(values.GetValueOrDefault("CreationDate")),
            Modified: ParseDate(values.GetValueOrDefault("ModDate")),
            PageCount: int.TryParse(values.GetValueOrDefault("Pages"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pages) ? pages : null);
    }

    /// <summary>True when pdfinfo says the file is encrypted (it opened, so the user password is empty).</summary>
    public static bool IsEncrypted(string output) =>
        output.Split('\n').Any(line => line.StartsWith("Encrypted:", StringComparison.Ordinal) && line.Contains("yes", StringComparison.Ordinal));

    private static string? UsefulTitle(string? title)
    {
        // Word's PDF printer writes the file name as the title ("Microsoft Word - PROPGR~1.DOC"): not a title a reader wants.
        if (title is null
            || title.StartsWith("Microsoft Word - ", StringComparison.OrdinalIgnoreCase)
            || title.EndsWith(".doc", StringComparison.OrdinalIgnoreCase)
            || title.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
            || title.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            || title.Equals("untitled", StringComparison.OrdinalIgnoreCase)
            || title.Equals("namnlös", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return title;
    }

    private static string[]? SplitKeywords(string? keywords)
    {
        if (keywords is null)
        {
            return null;
        }

        var parts = keywords.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 ? parts : null;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
