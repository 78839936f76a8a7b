using System.Text;

namespace Kunskapsbank.Indexer.Extraction;

/// <summary>Cuts a paragraph that is too long to read aloud into pieces at sentence boundaries (Swedish abbreviations
/// respected); rows of a table or items of a list are cut between lines first.</summary>
/// <remarks>A passage is what a support-line officer reads to a caller, so a piece ends where a sentence ends whenever
/// one does within the size; only a single sentence longer than the size is cut at a clause or a word.</remarks>
public static class ParagraphSplitter
{
    // Abbreviations whose period is not the end of a sentence even before a capital: "t.ex. Socialstyrelsen", "jfr SOU".
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "bl.a", "t.ex", "m.m", "s.k", "d.v.s", "dvs", "jfr", "kap", "prop", "resp", "ca", "f.d", "m.fl", "o.s.v", "osv",
        "t.o.m", "fr.o.m", "p", "st", "nr", "s", "bet", "dir", "a.a", "e.d", "o.d", "m.a.o", "f.n", "fig", "tab", "jur",
        "dr", "mfl", "ang", "avd", "enl", "förf", "ff", "f", "sid", "tel", "inkl", "exkl", "kl", "obs", "ev", "t.v",
        "mom", "uppl", "vol", "art", "bil", "ds", "sou", "skr", "rskr", "prot", "ref", "doc", "t", "ex",
    };

    /// <summary>Pieces of at most <paramref name="maxChars"/> characters, in order; a short paragraph comes back whole.</summary>
    public static IReadOnlyList<string> Split(string paragraph, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        maxChars = Math.Max(40, maxChars);
        paragraph = paragraph.Trim();
        if (paragraph.Length <= maxChars)
        {
            return paragraph.Length == 0 ? [] : [paragraph];
        }

        // Table rows and list items are units of their own: cut between them before looking at sentences.
        var lines = paragraph.Contains('\n', StringComparison.Ordinal);
        var units = lines
            ? paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(line => Split(line, maxChars))
            : Sentences(paragraph).SelectMany(sentence => Cut(sentence, maxChars));
        var separator = lines ? "\n" : " ";

        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var unit in units)
        {
            if (current.Length > 0 && current.Length + separator.Length + unit.Length > maxChars)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(unit);
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces;
    }

    /// <summary>The sentences of a paragraph, each with its closing punctuation, spaces between them dropped.</summary>
    public static List<string> Sentences(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < paragraph.Length - 1; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?' or ':' or ';') || paragraph[i + 1] != ' ' || !StartsSentence(paragraph, i + 2))
            {
                continue;
            }

            if (paragraph[i] == '.' && IsAbbreviation(paragraph, start, i))
            {
                continue;
            }

            sentences.Add(paragraph[start..(i + 1)].Trim());
            start = i + 2;
        }

        var rest = paragraph[start..].Trim();
        if (rest.Length > 0)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    private static bool StartsSentence(string text, int index)
    {
        // A sentence starts with a capital, a digit ("2 § …" in law text), or a quote or dash before one.
        while (index < text.Length && text[index] is '”' or '"' or '»' or '\'' or '–' or '(' or ' ')
        {
            index++;
        }

        return index < text.Length && (char.IsUpper(text[index]) || char.IsDigit(text[index]));
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && text[wordStart - 1] != ' ' && text[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        return word.Length == 0 || Abbreviations.Contains(word) || (word.Length == 1 && char.IsLetter(word[0]));
    }

    /// <summary>One sentence longer than the size: cut after a semicolon or comma if one is far enough in, else at a space.</summary>
    private static IEnumerable<string> Cut(string sentence, int maxChars)
    {
        var start = 0;
        while (sentence.Length - start > maxChars)
        {
            var window = sentence.AsSpan(start, maxChars);
            var cut = window.LastIndexOfAny(';', ',');
            if (cut < maxChars / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            var end = cut < maxChars / 4 ? start + maxChars : start + cut + 1;
            if (char.IsHighSurrogate(sentence[end - 1]))
            {
                end--;
            }

            yield return sentence[start..end].Trim();
            start = end;
        }

        var rest = sentence[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
