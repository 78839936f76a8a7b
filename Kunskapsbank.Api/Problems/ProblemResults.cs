using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Kunskapsbank.Api.Problems;

/// <summary>Builds and writes ProblemDetails with a stable type, Swedish text and a trace id; nothing internal.</summary>
public static class ProblemResults
{
    /// <summary>The media type of every error body.</summary>
    public const string MediaType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A ProblemDetails for the request.</summary>
    public static ProblemDetails Build(HttpContext context, int status, string slug, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Type = ProblemTypes.For(slug),
            Title = title,
            Detail = detail,
            Status = status,
        };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    /// <summary>An MVC result that always renders as problem+json, whatever the Accept header asks for.</summary>
    public static ObjectResult Create(HttpContext context, int status, string slug, string title, string detail) =>
        new(Build(context, status, slug, title, detail))
        {
            StatusCode = status,
            ContentTypes = { MediaType },
        };

    /// <summary>A 400 for a bad parameter.</summary>
    public static ObjectResult BadParameter(HttpContext context, string detail) =>
        Create(context, StatusCodes.Status400BadRequest, "ogiltig-parameter", "Ogiltig parameter", detail);

    /// <summary>The same 404 for an unknown id as for any unknown address: nothing tells what exists.</summary>
    public static ObjectResult NotFound(HttpContext context, string? detail = null)
    {
        var (slug, title, standardDetail) = StandardProblems.For(StatusCodes.Status404NotFound);
        return Create(context, StatusCodes.Status404NotFound, slug, title, detail ?? standardDetail);
    }

    /// <summary>Writes a ProblemDetails straight to the response (middleware: status pages, exceptions, rate limiting).</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        context.Response.ContentType = MediaType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, Json, context.RequestAborted);
    }

    /// <summary>Writes the standard problem for the response's current status code.</summary>
    public static Task WriteStandardAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        var (slug, title, detail) = StandardProblems.For(status);
        return WriteAsync(context, Build(context, status, slug, title, detail));
    }
}
