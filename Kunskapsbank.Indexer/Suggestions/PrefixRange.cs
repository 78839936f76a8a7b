namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>The run of texts starting with a prefix in a list sorted in ordinal order, found by binary search.</summary>
internal static class PrefixRange
{
    /// <summary>Reads the text at an index of the sorted list (a span, so a suffix needs no substring).</summary>
    public delegate ReadOnlySpan<char> TextAt(int index);

    /// <summary>The first index and the index after the last whose text starts with <paramref name="prefix"/>.</summary>
    public static (int From, int To) Of(int count, TextAt textAt, string prefix) =>
        (First(count, textAt, prefix, inclusive: true), First(count, textAt, prefix, inclusive: false));

    /// <summary>The first text that, cut to the prefix's length, is ≥ (inclusive) or &gt; the prefix.</summary>
    private static int First(int count, TextAt textAt, string prefix, bool inclusive)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var text = textAt(middle);
            var compared = text[..Math.Min(text.Length, prefix.Length)].SequenceCompareTo(prefix);
            if (compared < 0 || (!inclusive && compared == 0))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
