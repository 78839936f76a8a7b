using System.Buffers;
using System.Globalization;

namespace Kunskapsbank.Indexer.Highlighting;

/// <summary>The stretches of a passage that can hold a hit, cut where analysing them alone gives the same tokens.</summary>
/// <remarks>
/// Marking hits re-analyses the passage, and analysing whole passages (compound splitting, stemming, nine filters per
/// word) was a third of a result page's time. A hit's word always contains one of the query's anchors
/// (<see cref="HighlightTerms.Anchors"/>) or a law abbreviation that reads as a queried law, so only the words around
/// those need the analyzer. A window is widened to cuts where the analysis has no context to lose: between two
/// words with a lower-case letter (the capitals rule looks one word to each side), and never after a word ending in
/// a hyphen or the conjunction after one ("hälso- och sjukvård" is read across spaces). Text with characters the
/// tokenizer drops or composes (soft hyphens, zero-width spaces, combining marks) is analysed whole.
/// </remarks>
public static class HitWindows
{
    /// <summary>How many leading letters of a stem or word make its anchor.</summary>
    public const int AnchorLength = 3;

    /// <summary>The anchor of one stem or word.</summary>
    public static string Anchor(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Length <= AnchorLength ? term : term[..AnchorLength];
    }

    /// <summary>Fills <paramref name="windows"/> (start, end) in text order; false when the text must be analysed whole.</summary>
    /// <param name="anchors">Lower-case anchors.</param>
    /// <param name="exact">Case-sensitive words that also anchor (law abbreviations).</param>
    public static bool TryFind(string text, IReadOnlyList<string> anchors, IReadOnlyList<string> exact, List<(int Start, int End)> windows)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(windows);
        windows.Clear();
        if (!IsPlain(text))
        {
            return false;
        }

        // Lower-cased and without hyphens, as hyphenated words are joined into one term ("A-kassa" is "akassa"); each
        // character's place in the text is kept to map anchors back.
        var lower = ArrayPool<char>.Shared.Rent(text.Length);
        var places = ArrayPool<int>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (!EndsInHyphen(text[i]))
                {
                    lower[length] = char.ToLowerInvariant(text[i]);
                    places[length++] = i;
                }
            }

            var lowered = lower.AsSpan(0, length);
            var hits = new List<int>();
            foreach (var anchor in anchors)
            {
                Occurrences(lowered, anchor.AsSpan().ContainsAny('-', '\u2010', '\u2011') ? string.Concat(anchor.Where(c => !EndsInHyphen(c))) : anchor, hits);
            }

            for (var k = 0; k < hits.Count; k++)
            {
                hits[k] = places[hits[k]];
            }

            foreach (var word in exact)
            {
                Occurrences(text, word, hits);
            }

            hits.Sort();
            foreach (var hit in hits)
            {
                if (windows.Count > 0 && hit < windows[^1].End)
                {
                    continue;
                }

                var start = SafeStart(text, ChunkStart(text, hit));
                var end = SafeEnd(text, ChunkEnd(text, hit));
                if (windows.Count > 0 && start <= windows[^1].End)
                {
                    windows[^1] = (windows[^1].Start, end);
                }
                else
                {
                    windows.Add((start, end));
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(lower);
            ArrayPool<int>.Shared.Return(places);
        }
    }

    private static void Occurrences(ReadOnlySpan<char> text, string anchor, List<int> hits)
    {
        if (anchor.Length == 0)
        {
            return;
        }

        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(anchor, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            hits.Add(from + at);
            from += at + 1;
        }
    }

    // Characters the tokenizer drops from a word or composes with the letter before: anchors would not see through them.
    // The soft hyphen is the only one below U+0300; above it, combining marks, zero-width characters and surrogates.
    private static bool IsPlain(string text)
    {
        var span = text.AsSpan();
        if (span.Contains('\u00AD'))
        {
            return false;
        }

        for (var at = span.IndexOfAnyExceptInRange('\0', '\u02FF'); at >= 0; at = NextAbove(span, at + 1))
        {
            var c = span[at];
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || char.IsSurrogate(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                return false;
            }
        }

        return true;
    }

    private static int NextAbove(ReadOnlySpan<char> span, int from)
    {
        var next = span[from..].IndexOfAnyExceptInRange('\0', '\u02FF');
        return next < 0 ? -1 : from + next;
    }

    private static int ChunkStart(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }

        return index;
    }

    private static int ChunkEnd(string text, int index)
    {
        while (index < text.Length && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    // Moves a window's start back, chunk by chunk, until the cut before it loses no context.
    private static int SafeStart(string text, int start)
    {
        while (start > 0 && !IsSafeCut(text, start))
        {
            start = ChunkStart(text, LastNonSpace(text, start));
        }

        return start;
    }

    // Moves a window's end forward, chunk by chunk, until the cut after it loses no context.
    private static int SafeEnd(string text, int end)
    {
        while (end < text.Length && !IsSafeCut(text, FirstNonSpace(text, end)))
        {
            end = ChunkEnd(text, FirstNonSpace(text, end));
        }

        return end;
    }

    // A cut before the chunk at `next` (which follows whitespace): safe when the word on each side has a lower-case
    // letter and neither of the two chunks before it ends in a hyphen.
    private static bool IsSafeCut(string text, int next)
    {
        if (next >= text.Length)
        {
            return true;
        }

        var before = LastNonSpace(text, next);
        if (before < 0)
        {
            return true;
        }

        var previousStart = ChunkStart(text, before);
        if (EndsInHyphen(text[before]) || !HasLowerCase(LastWord(text, previousStart, before + 1)) || !HasLowerCase(FirstWord(text, next, ChunkEnd(text, next))))
        {
            return false;
        }

        var earlier = LastNonSpace(text, previousStart);
        return earlier < 0 || !EndsInHyphen(text[earlier]);
    }

    private static bool EndsInHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool HasLowerCase(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    // The chunk's last run of letters and digits (empty when it has none).
    private static ReadOnlySpan<char> LastWord(string text, int start, int end)
    {
        var e = end;
        while (e > start && !char.IsLetterOrDigit(text[e - 1]))
        {
            e--;
        }

        var s = e;
        while (s > start && char.IsLetterOrDigit(text[s - 1]))
        {
            s--;
        }

        return text.AsSpan(s, e - s);
    }

    // The chunk's first run of letters and digits (empty when it has none).
    private static ReadOnlySpan<char> FirstWord(string text, int start, int end)
    {
        var s = start;
        while (s < end && !char.IsLetterOrDigit(text[s]))
        {
            s++;
        }

        var e = s;
        while (e < end && char.IsLetterOrDigit(text[e]))
        {
            e++;
        }

        return text.AsSpan(s, e - s);
    }

    private static int LastNonSpace(string text, int before)
    {
        var i = before - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i;
    }

    private static int FirstNonSpace(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
