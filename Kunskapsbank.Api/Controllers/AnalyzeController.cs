using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Controllers;

/// <summary>Shows what the analyzer makes of a text, to answer "why did this (not) match?".</summary>
[ApiController]
[Route("api/analyze")]
[RequireOpenIndex]
public sealed class AnalyzeController(IndexHost host, IOptions<KunskapsbankOptions> options) : ControllerBase
{
    /// <summary>The token stream for <paramref name="text"/>.</summary>
    /// <param name="text">The text to analyse (bounded length).</param>
    [HttpGet]
    [ProducesResponseType<AnalyzedText>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public IActionResult Get(string? text)
    {
        var max = options.Value.Search.MaxAnalyzeLength;
        text ??= string.Empty;
        if (text.Length > max)
        {
            return ProblemResults.Create(HttpContext, StatusCodes.Status400BadRequest, "for-lang-text", "För lång text", $"Texten får vara högst {max} tecken.");
        }

        var tokens = host.Index!.Analyzer.Analyze(text)
            .Select(t => new AnalyzedToken(t.Term, t.Word, t.Start, t.End, t.Position, t.IsCompoundPart, t.IsStopWord))
            .ToList();
        return Ok(new AnalyzedText(text, tokens));
    }
}

/// <summary>A text and its tokens.</summary>
public sealed record AnalyzedText(string Text, IReadOnlyList<AnalyzedToken> Tokens);

/// <summary>One token; Start/End index the text.</summary>
public sealed record AnalyzedToken(string Term, string Word, int Start, int End, int Position, bool CompoundPart, bool StopWord);
