using System.Diagnostics;

namespace Kunskapsbank.Stress.Load;

/// <summary>Starts a full re-index through the admin endpoint and watches /health/ready while it runs.</summary>
public sealed class ReindexProbe(HttpClient client, string adminKey)
{
    /// <summary>What the service answered to the trigger and what /health/ready said along the way.</summary>
    public sealed record Observation(int TriggerStatus, string TriggerBody, IReadOnlyList<string> ReadyStates);

    /// <summary>POST /api/admin/reindex with the API key, then samples /health/ready every second until cancelled.</summary>
    public async Task<Observation> TriggerAndWatchAsync(CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/admin/reindex", UriKind.Relative));
        request.Headers.Add("X-Api-Key", adminKey);
        using var response = await client.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
        var states = new List<string>();
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), stop);
                var text = (await ready.Content.ReadAsStringAsync(stop)).ReplaceLineEndings(" ");
                var state = $"{(int)ready.StatusCode} {text[..Math.Min(text.Length, 160)]}";
                if (states.Count == 0 || !states[^1].EndsWith(state, StringComparison.Ordinal))
                {
                    states.Add($"{clock.Elapsed.TotalSeconds:F0} s: {state}");
                }

                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException e)
            {
                states.Add($"{clock.Elapsed.TotalSeconds:F0} s: {e.Message}");
            }
        }

        return new Observation((int)response.StatusCode, body[..Math.Min(body.Length, 200)], states);
    }
}
