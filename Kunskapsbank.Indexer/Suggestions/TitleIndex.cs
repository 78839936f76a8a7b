using System.Globalization;
using Kunskapsbank.Indexer.Index;

namespace Kunskapsbank.Indexer.Suggestions;

/// <summary>Documents' titles, shortest first, with a sorted index of every word start: typeahead finds the titles
/// where the typed text begins a word without reading every title.</summary>
/// <remarks>Immutable; built once per reader by <see cref="TitleList"/>.</remarks>
public sealed class TitleIndex
{
    // Above this many word starts with the typed text, matches are dense, so reading titles shortest first finds the
    // few wanted ones after a handful of titles; below it, walking the sorted range is cheaper. Both give the exact
    // answer: the range walk looks at every match, and the title scan stops only when it has enough.
    private const int RangeWalkLimit = 4096;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private readonly DocumentSummary[] _titles;
    private readonly string[] _lowered;
    private readonly WordStart[] _starts;

    /// <summary>Builds the index from documents in any order.</summary>
    public TitleIndex(IEnumerable<DocumentSummary> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _titles = documents.OrderBy(d => d.Title.Length).ThenBy(d => d.Id).ToArray();
        _lowered = _titles.Select(d => d.Title.ToLower(Swedish)).ToArray();
        var starts = new List<WordStart>();
        for (var title = 0; title < _lowered.Length; title++)
        {
            var text = _lowered[title];
            for (var at = 0; at < text.Length; at++)
            {
                // Typed text is trimmed, so it never starts with white space; any other character may begin it.
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && !char.IsWhiteSpace(text[at]))
                {
                    starts.Add(new WordStart(title, at));
                }
            }
        }

        _starts = [.. starts];
        Array.Sort(_starts, CompareStarts);
    }

    /// <summary>Every title, shortest first, then by id.</summary>
    public IReadOnlyList<DocumentSummary> Titles => _titles;

    /// <summary>Up to <paramref name="count"/> documents whose title has <paramref name="typed"/> at the start of a word
    /// (case-insensitive, Swedish rules), shortest title first, then by id.</summary>
    public IReadOnlyList<DocumentSummary> Starting(string typed, int count)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var text = typed.ToLower(Swedish).TrimStart();
        if (text.Length == 0 || count <= 0)
        {
            return [];
        }

        var (from, to) = PrefixRange.Of(_starts.Length, i => Suffix(_starts[i]), text);
        var titles = to - from > RangeWalkLimit ? ScanShortestFirst(text, count) : WalkRange(from, to, count);
        return titles.Select(t => _titles[t]).ToList();
    }

    private List<int> WalkRange(int from, int to, int count)
    {
        var titles = new int[to - from];
        for (var i = from; i < to; i++)
        {
            titles[i - from] = _starts[i].Title;
        }

        Array.Sort(titles);
        var found = new List<int>(Math.Min(count, titles.Length));
        foreach (var title in titles)
        {
            if (found.Count == count)
            {
                break;
            }

            if (found.Count == 0 || found[^1] != title)
            {
                found.Add(title);
            }
        }

        return found;
    }

    private List<int> ScanShortestFirst(string text, int count)
    {
        var found = new List<int>(count);
        for (var title = 0; title < _lowered.Length && found.Count < count; title++)
        {
            if (HasAtWordStart(_lowered[title], text))
            {
                found.Add(title);
            }
        }

        return found;
    }

    private static bool HasAtWordStart(string title, string text)
    {
        for (var at = title.IndexOf(text, StringComparison.Ordinal); at >= 0; at = title.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(title[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private ReadOnlySpan<char> Suffix(WordStart start) => _lowered[start.Title].AsSpan(start.Offset);

    private int CompareStarts(WordStart x, WordStart y)
    {
        var compared = Suffix(x).SequenceCompareTo(Suffix(y));
        return compared != 0 ? compared : x.Title.CompareTo(y.Title);
    }

    private readonly record struct WordStart(int Title, int Offset);
}
