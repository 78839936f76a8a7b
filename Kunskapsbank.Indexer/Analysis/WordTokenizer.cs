using System.Globalization;
using System.Text;

namespace Kunskapsbank.Indexer.Analysis;

/// <summary>Splits text into words, numbers, legal references and "§", with offsets into the original text.</summary>
/// <remarks>
/// A word is a run of letters, digits and combining marks. Soft hyphens and zero-width characters inside it are
/// dropped from the term but covered by the offsets. A hyphen between two word characters joins a hyphenated word:
/// it is emitted whole (hyphen removed) plus its parts as <see cref="TokenKind.CompoundPart"/> tokens at the same
/// position. ':' and '/' between digits join a reference such as 1982:316 or 2022/23:34 into one term, again with
/// its numbers as parts. Each run of '§' is the term "§", so "14 kap. 1 §" is the phrase 14 · kap · 1 · §.
/// Terms therefore hold letters, digits and only these signs: ':' '/' '§'.
/// </remarks>
internal sealed class WordTokenizer
{
    /// <summary>Longer runs (base64, hashes, garbage) are not indexed; they still use up a position.</summary>
    public const int MaxTokenLength = 255;

    private const char SectionSign = '§';

    /// <summary>Tokens in position order; Term and Word are the NFC text, not yet lower-cased.</summary>
    public static IEnumerable<Token> Tokenize(string text)
    {
        var position = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == SectionSign)
            {
                var start = i;
                while (i < text.Length && text[i] == SectionSign)
                {
                    i++;
                }

                yield return new Token("§", "§", start, i, position++);
                continue;
            }

            if (!IsWordStart(text, i))
            {
                i += RuneLength(text, i);
                continue;
            }

            var segment = ReadSegment(text, i);
            i = segment.End;
            if (segment.End - segment.Start > MaxTokenLength)
            {
                position++;
                continue;
            }

            foreach (var token in segment.ToTokens(text, position))
            {
                yield return token;
            }

            position++;
        }
    }

    private static Segment ReadSegment(string text, int start)
    {
        var parts = new List<(int Start, int End)>();
        var joiners = new List<char>();
        var partStart = start;
        var i = start;
        var lastWordEnd = start;
        while (i < text.Length)
        {
            if (IsWordChar(text, i) || (i > partStart && IsMark(text, i)))
            {
                i += RuneLength(text, i);
                lastWordEnd = i;
            }
            else if (IsIgnorable(text[i]) && i > partStart)
            {
                i++;
            }
            else if (IsJoiner(text, lastWordEnd, i, out var next))
            {
                parts.Add((partStart, lastWordEnd));
                joiners.Add(text[i]);
                partStart = next;
                i = next;
            }
            else
            {
                break;
            }
        }

        parts.Add((partStart, lastWordEnd));
        return new Segment(start, lastWordEnd, parts, joiners);
    }

    // A joiner sits right after a word character and before one (ignorables may surround it);
    // ':' and '/' only between digits, hyphens between any word characters.
    private static bool IsJoiner(string text, int lastWordEnd, int i, out int next)
    {
        next = i + 1;
        var c = text[i];
        var isHyphen = c is '-' or '\u2010' or '\u2011';
        if (!isHyphen && c is not (':' or '/'))
        {
            return false;
        }

        while (next < text.Length && IsIgnorable(text[next]))
        {
            next++;
        }

        if (next >= text.Length || !IsWordChar(text, next))
        {
            return false;
        }

        return isHyphen || (char.IsDigit(text[lastWordEnd - 1]) && char.IsDigit(text[next]));
    }

    private static bool IsWordStart(string text, int i) => IsWordChar(text, i);

    private static bool IsWordChar(string text, int i)
    {
        if (!Rune.TryGetRuneAt(text, i, out var rune))
        {
            return false;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
    }

    private static bool IsMark(string text, int i) =>
        Rune.TryGetRuneAt(text, i, out var rune) && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Soft hyphen and zero-width characters: invisible, so they must not split a word.
    private static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static int RuneLength(string text, int i) => Rune.TryGetRuneAt(text, i, out var rune) ? rune.Utf16SequenceLength : 1;

    private sealed record Segment(int Start, int End, List<(int Start, int End)> Parts, List<char> Joiners)
    {
        public IEnumerable<Token> ToTokens(string text, int position)
        {
            var partTexts = Parts.Select(p => Clean(text, p.Start, p.End)).ToList();
            var isReference = Joiners.Any(j => j is ':' or '/');
            var whole = new StringBuilder(partTexts[0]);
            for (var k = 1; k < partTexts.Count; k++)
            {
                // References keep their signs (1982:316); hyphenated words are joined without the hyphen.
                if (Joiners[k - 1] is ':' or '/')
                {
                    whole.Append(Joiners[k - 1]);
                }

                whole.Append(partTexts[k]);
            }

            var wholeText = whole.ToString();
            yield return new Token(wholeText, wholeText, Start, End, position);
            if (Parts.Count == 1 && !isReference)
            {
                yield break;
            }

            for (var k = 0; k < Parts.Count; k++)
            {
                if (partTexts[k].Length > 0)
                {
                    yield return new Token(partTexts[k], partTexts[k], Parts[k].Start, Parts[k].End, position, TokenKind.CompoundPart);
                }
            }
        }

        private static string Clean(string text, int start, int end)
        {
            var builder = new StringBuilder(end - start);
            for (var i = start; i < end; i++)
            {
                if (!IsIgnorable(text[i]))
                {
                    builder.Append(text[i]);
                }
            }

            var raw = builder.ToString();
            return raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        }
    }
}
