using System.Text;
using Markdig.Syntax.Inlines;

namespace Kunskapsbank.Indexer.Extraction.Markdown;

/// <summary>The text a reader sees of Markdig's inlines: emphasis and code marks gone, link text kept and its URL
/// dropped (an autolink keeps its URL, which is its text), an image's alt text, entities decoded, inline HTML tags
/// dropped. Walked with its own stack, so nesting costs no thread stack.</summary>
/// <remarks>One reader serves one document on one thread: its builder and stack are reused for every block, because a
/// new builder per paragraph grew its chunks anew each time (a tenth of a bulk build's allocations).</remarks>
public sealed class MarkdownInlineText
{
    private readonly StringBuilder _builder = new(256);
    private readonly Stack<Inline> _stack = new();

    /// <summary>The plain text of <paramref name="inline"/>, spaces collapsed.</summary>
    public string Of(ContainerInline? inline)
    {
        if (inline?.FirstChild is null)
        {
            return string.Empty;
        }

        var builder = _builder.Clear();
        var stack = _stack;
        stack.Clear();
        var decodedEntity = false;
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
