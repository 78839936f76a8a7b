using System.Text;

namespace Kunskapsbank.Indexer.Extraction.Html;

/// <summary>HTML pages: visible text only, h1–h6 start passages, block elements make paragraphs.</summary>
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
        var read = TextFileReader.Read(path, (int)Math.Min(int.MaxValue - 1L, limits.MaxTextChars * 2L), cancellationToken);
        var scanner = HtmlScanner.Scan(read.Text);
        var builder = new PassageBuilder(limits.MaxTextChars);
        if (read.Truncated)
        {
            builder.Note(PassageNotes.TextCut(limits.MaxTextChars));
        }

        var headings = new string?[6];
        string? firstHeading = null;
        var paragraphs = new List<string>();
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var piece in scanner.Pieces)
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

        var keywords = scanner.Meta.GetValueOrDefault("keywords")?.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var properties = new DocumentProperties(
            Title: string.IsNullOrEmpty(scanner.Title) ? firstHeading : scanner.Title,
            Author: scanner.Meta.GetValueOrDefault("author"),
            Subject: scanner.Meta.GetValueOrDefault("description"),
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
}
