using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kunskapsbank.Web.StaticAssets;

/// <summary>Serves `/static/{path}` from the <see cref="StaticAssetCatalog"/>.</summary>
public static class StaticAssetEndpoint
{
    /// <summary>The asset, cached for a year when the URL carries its current version, revalidated otherwise.</summary>
    public static Results<FileContentHttpResult, NotFound, StatusCodeHttpResult> Serve(
        string path, HttpContext context, StaticAssetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(catalog);
        var asset = catalog.Find(path);
        if (asset is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        var etag = $"\"{asset.Version}\"";
        headers.ETag = etag;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = context.Request.Query["v"] == asset.Version
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(asset.Content, asset.ContentType);
    }
}
