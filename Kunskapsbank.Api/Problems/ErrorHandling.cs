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

    /// <summary>Exception handler and status-code pages that both answer with ProblemDetails.</summary>
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleExceptionAsync });
        app.UseStatusCodePages(context => ProblemResults.WriteStandardAsync(context.HttpContext));
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

        if (error is IndexNotOpenException && IndexUnavailablePage.IsWantedBy(context.Request))
        {
            return IndexUnavailablePage.WriteAsync(context);
        }

        var status = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            IndexNotOpenException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        context.Response.StatusCode = status;
        return ProblemResults.WriteStandardAsync(context);
    }
}
