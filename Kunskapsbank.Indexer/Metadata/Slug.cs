using System.Globalization;
using System.Text;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Makes the ASCII ids facets use (`Exempelkommunens socialtjänst` → `exempelkommunens-socialtjanst`).</summary>
public static class Slug
{
    /// <summary>Lower-case ASCII letters and digits joined by single hyphens; å/ä → a, ö → o, other accents dropped.</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="id"/> is already a valid slug.</summary>
    public static bool IsValid(string id) => id.Length > 0 && From(id) == id;
}
