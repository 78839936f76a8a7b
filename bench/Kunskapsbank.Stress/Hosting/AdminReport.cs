using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>The service's report of indexed documents and failed files (GET /api/admin/report with the API key).</summary>
public sealed record AdminReport(IReadOnlyList<string> DocumentPaths, IReadOnlyList<ReportedFailure> Failed)
{
    /// <summary>Fetches and reads the report; paths come back NFC-normalised so NFD file names compare.</summary>
    public static async Task<AdminReport> FetchAsync(HttpClient client, string adminKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/admin/report", UriKind.Relative));
        request.Headers.Add("X-Api-Key", adminKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/admin/report gav {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var documents = new List<string>();
        if (root.Get("documents") is { ValueKind: JsonValueKind.Array } docs)
        {
            documents.AddRange(docs.EnumerateArray().Select(d => d.GetString("path")).OfType<string>().Select(Nfc));
        }

        var failed = new List<ReportedFailure>();
        if (root.Get("failed") is { ValueKind: JsonValueKind.Array } fails)
        {
            foreach (var failure in fails.EnumerateArray())
            {
                failed.Add(new ReportedFailure(
                    Nfc(failure.GetString("path") ?? string.Empty),
                    failure.GetString("kind") ?? string.Empty,
                    failure.GetString("reason") ?? string.Empty));
            }
        }

        return new AdminReport(documents, failed);
    }

    /// <summary>Unicode NFC, the form paths are compared in.</summary>
    public static string Nfc(string path) => (path ?? string.Empty).Normalize(NormalizationForm.FormC);
}

/// <summary>A failed file as the service reports it.</summary>
public sealed record ReportedFailure(string Path, string Kind, string Reason);
