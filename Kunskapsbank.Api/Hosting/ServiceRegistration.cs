using Kunskapsbank.Api.Gaps;
using Kunskapsbank.Api.Security;
using Kunskapsbank.Api.Watching;
using Kunskapsbank.Indexer.Search;
using Kunskapsbank.Web.DocumentFolder;
using Microsoft.Extensions.Options;

namespace Kunskapsbank.Api.Hosting;

/// <summary>The service's parts, one registration method per folder, called from Program.cs.</summary>
public static class ServiceRegistration
{
    /// <summary>Options (validated at start), the index host, the single writer and the start-up sync.</summary>
    public static IServiceCollection AddKunskapsbankIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KunskapsbankOptions>()
            .Bind(configuration.GetSection(KunskapsbankOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<KunskapsbankOptions>, KunskapsbankOptionsSetup>();
        services.AddSingleton<IValidateOptions<KunskapsbankOptions>, KunskapsbankOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IndexHost>();
        services.AddSingleton<WriterStatus>();
        services.AddSingleton<IndexWriter>();
        services.AddSingleton<ISearchEngine, OpenIndexSearchEngine>();
        services.AddHostedService<IndexStartupService>();
        return services;
    }

    /// <summary>What the UI's Dokumentmappen page reads: the report of the open index and what is on its way in.</summary>
    public static IServiceCollection AddDocumentFolderPage(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentFolderSource, DocumentFolderSource>();
        return services;
    }

    /// <summary>The folder watcher, its debounce queue and the reconcile loop.</summary>
    public static IServiceCollection AddCorpusWatching(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PendingChanges(
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<KunskapsbankOptions>>().Value.Watcher.DebounceMilliseconds),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReconcileSignal>();
        services.AddSingleton<CorpusWatcher>();
        services.AddSingleton<WatchLoop>();
        return services;
    }

    /// <summary>Safe file access and rate limiting.</summary>
    public static IServiceCollection AddKunskapsbankSecurity(this IServiceCollection services)
    {
        services.AddSingleton<CorpusFileResolver>();
        services.AddSearchRateLimiting();
        return services;
    }

    /// <summary>The knowledge-gap recorder, its store and background writer.</summary>
    public static IServiceCollection AddKnowledgeGaps(this IServiceCollection services)
    {
        services.AddSingleton<GapRecorder>();
        services.AddSingleton(sp => new Lazy<GapStore>(() => new GapStore(sp.GetRequiredService<IOptions<KunskapsbankOptions>>().Value.Gaps.StorePath!)));
        services.AddHostedService<GapWriterService>();
        return services;
    }

    /// <summary>JSON exactly as `kunskapsbank search --json` writes it (the engine's <see cref="SearchJson.Options"/>).</summary>
    public static IMvcBuilder AddKunskapsbankJson(this IMvcBuilder mvc) =>
        mvc.AddJsonOptions(options =>
        {
            var json = options.JsonSerializerOptions;
            var cli = SearchJson.Options;
            json.PropertyNamingPolicy = cli.PropertyNamingPolicy;
            json.DictionaryKeyPolicy = cli.DictionaryKeyPolicy;
            json.DefaultIgnoreCondition = cli.DefaultIgnoreCondition;
            json.NumberHandling = cli.NumberHandling;
            json.Encoder = cli.Encoder;
            foreach (var converter in cli.Converters)
            {
                json.Converters.Add(converter);
            }
        });
}
