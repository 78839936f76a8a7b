using System.Globalization;

namespace Kunskapsbank.Indexer.Extraction.Ocr;

/// <summary>How far OCR of one file has come: page <see cref="Current"/> is the <see cref="Done"/>+1-th of
/// <see cref="Total"/> pages being read.</summary>
/// <param name="Done">Pages finished so far.</param>
/// <param name="Total">Pages to read in this run.</param>
/// <param name="Current">Page number (in the PDF) being read now, or the last one read when <paramref name="Done"/> = <paramref name="Total"/>.</param>
/// <param name="Waiting">True while the file waits in the background queue behind another file (nothing read yet).</param>
public sealed record OcrProgress(int Done, int Total, int Current, bool Waiting = false)
{
    /// <summary>The status line a person sees: "OCR pågår, sida 3 av 12".</summary>
    public string Message => Waiting
        ? string.Create(CultureInfo.InvariantCulture, $"Väntar på OCR, {Pages(Total)}")
        : Done >= Total
        ? string.Create(CultureInfo.InvariantCulture, $"OCR klar, {Pages(Total)} lästa")
        : string.Create(CultureInfo.InvariantCulture, $"OCR pågår, sida {Done + 1} av {Total}");

    private static string Pages(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "sida" : "sidor")}");
}
