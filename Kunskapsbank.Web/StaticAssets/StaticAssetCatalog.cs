using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Kunskapsbank.Web.StaticAssets;

/// <summary>The UI's CSS, JavaScript and icons, read once from the assembly's embedded resources.</summary>
/// <remarks>
/// Embedded rather than served as RCL static web assets because those are only wired up in Development;
/// this way Production, `dotnet run -c Release` and the test host serve exactly the same bytes.
/// </remarks>
public sealed class StaticAssetCatalog
{
    private const string ResourcePrefix = "wwwroot/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, StaticAsset> _assets;

    /// <summary>Loads every embedded `wwwroot/...` resource of <paramref name="assembly"/>.</summary>
    public StaticAssetCatalog(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var assets = new Dictionary<string, StaticAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            assets[path] = new StaticAsset(path, bytes, contentType, version);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The URL prefix under which assets are served.</summary>
    public const string UrlPrefix = "/static/";

    /// <summary>All assets by path relative to wwwroot (forward slashes).</summary>
    public IReadOnlyDictionary<string, StaticAsset> Assets => _assets;

    /// <summary>The asset at <paramref name="path"/>, or null.</summary>
    public StaticAsset? Find(string path) => _assets.GetValueOrDefault(path);

    /// <summary>The cache-busting URL of an asset: `/static/css/site.css?v=&lt;content hash&gt;`.</summary>
    /// <exception cref="ArgumentException">No such asset (a typo in a view should fail loudly in tests).</exception>
    public string Url(string path) =>
        _assets.TryGetValue(path, out var asset)
            ? $"{UrlPrefix}{asset.Path}?v={asset.Version}"
            : throw new ArgumentException($"No embedded asset '{path}'.", nameof(path));
}

/// <summary>One embedded file with its content type and a short content hash used as its version.</summary>
public sealed record StaticAsset(string Path, byte[] Content, string ContentType, string Version);
