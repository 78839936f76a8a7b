using System.Text;
using Markdig.Syntax.Inlines;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>The text a reader sees of Markdig's inlines: emphasis and code marks gone, link text kept and its URL
/// dropped (an autolink keeps its URL, which is its text), an image's alt text, entities decoded, inline HTML tags
/// dropped. Walked with its own stack, so nesting costs no thread stack.</summary>
public static class MarkdownInlineText
{
    /// <summary>The plain text of <paramref name="inline"/>, spaces collapsed.</summary>
    public static string Of(ContainerInline? inline)
    {
        if (inline?.FirstChild is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var decodedEntity = false;
        var stack = new Stack<Inline>();
        stack.Push(inline.FirstChild);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.NextSibling is { } next)
            {
                stack.Push(next);
            }

            switch (current)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    decodedEntity = true;
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline { FirstChild: { } child }:
                    stack.Push(child);
                    break;
            }
        }

        // An entity may decode to a no-break space or a soft hyphen, which the document-wide cleanup already passed.
        var text = decodedEntity ? TextCleanup.Normalize(builder.ToString()) : builder.ToString();
        return TextCleanup.CollapseSpaces(text);
    }
}
