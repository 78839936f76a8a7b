using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Kunskapsbank.Indexer.Extraction.Word;

/// <summary>What a paragraph style means for extraction, resolved through its <c>basedOn</c> chain.</summary>
/// <param name="HeadingLevel">0 for a title, 1–9 for headings, null for body text.</param>
/// <param name="IsList">The style numbers or bullets its paragraphs.</param>
/// <param name="IsTableOfContents">A "toc N" style: an entry of a table of contents.</param>
/// <param name="OutlineLevel">The heading level an outline level gives (inherited through <c>basedOn</c>, as in Word).</param>
public sealed record WordStyle(int? HeadingLevel, bool IsList, bool IsTableOfContents, int? OutlineLevel = null);

/// <summary>Paragraph styles of one document, so headings are found by English or Swedish names, ids or outline level.</summary>
public sealed partial class WordStyles
{
    private static readonly WordStyle Body = new(null, false, false);

    private readonly Dictionary<string, WordStyle> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Style> _styles = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _defaultStyleId;

    /// <summary>Reads the styles part of <paramref name="main"/> (a document without one has only body text).</summary>
    public WordStyles(MainDocumentPart main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [];
        foreach (var style in styles)
        {
            if (style.StyleId?.Value is { } id && (style.Type is null || style.Type.Value == StyleValues.Paragraph))
            {
                _styles.TryAdd(id, style);
                if (style.Default?.Value == true)
                {
                    _defaultStyleId ??= id;
                }
            }
        }
    }

    /// <summary>The meaning of a paragraph's style (the default paragraph style when it names none).</summary>
    public WordStyle Resolve(string? styleId)
    {
        styleId ??= _defaultStyleId;
        if (styleId is null)
        {
            return Body;
        }

        if (_resolved.TryGetValue(styleId, out var known))
        {
            return known;
        }

        var resolved = ResolveChain(styleId, depth: 0);
        _resolved[styleId] = resolved;
        return resolved;
    }

    /// <summary>Heading level from a style's name or id alone ("heading 2", "Rubrik 2", "Heading2", "Title", "Rubrik").</summary>
    public static int? HeadingLevelFromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name.Equals("Rubrik", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var match = HeadingName().Match(name);
        return match.Success ? match.Groups["level"].Value[0] - '0' : null;
    }

    private WordStyle ResolveChain(string styleId, int depth)
    {
        // depth guards against basedOn cycles in hand-edited files.
        if (depth > 20 || !_styles.TryGetValue(styleId, out var style))
        {
            return HeadingLevelFromName(styleId) is { } level ? new WordStyle(level, false, false) : Body;
        }

        var name = style.StyleName?.Val?.Value;
        var paragraph = style.StyleParagraphProperties;
        var isToc = name is not null && TocName().IsMatch(name);
        var isList = paragraph?.NumberingProperties is not null
            || (name is not null && (name.StartsWith("List", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Liststycke", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Punktlista", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Numrerad lista", StringComparison.OrdinalIgnoreCase)));

        var parent = style.BasedOn?.Val?.Value is { } basedOn && !basedOn.Equals(styleId, StringComparison.OrdinalIgnoreCase)
            ? ResolveChain(basedOn, depth + 1)
            : Body;

        // A name says what this style is; only an outline level passes on to styles based on it ("Subtitle" is based on
        // "Title" but is no heading).
        int? outlineLevel = paragraph?.OutlineLevel?.Val?.Value is { } outline ? (outline < 9 ? outline + 1 : null) : parent.OutlineLevel;
        var heading = isToc ? null : HeadingLevelFromName(name) ?? HeadingLevelFromName(styleId) ?? outlineLevel;

        return new WordStyle(
            heading,
            !isToc && heading is null && (isList || parent.IsList),
            isToc || parent.IsTableOfContents,
            outlineLevel);
    }

    [GeneratedRegex(@"^(?:heading|rubrik)\s*(?<level>[1-9])(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();

    [GeneratedRegex(@"^(?:(?:toc|innehåll|innehållsförteckning)\s*[1-9]|toc heading|innehållsförteckning|innehållsförteckningsrubrik)$", RegexOptions.IgnoreCase)]
    private static partial Regex TocName();
}
