using Kunskapsbank.Api.Problems;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kunskapsbank.Api.Hosting;

/// <summary>Answers 503 ProblemDetails while the index is still opening, so actions can rely on <see cref="IndexHost.Index"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireOpenIndexAttribute : Attribute, IActionFilter
{
    /// <inheritdoc />
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<IndexHost>().Index is null)
        {
            var (slug, title, detail) = StandardProblems.For(StatusCodes.Status503ServiceUnavailable);
            context.HttpContext.Response.Headers.RetryAfter = "5";
            context.Result = ProblemResults.Create(context.HttpContext, StatusCodes.Status503ServiceUnavailable, slug, title, detail);
        }
    }

    /// <inheritdoc />
    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
