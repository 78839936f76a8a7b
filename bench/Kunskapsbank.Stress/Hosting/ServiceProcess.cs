using System.Net;
using System.Net.Sockets;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>The real Kunskapsbank.Api as a child process on 127.0.0.1 with its own corpus and index.</summary>
public sealed class ServiceProcess : IDisposable
{
    private ServiceProcess(ChildProcess process, Uri baseAddress, string adminKey)
    {
        Process = process;
        BaseAddress = baseAddress;
        AdminKey = adminKey;
    }

    /// <summary>The running service process.</summary>
    public ChildProcess Process { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The admin API key this instance was configured with.</summary>
    public string AdminKey { get; }

    /// <summary>Starts the service on a free loopback port and waits until /health/ready answers 200.</summary>
    /// <param name="extraEnvironment">Further settings, e.g. a higher rate limit for the load test.</param>
    public static async Task<ServiceProcess> StartAsync(
        SolutionLayout layout,
        ChildProcessGuard guard,
        string corpus,
        string index,
        string logDirectory,
        IReadOnlyDictionary<string, string> extraEnvironment,
        TimeSpan readyTimeout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(extraEnvironment);
        var adminKey = "stress-" + Guid.NewGuid().ToString("N");
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kunskapsbank__CorpusPath"] = corpus,
            ["Kunskapsbank__IndexPath"] = index,
            ["Kunskapsbank__AdminApiKey"] = adminKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        var log = Path.Combine(logDirectory, $"service-{port}.log");
        var child = ChildProcess.StartDotnet(
            guard,
            layout.ApiDll,
            ["--urls", baseAddress.ToString().TrimEnd('/')],
            environment,
            Path.GetDirectoryName(layout.ApiDll)!,
            log);
        var service = new ServiceProcess(child, baseAddress, adminKey);
        try
        {
            await service.WaitUntilReadyAsync(readyTimeout);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>A client for this service with the given per-request timeout.</summary>
    public HttpClient CreateClient(TimeSpan timeout, int maxConnections = 64)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = timeout };
    }

    /// <inheritdoc />
    public void Dispose() => Process.Dispose();

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient(TimeSpan.FromSeconds(5), 1);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"Tjänsten avslutades vid start (kod {Process.ExitCode}):\n{Process.Tail}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Tjänsten blev inte redo på {timeout.TotalSeconds:F0} s:\n{Process.Tail}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
