namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>Tells absurdly deep Markdown nesting apart before Markdig parses it: a line that opens more than
/// <see cref="MaxDepth"/> containers (indentation, '&gt;' quotes, list markers) at its start.</summary>
/// <remarks>
/// Markdig caps nesting at 128 but only notices after building the blocks, and building them costs more than the
/// square of the depth: on this project's machines 1,000 nested list levels took 5 s and 3,000 took 2.5 minutes, past
/// the extraction limit and without a way to cancel. Real documents nest a handful of levels. This only looks at
/// each line's first characters; it never decides what the Markdown means.
/// </remarks>
public static class MarkdownNestingGuard
{
    /// <summary>Half of Markdig's cap: a list level is two blocks (list and item).</summary>
    public const int MaxDepth = 64;

    /// <summary>True when some line starts more than <see cref="MaxDepth"/> levels deep (two columns of indentation
    /// or one quote or list marker per level).</summary>
    public static bool IsTooDeep(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var i = 0;
        while (i < markdown.Length)
        {
            var columns = 0;
            var markers = 0;
            while (i < markdown.Length && markdown[i] != '\n')
            {
                var c = markdown[i];
                if (c == ' ')
                {
                    columns++;
                }
                else if (c == '\t')
                {
                    columns += 4;
                }
                else if (c is '>' or '-' or '*' or '+' || (char.IsAsciiDigit(c) && NextIsListDelimiter(markdown, i)))
                {
                    markers++;
                }
                else if (!char.IsAsciiDigit(c) && c is not ('.' or ')'))
                {
                    break;
                }

                if (columns / 2 + markers > MaxDepth)
                {
                    return true;
                }

                i++;
            }

            var end = markdown.IndexOf('\n', i);
            i = end < 0 ? markdown.Length : end + 1;
        }

        return false;
    }

    private static bool NextIsListDelimiter(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i < text.Length && text[i] is '.' or ')';
    }
}
