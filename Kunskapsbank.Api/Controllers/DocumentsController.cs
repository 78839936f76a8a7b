using System.Text;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Kunskapsbank.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kunskapsbank.Api.Controllers;

/// <summary>Documents by id (never by path): details with outline and passages, and the original file.</summary>
[ApiController]
[Route("api/documents")]
[RequireOpenIndex]
public sealed class DocumentsController(IndexHost host, CorpusFileResolver files, ILogger<DocumentsController> logger) : ControllerBase
{
    /// <summary>Metadata, outline (pages or headings) and passages of a document.</summary>
    [HttpGet("{id:long}")]
    [ProducesResponseType<DocumentView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult Get(long id) =>
        host.Index!.Search.GetDocument(id) is { } document
            ? Ok(DocumentView.Of(document))
            : UnknownDocument();

    /// <summary>The original file: PDFs and text inline (so `#page=N` works), other formats as a download; ranges supported.</summary>
    [HttpGet("{id:long}/file")]
    [HttpHead("{id:long}/file")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public IActionResult File(long id)
    {
        if (host.Index!.Search.GetDocument(id) is not { } document)
        {
            return UnknownDocument();
        }

        if (files.Resolve(document.Path) is not { } realPath)
        {
            logger.LogWarning("Dokument {DocumentId} lämnas inte ut: filen saknas eller ligger utanför dokumentmappen.", id);
            return UnknownDocument();
        }

        FileStream stream;
        try
        {
            stream = new FileStream(realPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Dokument {DocumentId} kunde inte läsas: {Reason}", id, ex.GetType().Name);
            return UnknownDocument();
        }

        var contentType = SafeContentType(document.ContentType);
        var inline = contentType.StartsWith("application/pdf", StringComparison.Ordinal) || contentType.StartsWith("text/plain", StringComparison.Ordinal);
        var name = System.IO.Path.GetFileName(document.Path);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileName = AsciiFallback(name),
            FileNameStar = name,
        }.ToString();
        Response.Headers.ContentSecurityPolicy = SecurityHeaders.DocumentContentSecurityPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        var lastModified = System.IO.File.GetLastWriteTimeUtc(realPath);
        var etag = new EntityTagHeaderValue($"\"{stream.Length:x}-{lastModified.Ticks:x}\"");
        return File(stream, contentType, new DateTimeOffset(lastModified), etag, enableRangeProcessing: true);
    }

    private ObjectResult UnknownDocument() =>
        ProblemResults.Create(HttpContext, StatusCodes.Status404NotFound, "dokumentet-finns-inte", "Dokumentet finns inte", "Det finns inget dokument med det id:t. Det kan ha tagits bort.");

    // The content type comes from the index; only a well-formed type is echoed, and text always says UTF-8 or as stored.
    private static string SafeContentType(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.HasValue && !contentType.Contains('\n', StringComparison.Ordinal)
            ? parsed.ToString()
            : "application/octet-stream";

    private static string AsciiFallback(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\' and not ';' and not '%')
            {
                builder.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append('_');
            }
        }

        return builder.Length == 0 ? "dokument" : builder.ToString();
    }
}
