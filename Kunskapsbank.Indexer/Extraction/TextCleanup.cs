using System.Buffers;
using System.Text;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Character-level cleanup every extractor applies: NFC, no soft hyphens, no ligatures, plain spaces.</summary>
public static class TextCleanup
{
    // What Normalize copies unchanged: printable ASCII, line ends, Latin-1 and Latin Extended letters and signs (not the
    // no-break space or the soft hyphen), dashes, quotes, bullets and the ellipsis, and the euro sign.
    private static readonly SearchValues<char> UnchangedCharacters = SearchValues.Create(
        "\n" + Range(' ', '~') + Range('\u00A1', '\u00AC') + Range('\u00AE', '\u024F') + Range('\u2010', '\u2027') + "\u20AC");

    /// <summary>Returns <paramref name="text"/> in NFC with ligatures expanded, soft hyphens and zero-width marks dropped,
    /// exotic spaces and the noncharacters U+FFFE/U+FFFF turned into plain spaces, line ends as "\n" and broken
    /// surrogates replaced.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Most text is only letters, digits, punctuation, spaces and line ends, which the loop copies as they are.
        var first = text.AsSpan().IndexOfAnyExcept(UnchangedCharacters);
        if (first < 0)
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    // "\r\n" and a lone "\r" both become one line end.
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                case '\n':
                    builder.Append('\n');
                    continue;
                case '\t' or '\v' or '\f':
                    builder.Append(' ');
                    continue;
                case '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'):
                    // Soft hyphen, invisible and bidi marks: they split words for search without showing anything.
                    continue;
                case (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE'):
                    // Arabic presentation forms (what PDFs store for shaped letters) back to the letters people type.
                    builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
                    continue;
                case '\uFB00': builder.Append("ff"); continue;
                case '\uFB01': builder.Append("fi"); continue;
                case '\uFB02': builder.Append("fl"); continue;
                case '\uFB03': builder.Append("ffi"); continue;
                case '\uFB04': builder.Append("ffl"); continue;
                case '\uFB05' or '\uFB06': builder.Append("st"); continue;
                case '\u2028' or '\u2029':
                    builder.Append('\n');
                    continue;
                case '\uFFFE' or '\uFFFF':
                    // Noncharacters: they separate words for search, and .NET refuses to normalise text holding them.
                    builder.Append(' ');
                    continue;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
                else
                {
                    builder.Append('\uFFFD');
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                builder.Append('\uFFFD');
                continue;
            }

            if (c != ' ' && char.IsWhiteSpace(c))
            {
                // No-break, thin, figure and ideographic spaces: one kind of space for search and display.
                builder.Append(' ');
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            builder.Append(c);
        }

        var cleaned = builder.ToString();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }

    private static string Range(char first, char last) =>
        string.Create(last - first + 1, first, (chars, start) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)(start + i);
            }
        });

    /// <summary>Collapses runs of spaces and trims; for one line or one paragraph.</summary>
    public static string CollapseSpaces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || (text[0] != ' ' && text[^1] != ' ' && text.AsSpan().IndexOfAny('\t', '\n') < 0 && !text.Contains("  ", StringComparison.Ordinal)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Splits text at blank lines into paragraphs whose lines are joined with a space.</summary>
    public static List<string> SplitParagraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(CollapseSpaces(current.ToString()));
                current.Clear();
            }
        }
    }
}
