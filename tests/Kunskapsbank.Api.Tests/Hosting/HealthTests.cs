using System.Net;
using Kunskapsbank.Api.Tests.Infrastructure;

namespace Kunskapsbank.Api.Tests.Hosting;

public class HealthTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Live_endpoint_answers_ok()
    {
        var live = await host.GetJsonAsync("/health/live");
        Assert.Equal("ok", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_endpoint_reports_the_first_sync()
    {
        var ready = await host.GetJsonAsync("/health/ready");
        Assert.Equal("klar", ready.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("indexOpen").GetBoolean());
        var last = ready.GetProperty("sync").GetProperty("last");
        Assert.True(last.GetProperty("succeeded").GetBoolean());
        Assert.True(last.GetProperty("indexed").GetInt32() >= 4, last.ToString());
    }

    [Fact]
    public async Task Post_to_a_get_endpoint_is_a_405_problem()
    {
        using var response = await host.Client.PostAsync(new Uri("/health/live", UriKind.Relative), null);
        var type = await Problem.AssertAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("urn:kunskapsbank:fel:metoden-stods-inte", type);
    }
}
