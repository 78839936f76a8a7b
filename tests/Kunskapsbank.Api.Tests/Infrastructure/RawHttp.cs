using System.Net.Sockets;
using System.Text;

namespace Kunskapsbank.Api.Tests.Infrastructure;

/// <summary>Sends a request exactly as written (HttpClient would normalise `..` and escapes away).</summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Text);

    public static async Task<Answer> SendAsync(Uri server, string requestTarget, string method = "GET", string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = $"{method} {requestTarget} HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var buffer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(buffer, timeout.Token);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var firstLine = text.Split("\r\n", 2)[0];
        var parts = firstLine.Split(' ');
        return new Answer(parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, text);
    }
}
