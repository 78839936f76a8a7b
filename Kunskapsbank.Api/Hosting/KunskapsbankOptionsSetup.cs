using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Hosting;

/// <summary>Resolves relative paths against the content root, so defaults work from a fresh clone.</summary>
internal sealed class KunskapsbankOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<KunskapsbankOptions>
{
    public void PostConfigure(string? name, KunskapsbankOptions options)
    {
        options.CorpusPath = Resolve(options.CorpusPath);
        options.IndexPath = Resolve(options.IndexPath);
        options.Gaps.StorePath = string.IsNullOrWhiteSpace(options.Gaps.StorePath)
            ? (string.IsNullOrWhiteSpace(options.IndexPath) ? null : Path.Combine(Path.GetDirectoryName(options.IndexPath) ?? ".", "kunskapsluckor.sqlite"))
            : Resolve(options.Gaps.StorePath);
        if (string.IsNullOrWhiteSpace(options.AdminApiKey))
        {
            options.AdminApiKey = null;
        }
    }

    private string Resolve(string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, environment.ContentRootPath));
}

/// <summary>Checks the settings at start and says in Swedish what to change.</summary>
internal sealed class KunskapsbankOptionsValidator : IValidateOptions<KunskapsbankOptions>
{
    public ValidateOptionsResult Validate(string? name, KunskapsbankOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CorpusPath))
        {
            errors.Add("Kunskapsbank:CorpusPath saknas. Ange mappen med dokumenten.");
        }
        else if (!Directory.Exists(options.CorpusPath))
        {
            errors.Add($"Dokumentmappen finns inte: {options.CorpusPath}. Skapa den eller ange en annan mapp med Kunskapsbank:CorpusPath.");
        }

        if (string.IsNullOrWhiteSpace(options.IndexPath))
        {
            errors.Add("Kunskapsbank:IndexPath saknas. Ange en mapp för sökindexet, till exempel data/index.");
        }

        if (options.AdminApiKey is { Length: < 16 })
        {
            errors.Add("Kunskapsbank:AdminApiKey är för kort. Använd minst 16 tecken, eller lämna den tom för att stänga av administrationen.");
        }

        Range(errors, options.Search.MaxQueryLength, 10, 20_000, "Kunskapsbank:Search:MaxQueryLength");
        Range(errors, options.Search.MaxPageSize, 1, 200, "Kunskapsbank:Search:MaxPageSize");
        Range(errors, options.Search.MaxPage, 1, 100_000, "Kunskapsbank:Search:MaxPage");
        Range(errors, options.Search.MaxAnalyzeLength, 10, 20_000, "Kunskapsbank:Search:MaxAnalyzeLength");
        Range(errors, options.RateLimit.PermitLimit, 1, 1_000_000, "Kunskapsbank:RateLimit:PermitLimit");
        Range(errors, options.RateLimit.WindowSeconds, 1, 86_400, "Kunskapsbank:RateLimit:WindowSeconds");
        Range(errors, options.Watcher.DebounceMilliseconds, 20, 60_000, "Kunskapsbank:Watcher:DebounceMilliseconds");
        Range(errors, options.Watcher.InternalBufferSize, 4096, 16 * 1024 * 1024, "Kunskapsbank:Watcher:InternalBufferSize");
        if (options.Watcher.ReconcileMinutes is < 0 or > 7 * 24 * 60 || double.IsNaN(options.Watcher.ReconcileMinutes))
        {
            errors.Add("Kunskapsbank:Watcher:ReconcileMinutes måste vara mellan 0 (avstängd) och 10080 minuter.");
        }

        Range(errors, options.Gaps.MaxHits, 0, 1000, "Kunskapsbank:Gaps:MaxHits");
        Range(errors, options.Gaps.MinimumCount, 1, 1_000_000, "Kunskapsbank:Gaps:MinimumCount");
        Range(errors, options.Gaps.RetentionDays, 1, 3650, "Kunskapsbank:Gaps:RetentionDays");
        Range(errors, options.Ocr.MaxPagesPerFile, 0, 100_000, "Kunskapsbank:Ocr:MaxPagesPerFile");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, int value, int min, int max, string key)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} måste vara mellan {min} och {max} (nu {value}).");
        }
    }
}
