using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kunskapsbank.Web.StaticAssets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace Kunskapsbank.Web;

/// <summary>How the Api process hosts the web UI: one call to register it, one to map it.</summary>
public static class WebUiExtensions
{
    /// <summary>Adds the UI's controllers and views as an application part, and its embedded static assets.</summary>
    /// <remarks>The controllers take <see cref="Indexer.Search.ISearchEngine"/> from DI; the host registers it.</remarks>
    public static IMvcBuilder AddKunskapsbankWeb(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);
        mvc.Services.TryAddSingleton(_ => new StaticAssetCatalog(typeof(WebAssemblyMarker).Assembly));
        mvc.Services.TryAddSingleton(TimeProvider.System);

        // Swedish text stays readable (and small) in the HTML: å, ä, ö are not turned into &#xE5; entities.
        // Markup characters (<, >, &, quotes) are still encoded.
        mvc.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return mvc.AddApplicationPart(typeof(WebAssemblyMarker).Assembly);
    }

    /// <summary>Maps the UI's routes (`/`, `/stodtelefon`, `/forslag`, `/dokument/{id}`, `/kunskapsluckor`, `/dokumentmappen`) and its assets under `/static/`.</summary>
    public static IEndpointRouteBuilder MapKunskapsbankWeb(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Idempotent: the host may map its API controllers too; both calls share one controller data source.
        endpoints.MapControllers();
        endpoints.MapGet(StaticAssetCatalog.UrlPrefix + "{**path}", StaticAssetEndpoint.Serve)
            .ExcludeFromDescription();
        return endpoints;
    }
}
