using Kunskapsbank.Api.Gaps;
using Kunskapsbank.Api.Hosting;
using Kunskapsbank.Api.Problems;
using Kunskapsbank.Api.Security;
using Kunskapsbank.Web;
using Microsoft.Extensions.Options;

// Kunskapsbank in one process: the JSON API, the web UI and the watcher that keeps the index in step with corpus/.
var builder = WebApplication.CreateBuilder(args);

// No personal data: request logging (which carries remote addresses and raw queries) stays off whatever the config says.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);

builder.WebHost.UseRaisedKestrelLimits();            // Security/: long requests reach us and get a Swedish answer

builder.Services
    .AddKunskapsbankIndex(builder.Configuration)   // Hosting/: options, the index, start-up sync
    .AddCorpusWatching()                            // Watching/: corpus/ → debounce → batched sync
    .AddKunskapsbankSecurity()                      // Security/: safe file paths, rate limiting
    .AddKnowledgeGaps()                             // Gaps/: searches with few hits, counted per day
    .AddKnowledgeGapPage()                          //        … and what the UI's gaps page reads
    .AddDocumentFolderPage()                        // Hosting/: what the UI's Dokumentmappen page reads
    .AddKunskapsbankOpenApi();
builder.Services.AddControllersWithViews()
    .AddKunskapsbankJson()
    .AddSwedishProblemDetails()                     // Problems/: every error is Swedish ProblemDetails
    .AddKunskapsbankWeb();                          // the Razor UI from Kunskapsbank.Web

var app = builder.Build();

app.UseProblemResponses();
app.UseRequestLimits();
app.UseSecurityHeaders();
app.UseRouting();
app.UseRateLimiter();

app.MapControllers();                               // Controllers/: /api/... and /health/...
app.MapKunskapsbankOpenApi();
app.MapKunskapsbankWeb();                           // /, /stodtelefon, /dokument/{id}

try
{
    app.Run();
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine("Kunskapsbank kan inte starta eftersom inställningarna är fel:");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine($"  - {failure}");
    }

    return 1;
}

return 0;

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
