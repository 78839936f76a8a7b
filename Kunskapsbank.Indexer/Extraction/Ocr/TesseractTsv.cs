using System.Globalization;
using Kunskapsbank.Indexer.Extraction.Pdf;

namespace Kunskapsbank.Indexer.Extraction.Ocr;

/// <summary>Reads Tesseract's TSV output (level, page, block, paragraph, line, word, box, confidence, text) into a page
/// layout: one layout block per Tesseract paragraph, so paragraphs and lines keep the shape Tesseract saw.</summary>
public static class TesseractTsv
{
    /// <summary>The page's words; coordinates are pixels of the rendered image.</summary>
    public static PdfPageLayout Parse(string tsv, int pageNumber, int minConfidence)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var blocks = new List<PdfLayoutBlock>();
        var lines = new List<PdfLayoutLine>();
        var words = new List<PdfWord>();
        (int Block, int Paragraph, int Line) currentLine = (-1, -1, -1);
        double width = 0, height = 0;
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
            {
                continue;
            }

            var numbers = cells.Skip(2).Take(8).Select(c => int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
            if (level == 1)
            {
                width = numbers[6];
                height = numbers[7];
                continue;
            }

            if (level != 5)
            {
                continue;
            }

            var key = (numbers[0], numbers[1], numbers[2]);
            if (key != currentLine)
            {
                EndLine();
                if (key.Item1 != currentLine.Block || key.Item2 != currentLine.Paragraph)
                {
                    EndBlock();
                }

                currentLine = key;
            }

            var text = cells[11].Trim();
            var confident = double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) && confidence >= minConfidence;
            if (text.Length > 0 && confident)
            {
                words.Add(new PdfWord(text, numbers[4], numbers[5], numbers[4] + numbers[6], numbers[5] + numbers[7]));
            }
        }

        EndLine();
        EndBlock();
        return new PdfPageLayout(pageNumber, width, height, blocks, IsOcr: true);

        void EndLine()
        {
            if (words.Count > 0)
            {
                lines.Add(new PdfLayoutLine(words.ToArray()));
                words.Clear();
            }
        }

        void EndBlock()
        {
            if (lines.Count > 0)
            {
                blocks.Add(new PdfLayoutBlock(lines.ToArray()));
                lines.Clear();
            }
        }
    }
}
