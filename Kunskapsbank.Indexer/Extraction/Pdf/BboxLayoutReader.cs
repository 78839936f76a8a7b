using System.Globalization;
using System.Xml;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>Reads the XHTML that <c>pdftotext -bbox-layout</c> writes (page → flow → block → line → word, each word with
/// its box) one page at a time, so a long document is never held as one string.</summary>
/// <remarks>Words come as poppler wrote them, hyphens at line ends included: joining lines is ours to do (poppler's own
/// joining in plain mode turns "hälso-" + "och" into "hälsooch"). A truncated stream (the tool was stopped at the
/// text cap or died) ends the pages quietly; what was read is kept.</remarks>
public static class BboxLayoutReader
{
    /// <summary>Pages in order; stops after <paramref name="maxChars"/> characters of word text and then sets
    /// <see cref="CharCounter.Capped"/>.</summary>
    public static IEnumerable<PdfPageLayout> ReadPages(TextReader input, int maxChars, CharCounter counter)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(counter);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        };

        // Fonts without a proper Unicode map give control characters, which XML forbids even as references.
        using var xml = XmlReader.Create(new ControlCharacterFilter(input), settings);
        var number = 0;
        while (true)
        {
            PdfPageLayout? page;
            try
            {
                page = NextPage(xml, ref number, maxChars, counter);
            }
            catch (XmlException)
            {
                // The tool stopped mid-page (killed at a limit, or it crashed): keep the pages read before.
                yield break;
            }

            if (page is null)
            {
                yield break;
            }

            yield return page;
            if (counter.Chars >= maxChars)
            {
                counter.Capped = true;
                yield break;
            }
        }
    }

    private static PdfPageLayout? NextPage(XmlReader xml, ref int number, int maxChars, CharCounter counter)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "page")
            {
                number++;
                return ReadPage(xml, number, maxChars, counter);
            }
        }

        return null;
    }

    private static PdfPageLayout ReadPage(XmlReader xml, int number, int maxChars, CharCounter counter)
    {
        var width = Number(xml, "width");
        var height = Number(xml, "height");
        var blocks = new List<PdfLayoutBlock>();
        if (xml.IsEmptyElement)
        {
            return new PdfPageLayout(number, width, height, blocks);
        }

        List<PdfLayoutLine>? lines = null;
        List<PdfWord>? words = null;
        var depth = xml.Depth;
        var more = xml.Read();
        while (more && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "word" && !xml.IsEmptyElement)
            {
                var box = (Number(xml, "xMin"), Number(xml, "yMin"), Number(xml, "xMax"), Number(xml, "yMax"));

                // Leaves the reader on the node after </word>, which the loop looks at next.
                var text = xml.ReadElementContentAsString();
                if (text.Length > 0 && counter.Chars < maxChars)
                {
                    counter.Chars += text.Length + 1;
                    (words ??= []).Add(new PdfWord(text, box.Item1, box.Item2, box.Item3, box.Item4));
                }

                continue;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "line" && words is { Count: > 0 })
            {
                (lines ??= []).Add(new PdfLayoutLine(words));
                words = null;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "block" && lines is { Count: > 0 })
            {
                blocks.Add(new PdfLayoutBlock(lines));
                lines = null;
            }

            more = xml.Read();
        }

        return new PdfPageLayout(number, width, height, blocks);
    }

    private static double Number(XmlReader xml, string attribute) =>
        double.TryParse(xml.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : 0;
}

/// <summary>Passes text through with control characters (other than tab and line ends) turned into spaces.</summary>
internal sealed class ControlCharacterFilter(TextReader inner) : TextReader
{
    public override int Peek() => Clean(inner.Peek());

    public override int Read() => Clean(inner.Read());

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var read = inner.Read(buffer, index, count);
        for (var i = index; i < index + read; i++)
        {
            if (buffer[i] < ' ' && buffer[i] is not ('\t' or '\n' or '\r'))
            {
                buffer[i] = ' ';
            }
        }

        return read;
    }

    private static int Clean(int c) => c is >= 0 and < ' ' and not ('\t' or '\n' or '\r') ? ' ' : c;
}

/// <summary>Counts the characters read so far, across pages, for the text cap.</summary>
public sealed class CharCounter
{
    /// <summary>Characters of word text read (plus one per word for the space).</summary>
    public long Chars { get; set; }

    /// <summary>True when reading stopped at the cap.</summary>
    public bool Capped { get; set; }
}
