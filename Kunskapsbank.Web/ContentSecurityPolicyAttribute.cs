using Microsoft.AspNetCore.Mvc.Filters;

namespace Kunskapsbank.Web;

/// <summary>Puts the UI's Content-Security-Policy on its pages unless the host already set one.</summary>
/// <remarks>
/// The pages are written for exactly this policy (no inline script, no inline style, nothing from other origins),
/// so the UI states it itself; the host's security middleware may set a stricter one and then wins.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ContentSecurityPolicyAttribute : ResultFilterAttribute
{
    /// <summary>The policy the UI is written against.</summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <inheritdoc />
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.HttpContext.Response.Headers;
        headers.TryAdd("Content-Security-Policy", Policy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        base.OnResultExecuting(context);
    }
}
