using Kunskapsbank.Api.Tests.Security;
using Microsoft.Extensions.Logging;

namespace Kunskapsbank.Api.Tests.Hosting;

public class LoggingTests(CorpusWithBrokenFileHost host) : IClassFixture<CorpusWithBrokenFileHost>
{
    [Fact]
    public void A_file_that_fails_gets_one_warning_with_its_swedish_reason()
    {
        var lines = host.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("trasig.pdf", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith("Filen trasig.pdf kunde inte indexeras", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_hold_no_client_address_and_no_query_text()
    {
        await host.GetJsonAsync("/api/search?q=integritetskontrollord");
        await host.GetJsonAsync("/api/suggest?q=integritetskontrollord");
        using var missing = await host.Client.GetAsync(new Uri("/api/search?q=integritetskontrollord&amne=finns-inte", UriKind.Relative));
        using var broken = await host.Client.GetAsync(new Uri("/api/documents/123456789/file", UriKind.Relative));

        // The server's own address appears once when Kestrel starts listening; nothing else may name 127.0.0.1.
        var lines = host.Logs.Lines.Where(l => l.Category != "Microsoft.Hosting.Lifetime").ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Message.Contains("127.0.0.1", StringComparison.Ordinal) || (l.Exception ?? "").Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("integritetskontroll", StringComparison.Ordinal));
    }
}
