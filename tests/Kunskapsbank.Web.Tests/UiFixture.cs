using System.Net;
using System.Text.Json;
using Kunskapsbank.Api.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kunskapsbank.Web.Tests;

/// <summary>
/// One real host (the Api's Program on Kestrel at 127.0.0.1, Production environment, a temp copy of the test corpus
/// and a temp index) and one headless Debian chromium, shared by every browser test.
/// </summary>
public sealed class UiFixture : UiServer
{
    /// <summary>Debian's chromium; Playwright's own browser download is not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Webbläsaren startades inte.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Webbläsartesterna behöver Debians chromium på {ChromiumPath}. Installera den med: scripts/ensure-deps.sh test");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context and page that records console errors, page errors and CSP violations.</summary>
    public Task<ProbedPage> NewPageAsync(BrowserNewContextOptions? options = null) => NewPageAsync(this, options);

    /// <summary>The same, for pages of another server (e.g. one with low rate limits), in the shared browser.</summary>
    public async Task<ProbedPage> NewPageAsync(UiServer server, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        return await ProbedPage.CreateAsync(context, server.BaseUrl);
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>The Api's real Program on Kestrel at 127.0.0.1 over a temp copy of the test corpus, indexed and ready.</summary>
public class UiServer : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kunskapsbank-ui-");
    private UiFactory? _factory;

    public Uri BaseUrl { get; private set; } = null!;

    private static readonly string[] DocumentExtensions = [".pdf", ".docx", ".md", ".txt"];

    /// <summary>Number of documents in the test corpus, all of which must end up indexed.</summary>
    public int DocumentCount { get; private set; }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUrl };

    /// <summary>Loads the result page for <paramref name="query"/> as a browser would, <paramref name="times"/> times (each is counted for the gaps report).</summary>
    public async Task SearchAsPageLoadsAsync(string query, int times)
    {
        using var http = CreateHttpClient();
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"/?q={query} gav {(int)response.StatusCode}");
        }
    }

    /// <summary>Settings this server differs in (rate limits …), on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The folders (under the test output's `web-ui/`) copied together into this server's corpus.</summary>
    protected virtual IReadOnlyList<string> CorpusFolders { get; } = ["corpus"];

    /// <summary>How many of the corpus files are meant to fail indexing.</summary>
    protected virtual int ExpectedFailures => 0;

    /// <summary>This server's corpus folder (a temp copy; tests may add and remove files while it runs).</summary>
    public string CorpusPath => Path.Combine(_root.FullName, "corpus");

    public virtual async Task InitializeAsync()
    {
        var corpus = CorpusPath;
        foreach (var folder in CorpusFolders)
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "web-ui", folder), corpus);
        }

        DocumentCount = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories)
            .Count(f => DocumentExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase));

        _factory = new UiFactory(corpus, Path.Combine(_root.FullName, "index"), Settings);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        await WaitUntilIndexedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the index must not fail the run; the temp folder is reclaimed later.
        }
    }

    private async Task WaitUntilIndexedAsync()
    {
        using var http = CreateHttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var host = _factory!.Services.GetRequiredService<IndexHost>();
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            last = await ready.Content.ReadAsStringAsync();
            if (ready.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(last).RootElement.GetProperty("initialSyncDone").GetBoolean()
                && host.Index is { } index)
            {
                var report = index.Corpus.GetReport();
                Assert.True(
                    report.Failed.Count == ExpectedFailures,
                    $"Testkorpusen skulle ha {ExpectedFailures} filer som inte går att läsa: " + string.Join("; ", report.Failed.Select(f => $"{f.Path}: {f.Reason}")));
                Assert.True(
                    report.Documents.Count == DocumentCount - ExpectedFailures,
                    $"Testkorpusen har {DocumentCount - ExpectedFailures} läsbara dokument men indexet {report.Documents.Count}.");
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Testkorpusen blev inte indexerad inom 120 sekunder. Senaste /health/ready: " + last);
    }

    private static void CopyDirectory(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new DirectoryNotFoundException($"Testkorpusen saknas: {from}");
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The Api's Program on a real Kestrel port, in Production, over the temp corpus and index.</summary>
    private sealed class UiFactory : WebApplicationFactory<Program>
    {
        private readonly string _corpusPath;
        private readonly string _indexPath;
        private readonly IReadOnlyDictionary<string, string> _settings;

        public UiFactory(string corpusPath, string indexPath, IReadOnlyDictionary<string, string> settings)
        {
            _corpusPath = corpusPath;
            _indexPath = indexPath;
            _settings = settings;
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Production on purpose: the UI's CSS and JS must be served without Development's static web assets.
            builder.UseEnvironment("Production");
            builder.UseSetting("Kunskapsbank:CorpusPath", _corpusPath);
            builder.UseSetting("Kunskapsbank:IndexPath", _indexPath);
            builder.UseSetting("Kunskapsbank:Watcher:ReconcileMinutes", "0");
            builder.UseSetting("Kunskapsbank:RateLimit:PermitLimit", "1000000");
            builder.UseSetting("Kunskapsbank:RateLimit:Burst", "100000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<UiFixture>
{
    public const string Name = "Webbgränssnittet i en riktig webbläsare";
}
