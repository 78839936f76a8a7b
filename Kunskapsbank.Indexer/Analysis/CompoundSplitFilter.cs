using System.Collections.Concurrent;
using System.Text;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>After each compound, adds its parts as <see cref="TokenKind.CompoundPart"/> tokens at the same position.</summary>
/// <remarks>
/// The whole word stays (Kind Word) so ranking can weigh it above its parts. A part's Term and Word are its lemma
/// (stemmed later, so "vålds" gives the stem of "våld"); its Start/End cover the part's own letters in the original
/// text, so highlighting can mark "utsatta" inside "våldsutsatta".
/// </remarks>
internal sealed class CompoundSplitFilter(CompoundSplitter splitter) : ITokenFilter
{
    // Word frequencies are skewed, so most words repeat: remembering their splits makes indexing several times faster.
    // Thread-safe; emptied when full so memory stays bounded. The result for a word never changes, so sharing is safe.
    private const int CacheLimit = 200_000;
    private readonly ConcurrentDictionary<string, IReadOnlyList<CompoundPart>> _cache = new(StringComparer.Ordinal);

    public IEnumerable<Token> Apply(IEnumerable<Token> tokens, string text)
    {
        foreach (var token in tokens)
        {
            yield return token;
            if (token.IsStopWord || ContainsHyphen(text, token))
            {
                // Hyphenated words already come with their parts from the tokenizer; those parts get split themselves.
                continue;
            }

            var parts = Split(token.Word);
            if (parts.Count == 0)
            {
                continue;
            }

            var boundaries = WordBoundaries(text, token);
            foreach (var part in parts)
            {
                var start = boundaries[part.Offset];
                var end = boundaries[part.Offset + part.Length];
                yield return new Token(part.Lemma, part.Lemma, start, end, token.Position, TokenKind.CompoundPart);
            }
        }
    }

    private IReadOnlyList<CompoundPart> Split(string word)
    {
        if (word.Length < 6)
        {
            return [];
        }

        if (_cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        return _cache[word] = splitter.Split(word);
    }

    private static bool ContainsHyphen(string text, Token token) =>
        text.AsSpan(token.Start, token.End - token.Start).IndexOfAny('-', '\u2010', '\u2011') >= 0;

    // Maps each index of the token's (NFC, invisible-free) word to an offset in the original text.
    // Usually the identity plus Start; soft hyphens and decomposed letters make it differ.
    private static int[] WordBoundaries(string text, Token token)
    {
        var map = new int[token.Word.Length + 1];
        var span = text.AsSpan(token.Start, token.End - token.Start);
        if (span.Length == token.Word.Length)
        {
            for (var k = 0; k <= map.Length - 1; k++)
            {
                map[k] = token.Start + k;
            }

            return map;
        }

        // Walk the original text; at each character that starts a new letter, the normalised prefix length says
        // which word index it corresponds to.
        Array.Fill(map, -1);
        var prefix = new StringBuilder();
        for (var i = 0; i <= span.Length; i++)
        {
            if (i == span.Length || !IsContinuation(span[i]))
            {
                var length = prefix.ToString().Normalize(NormalizationForm.FormC).Length;
                if (length < map.Length && map[length] < 0)
                {
                    map[length] = token.Start + i;
                }
            }

            if (i < span.Length && !IsInvisible(span[i]))
            {
                prefix.Append(span[i]);
            }
        }

        map[^1] = token.End;
        for (var k = map.Length - 2; k >= 0; k--)
        {
            if (map[k] < 0)
            {
                map[k] = map[k + 1];
            }
        }

        return map;
    }

    private static bool IsContinuation(char c) =>
        IsInvisible(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
