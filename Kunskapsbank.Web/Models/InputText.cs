using System.Text;

namespace Kunskapsbank.Web.Models;

/// <summary>Cleans text a user sent before anything else looks at it: no control characters, no broken UTF-16.</summary>
/// <remarks>
/// `?q=%00` used to reach the engine and come back as "28 träffar för ”�”". What no keyboard types is removed here:
/// C0 and C1 controls and DEL (tab and line breaks become a space, so two words stay two words), lone surrogates,
/// U+FFFD (what the decoder made of invalid UTF-8) and the bidirectional overrides and isolates, which would only
/// reorder how the query is echoed back. Joiners and other format characters stay: emoji sequences need them.
/// </remarks>
public static class InputText
{
    /// <summary>The text without those characters, runs of whitespace collapsed and trimmed; empty stays empty.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Append(builder, ref pendingSpace, text.AsSpan(i, 2));
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsRemoved(c))
            {
                continue;
            }

            Append(builder, ref pendingSpace, new ReadOnlySpan<char>(in c));
        }

        return builder.ToString();
    }

    private static bool IsRemoved(char c) =>
        char.IsControl(c)                   // C0, DEL, C1
        || char.IsSurrogate(c)              // a surrogate without its pair
        || c == '\uFFFD'                    // the decoder's replacement for invalid bytes
        || c is >= '\u202A' and <= '\u202E' // bidi embeddings and overrides
        || c is >= '\u2066' and <= '\u2069';// bidi isolates

    private static void Append(StringBuilder builder, ref bool pendingSpace, ReadOnlySpan<char> chars)
    {
        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }

        builder.Append(chars);
    }
}
