using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kunskapsbank.Web;

/// <summary>How the Api process hosts the web UI: one call to register it, one to map it.</summary>
public static class WebUiExtensions
{
    /// <summary>Adds the UI's controllers and views as an application part.</summary>
    public static IMvcBuilder AddKunskapsbankWeb(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        return mvc.AddApplicationPart(typeof(WebAssemblyMarker).Assembly);
    }

    /// <summary>Maps the UI's routes and static assets.</summary>
    public static IEndpointRouteBuilder MapKunskapsbankWeb(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints;
    }
}
