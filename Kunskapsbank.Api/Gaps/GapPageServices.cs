using Kunskapsbank.Web.Gaps;

namespace Kunskapsbank.Api.Gaps;

/// <summary>What the UI needs from Gaps/: the figures for its page, and a way to report the searches people finish.</summary>
public static class GapPageServices
{
    /// <summary>Registers <see cref="IGapReportSource"/> and <see cref="IGapObserver"/> over the recorder and store.</summary>
    public static IServiceCollection AddKnowledgeGapPage(this IServiceCollection services)
    {
        services.AddSingleton<IGapReportSource, GapReportSource>();
        services.AddSingleton<IGapObserver>(sp => sp.GetRequiredService<GapRecorder>());
        return services;
    }
}
