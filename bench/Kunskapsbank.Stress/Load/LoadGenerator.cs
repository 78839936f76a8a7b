using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Kunskapsbank.Stress.Corpora;
using Kunskapsbank.Stress.Hosting;
using Kunskapsbank.Stress.Reporting;

namespace Kunskapsbank.Stress.Load;

/// <summary>How the load is shaped.</summary>
/// <param name="SearchShare">Fractions of each kind; the rest after search, suggest and document are file downloads.</param>
/// <param name="MinimumPerClient">Requests each client sends even when the duration has passed (a short run still mixes every kind).</param>
public sealed record LoadOptions(int Clients, TimeSpan Duration, int Seed, double SearchShare = 0.65, double SuggestShare = 0.2, double DocumentShare = 0.12, int MinimumPerClient = 0);

/// <summary>Closed-loop HTTP load: N clients, each sending its next request as soon as the last one answered.</summary>
public sealed class LoadGenerator(HttpClient client, IReadOnlyList<BenchQuery> queries, DocumentIdPool ids)
{
    private const int MaxErrorSamples = 8;

    /// <summary>Runs the mix until the duration has passed (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task<LoadResult> RunAsync(string label, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errorSamples = new List<string>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        var workers = Enumerable.Range(0, options.Clients)
            .Select(i => Task.Run(() => RunClientAsync(new Random(options.Seed * 1000 + i), options, errorSamples, stop.Token)))
            .ToArray();
        var perClient = await Task.WhenAll(workers);
        clock.Stop();

        var kinds = new List<KindFigures>();
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var samples = perClient.SelectMany(c => c.Latencies[(int)kind]).ToList();
            kinds.Add(new KindFigures(kind, samples.Count, perClient.Sum(c => c.Errors[(int)kind]), perClient.Sum(c => c.RateLimited[(int)kind]), Percentiles.Of(samples)));
        }

        var all = perClient.SelectMany(c => c.Latencies.SelectMany(l => l)).ToList();
        lock (errorSamples)
        {
            return new LoadResult(label, options.Clients, clock.Elapsed, kinds, Percentiles.Of(all), errorSamples.ToList());
        }
    }

    private async Task<ClientTally> RunClientAsync(Random random, LoadOptions options, List<string> errorSamples, CancellationToken stop)
    {
        var tally = new ClientTally();
        for (var sent = 0; !stop.IsCancellationRequested || sent < options.MinimumPerClient; sent++)
        {
            var (kind, url) = NextRequest(random, options, sent);
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                watch.Stop();
                tally.Latencies[(int)kind].Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    tally.RateLimited[(int)kind]++;
                }
                else if (!response.IsSuccessStatusCode)
                {
                    tally.Errors[(int)kind]++;
                    Sample(errorSamples, $"{(int)response.StatusCode} {url}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)))}");
                }
                else if (kind == RequestKind.Search && (ids.Count < 1000 || random.Next(20) == 0))
                {
                    HarvestIds(body);
                }
            }
            catch (TaskCanceledException)
            {
                tally.Errors[(int)kind]++;
                tally.Latencies[(int)kind].Add(watch.Elapsed.TotalMilliseconds);
                Sample(errorSamples, $"tidsgräns {url}");
            }
            catch (HttpRequestException e)
            {
                tally.Errors[(int)kind]++;
                Sample(errorSamples, $"transportfel {url}: {e.Message}");
            }
        }

        return tally;
    }

    // Every client starts with one search, one suggest and one document request, then draws by the shares.
    private (RequestKind Kind, string Url) NextRequest(Random random, LoadOptions options, int sent)
    {
        var roll = sent switch
        {
            0 => 0.0,
            1 => options.SearchShare,
            2 => options.SearchShare + options.SuggestShare,
            _ => random.NextDouble(),
        };
        var suggestEnd = options.SearchShare + options.SuggestShare;
        var documentEnd = suggestEnd + options.DocumentShare;
        var query = queries[random.Next(queries.Count)];
        if (roll >= suggestEnd && ids.Pick(random) is { } id)
        {
            return roll < documentEnd ? (RequestKind.Document, $"api/documents/{id}") : (RequestKind.File, $"api/documents/{id}/file");
        }

        if (roll >= options.SearchShare && roll < suggestEnd && query.Words().ToList() is { Count: > 0 } words)
        {
            var word = words[random.Next(words.Count)];
            var prefix = word[..random.Next(Math.Min(3, word.Length), word.Length + 1)];
            return (RequestKind.Suggest, "api/suggest?q=" + Uri.EscapeDataString(prefix));
        }

        // Some searches ask for the second page, as users paging through results do.
        var page = random.Next(10) == 0 ? 2 : 1;
        return (RequestKind.Search, "api/search?" + query.ToApiQueryString(page));
    }

    private void HarvestIds(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var hit in json.RootElement.Hits())
            {
                if (hit.GetInt64("id") is { } id)
                {
                    ids.Add(id);
                }
            }
        }
        catch (JsonException)
        {
            // Not the documented shape; the document requests then just have fewer ids.
        }
    }

    private static void Sample(List<string> samples, string text)
    {
        lock (samples)
        {
            if (samples.Count < MaxErrorSamples)
            {
                samples.Add(text);
            }
        }
    }

    private sealed class ClientTally
    {
        public List<double>[] Latencies { get; } = Enum.GetValues<RequestKind>().Select(_ => new List<double>()).ToArray();

        public int[] Errors { get; } = new int[4];

        public int[] RateLimited { get; } = new int[4];
    }
}
