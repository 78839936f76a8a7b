using Kunskapsbank.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Kunskapsbank.Api.Problems;

/// <summary>Two kinds of errors, said once: the user's become 4xx ProblemDetails, ours a 500 with a trace id and no internals.</summary>
public static class ErrorHandling
{
    /// <summary>Swedish model-binding messages and ProblemDetails for invalid parameters.</summary>
    public static IMvcBuilder AddSwedishProblemDetails(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        mvc.AddMvcOptions(options =>
        {
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Värdet för {field} är ogiltigt.");
            messages.SetValueIsInvalidAccessor(value => "Värdet är ogiltigt.");
            messages.SetValueMustBeANumberAccessor(field => $"{field} måste vara ett tal.");
            messages.SetMissingBindRequiredValueAccessor(field => $"{field} saknas.");
            messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
            messages.SetMissingRequestBodyRequiredValueAccessor(() => "Begäran saknar innehåll.");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => "Värdet är ogiltigt.");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är ogiltigt.");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet måste vara ett tal.");
            messages.SetUnknownValueIsInvalidAccessor(field => $"Värdet för {field} är ogiltigt.");
            messages.SetValueMustNotBeNullAccessor(field => $"{field} får inte vara tomt.");
        });
        mvc.ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = context =>
        {
            // Say which parameters were wrong, never echo the values (they may be long or hostile).
            var fields = context.ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).Where(k => k.Length is > 0 and < 40).Distinct().ToList();
            var detail = fields.Count == 0
                ? "En parameter har ett ogiltigt värde."
                : $"Ogiltigt värde för: {string.Join(", ", fields)}.";
            return ProblemResults.BadParameter(context.HttpContext, detail);
        });
        return mvc;
    }

    /// <summary>Exception handler and status-code pages: ProblemDetails for API clients, Swedish pages for browsers.</summary>
    /// <remarks>
    /// A bodiless 4xx/5xx of a page request (404, 405, our own 414/431, the rate limiter's 429 …) is re-executed at
    /// the UI's `/fel/{status}`; everything else, and anything the page could not render, becomes ProblemDetails.
    /// </remarks>
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleExceptionAsync });
        app.UseStatusCodePages(context => ProblemResults.WriteStandardAsync(context.HttpContext));
        app.UseWhen(
            context => PlainErrorPage.IsWantedBy(context.Request),
            page => page.UseStatusCodePagesWithReExecute(Web.Controllers.ErrorController.PathFormat));
        return app;
    }

    private static Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            context.Response.StatusCode = 499;
            return Task.CompletedTask;
        }

        var page = PlainErrorPage.IsWantedBy(context.Request);
        if (error is IndexNotOpenException && page)
        {
            return IndexUnavailablePage.WriteAsync(context);
        }

        var status = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            IndexNotOpenException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (page)
        {
            var (_, title, detail) = StandardProblems.For(status);
            return PlainErrorPage.WriteAsync(context, status, title, detail);
        }

        context.Response.StatusCode = status;
        return ProblemResults.WriteStandardAsync(context);
    }
}
