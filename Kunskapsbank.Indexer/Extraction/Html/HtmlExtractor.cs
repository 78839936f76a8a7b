using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Kunskapsbank.Indexer.Extraction.Html;

/// <summary>HTML pages through AngleSharp (an HTML5 parser): visible text only, h1–h6 start passages, block elements make paragraphs.</summary>
public sealed class HtmlExtractor : ITextExtractor
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    /// <inheritdoc />
    public ExtractionResult Extract(string path, ExtractionLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (InputChecks.CheckSize(path, limits) is { } failure)
        {
            return failure;
        }

        // Markup is often larger than its text: read twice the text cap of raw HTML.
        var bytes = ReadHead(path, (int)Math.Min(int.MaxValue - 1L, limits.MaxTextChars * 2L), out var truncated);
        using var document = Parse(bytes, cancellationToken);
        var builder = new PassageBuilder(limits.MaxTextChars);
        if (truncated)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var headings = new string?[6];
        string? firstHeading = null;
        var paragraphs = new List<string>();
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var piece in HtmlPieces.Read(document.Body is { } body ? [body] : [], cancellationToken))
        {
            switch (piece.Kind)
            {
                case HtmlPieceKind.Text:
                    line.Append(piece.Text);
                    break;
                case HtmlPieceKind.LineBreak:
                    EndLine();
                    break;
                case HtmlPieceKind.ParagraphBreak:
                    EndParagraph();
                    break;
                case HtmlPieceKind.Heading:
                    EndParagraph();
                    EndSection();
                    headings[piece.Level - 1] = piece.Text;
                    firstHeading ??= piece.Text;
                    Array.Fill(headings, null, piece.Level, headings.Length - piece.Level);
                    break;
            }
        }

        EndParagraph();
        EndSection();
        if (builder.Count == 0)
        {
            return ExtractionResult.Fail(ExtractionFailureKind.Empty, "HTML-sidan innehåller ingen synlig text.");
        }

        var meta = Meta(document);
        var keywords = meta.GetValueOrDefault("keywords")?.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var title = Clean(document.Title);
        var properties = new DocumentProperties(
            Title: title.Length == 0 ? firstHeading : title,
            Author: meta.GetValueOrDefault("author"),
            Subject: meta.GetValueOrDefault("description"),
            Keywords: keywords is { Length: > 0 } ? keywords : null);
        return ExtractionResult.Success(builder.Build(properties));

        void EndLine()
        {
            var text = TextCleanup.CollapseSpaces(line.ToString());
            line.Clear();
            if (text.Length > 0)
            {
                lines.Add(text);
            }
        }

        void EndParagraph()
        {
            EndLine();
            if (lines.Count > 0)
            {
                paragraphs.Add(string.Join('\n', lines));
                lines.Clear();
            }
        }

        void EndSection()
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.AddParagraphs(paragraphs, page: null, headings.Where(h => h is not null).Select(h => h!).ToArray());
            paragraphs.Clear();
        }
    }

    /// <summary>The document, its encoding found by AngleSharp (BOM, then &lt;meta charset&gt;), else by
    /// <see cref="TextFileReader.Detect"/> (valid UTF-8, else Windows-1252).</summary>
    private static IHtmlDocument Parse(byte[] bytes, CancellationToken cancellationToken)
    {
        var fallback = TextFileReader.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), isWholeFile: bytes.Length <= 64 * 1024);
        string text;
        using (var reader = new StreamReader(new MemoryStream(bytes), fallback, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        var parser = new HtmlParser();
        if (HtmlNestingGuard.Flatten(text, cancellationToken) is { } flat)
        {
            // A hostile page: its <meta charset> is not worth a second decoding.
            return parser.ParseDocument(flat);
        }

        using var source = new TextSource(new MemoryStream(bytes), fallback);
        return parser.ParseDocument(source);
    }

    private static byte[] ReadHead(string path, int maxBytes, out bool truncated)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[(int)Math.Min(maxBytes + 1L, stream.Length + 1)];
        var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        truncated = length > maxBytes;
        Array.Resize(ref bytes, Math.Min(length, maxBytes));
        return bytes;
    }

    /// <summary>&lt;meta name=… content=…&gt; values (author, description, keywords), names in lower case, first one wins.</summary>
    private static Dictionary<string, string> Meta(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta[name][content]"))
        {
            meta.TryAdd(element.GetAttribute("name")!.Trim(), Clean(element.GetAttribute("content")));
        }

        return meta;
    }

    private static string Clean(string? raw) => TextCleanup.CollapseSpaces(TextCleanup.Normalize(raw ?? string.Empty));
}
