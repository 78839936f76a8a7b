using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kunskapsbank.Api.Tests.Infrastructure;

/// <summary>The real host on Kestrel (127.0.0.1, a free port) over its own temporary corpus and index.</summary>
/// <remarks>Each test class gets its own instance through a fixture, so classes run in parallel without sharing files.</remarks>
public class ApiHost : IAsyncLifetime
{
    public const string AdminKey = "test-nyckel-som-ar-lang-nog-123";

    private readonly HostFactory _factory;

    public ApiHost()
    {
        Root = Path.Combine(Path.GetTempPath(), "kunskapsbank-api-tests", GetType().Name + "-" + Guid.NewGuid().ToString("N")[..8]);
        CorpusPath = Path.Combine(Root, "corpus");
        IndexPath = Path.Combine(Root, "data", "index");
        Directory.CreateDirectory(CorpusPath);
        SeedCorpus();
        var settings = new Dictionary<string, string?>
        {
            ["Kunskapsbank:CorpusPath"] = CorpusPath,
            ["Kunskapsbank:IndexPath"] = IndexPath,
            ["Kunskapsbank:Watcher:ReconcileMinutes"] = "0",
            ["Kunskapsbank:RateLimit:PermitLimit"] = "100000",
            ["Logging:LogLevel:Default"] = "Information",
        };
        Configure(settings);
        _factory = new HostFactory(settings, Logs, ConfigureServices);
        // Listen rather than UseKestrel(0): the port overload edits the server addresses after the app has started
        // binding, and under load Kestrel wins that race ("Addresses cannot be modified after the server has started",
        // dotnet/aspnetcore#67714). A listen endpoint makes Kestrel ignore those addresses.
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The temporary folder holding corpus/, data/ and anything a test puts beside them.</summary>
    public string Root { get; }

    public string CorpusPath { get; }

    public string IndexPath { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Every log line the host wrote (category, level, message, exception), for privacy and report checks.</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    /// <summary>Overrides settings for a test class (admin key, rate limit, gap report …).</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Adds test-only services to the host (e.g. a controller that fails on purpose).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Copies the shared test documents; a fixture may add its own files.</summary>
    protected virtual void SeedCorpus()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "data", "api-corpus");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative == "SOURCE.md")
            {
                continue;
            }

            var target = Path.Combine(CorpusPath, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        Client = _factory.CreateClient();
        Client.Timeout = TimeSpan.FromSeconds(30);
        if (ExpectsUsableIndex)
        {
            await WaitUntilReadyAsync();
        }
        else
        {
            await Poll.UntilTrueAsync(
                async () =>
                {
                    using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return (await response.Content.ReadAsStringAsync()).Contains("\"status\":\"fel\"", StringComparison.Ordinal);
                },
                TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>False for a fixture whose index cannot be opened on purpose: start-up then waits for the failure instead.</summary>
    protected virtual bool ExpectsUsableIndex => true;

    /// <summary>Waits for /health/ready to report an open index and a finished first sync.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        string last = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            last = await response.Content.ReadAsStringAsync();
            if (last.Contains("\"status\":\"fel\"", StringComparison.Ordinal))
            {
                break;
            }

            if (response.StatusCode == HttpStatusCode.OK && JsonDocument.Parse(last).RootElement.GetProperty("initialSyncDone").GetBoolean())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The host did not become ready: " + last);
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Total hits for a query (facet filters may be appended as `&amp;amne=…`).</summary>
    public async Task<int> TotalAsync(string query) =>
        (await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query))).GetProperty("total").GetInt32();

    /// <summary>The id of the document whose path ends with <paramref name="pathEnd"/>, found by searching <paramref name="query"/>.</summary>
    public async Task<long> FindIdAsync(string query, string pathEnd)
    {
        var result = await GetJsonAsync("/api/search?pageSize=50&q=" + Uri.EscapeDataString(query));
        foreach (var hit in result.GetProperty("hits").EnumerateArray())
        {
            if (hit.GetProperty("path").GetString()!.EndsWith(pathEnd, StringComparison.Ordinal))
            {
                return hit.GetProperty("id").GetInt64();
            }
        }

        throw new InvalidOperationException($"No hit for '{query}' ends with {pathEnd}: {result}");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the real result.
        }
    }

    private sealed class HostFactory(Dictionary<string, string?> settings, CapturedLogs logs, Action<IServiceCollection> services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services);
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(logs);
            });
        }
    }
}

/// <summary>A host with the admin endpoints switched on.</summary>
public class AdminApiHost : ApiHost
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kunskapsbank:AdminApiKey"] = AdminKey;
}
