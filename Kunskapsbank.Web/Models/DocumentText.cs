using System.Globalization;
using System.Text;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Web.Models;

/// <summary>A document's extracted text as the document page shows it: headings with anchors, page markers, paragraphs.</summary>
/// <remarks>
/// Passages are grouped under their heading path, so when passages become paragraph-sized they read as running text
/// under one heading, not as a box each. Every passage keeps its id as an anchor (`#stycke-{id}`), which is where a
/// hit's "Läs i dokumentet" link lands and what `:target` highlights, without JavaScript.
/// </remarks>
public sealed class DocumentText
{
    /// <summary>Text beyond this many characters is not rendered; the page says so and links to the original.</summary>
    public const int MaxCharacters = 400_000;

    private DocumentText(IReadOnlyList<Block> blocks, bool truncated)
    {
        Blocks = blocks;
        Truncated = truncated;
    }

    /// <summary>The blocks in reading order.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>True when the text was longer than <see cref="MaxCharacters"/> and its end is not shown.</summary>
    public bool Truncated { get; }

    /// <summary>True when some of the text was read by OCR, so the page explains the "tolkad text" mark.</summary>
    public bool HasOcr => Blocks.Any(b => b is PageBlock { IsOcr: true } or ParagraphBlock { IsOcr: true });

    /// <summary>Headings when the document has them, otherwise its pages: where the table of contents links to.</summary>
    public IReadOnlyList<Block> Outline =>
        Blocks.OfType<HeadingBlock>().Any()
            ? Blocks.Where(b => b is HeadingBlock).ToList()
            : Blocks.Where(b => b is PageBlock).ToList();

    /// <summary>The anchor of a passage, for links from hits.</summary>
    public static string PassageAnchor(long passageId) => "stycke-" + passageId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The anchor of a PDF page marker.</summary>
    public static string PageAnchor(int page) => "sida-" + page.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds the blocks from the stored passages, in their order.</summary>
    public static DocumentText Of(IReadOnlyList<DocumentPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        // OCR reads whole pages: a page whose every passage is OCR text is marked once, at its marker, not per paragraph.
        var ocrPages = passages.Where(p => p.Page is not null)
            .GroupBy(p => p.Page!.Value)
            .Where(g => g.All(p => p.IsOcr))
            .Select(g => g.Key)
            .ToHashSet();
        var blocks = new List<Block>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> path = [];
        int? page = null;
        var characters = 0;
        foreach (var passage in passages.OrderBy(p => p.Ordinal))
        {
            if (characters > MaxCharacters)
            {
                return new DocumentText(blocks, truncated: true);
            }

            if (passage.Page is { } p && p != page)
            {
                page = p;
                blocks.Add(new PageBlock($"Sida {p.ToString(CultureInfo.InvariantCulture)}", 1, PageAnchor(p), p, ocrPages.Contains(p)));
            }

            // Only the levels below the part both paths share are new headings.
            var shared = 0;
            while (shared < path.Count && shared < passage.HeadingPath.Count && path[shared] == passage.HeadingPath[shared])
            {
                shared++;
            }

            for (var level = shared; level < passage.HeadingPath.Count; level++)
            {
                var heading = passage.HeadingPath[level];
                blocks.Add(new HeadingBlock(heading, level + 1, UniqueAnchor(heading, anchors), page));
            }

            path = passage.HeadingPath;
            if (passage.Text.Length > 0)
            {
                var markedByPage = passage.Page is { } onPage && ocrPages.Contains(onPage);
                blocks.Add(new ParagraphBlock(passage.Text, PassageAnchor(passage.Id), page, passage.IsOcr, passage.IsOcr && markedByPage));
                characters += passage.Text.Length;
            }
        }

        return new DocumentText(blocks, truncated: false);
    }

    // "Skydd och stöd för barn" → "avsnitt-skydd-och-stod-for-barn"; a repeated heading gets "-2", "-3".
    private static string UniqueAnchor(string heading, HashSet<string> taken)
    {
        var slug = new StringBuilder("avsnitt-");
        foreach (var c in heading.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug[^1] != '-' && slug.Length < 60)
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        var anchor = slug.ToString().TrimEnd('-');
        var unique = anchor;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{anchor}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return unique;
    }

    /// <summary>One piece of the rendered text.</summary>
    /// <param name="Text">What is shown.</param>
    /// <param name="Level">Heading depth (1 = top); 1 for other blocks.</param>
    /// <param name="Anchor">Its `id` in the page.</param>
    /// <param name="Page">The PDF page it is on, when known.</param>
    public abstract record Block(string Text, int Level, string Anchor, int? Page);

    /// <summary>A heading of the document.</summary>
    public sealed record HeadingBlock(string Text, int Level, string Anchor, int? Page) : Block(Text, Level, Anchor, Page);

    /// <summary>Where a PDF page begins.</summary>
    /// <param name="IsOcr">Every passage of the page was read by OCR: the marker carries the "tolkad text" mark.</param>
    public sealed record PageBlock(string Text, int Level, string Anchor, int? Page, bool IsOcr = false) : Block(Text, Level, Anchor, Page);

    /// <summary>A passage's text.</summary>
    /// <param name="IsOcr">Read by OCR.</param>
    /// <param name="MarkedByPage">Its page marker already carries the mark, so the paragraph does not repeat it visibly.</param>
    public sealed record ParagraphBlock(string Text, string Anchor, int? Page, bool IsOcr = false, bool MarkedByPage = false) : Block(Text, 1, Anchor, Page);
}
