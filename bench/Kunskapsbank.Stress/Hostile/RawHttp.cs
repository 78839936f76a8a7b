using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kunskapsbank.Stress.Hostile;

/// <summary>An HTTP request sent byte for byte (HttpClient would normalise `..`, encodings and bad bytes away).</summary>
/// <param name="Target">The request target exactly as sent (may hold invalid UTF-8 or raw `..`).</param>
/// <param name="Headers">Extra header lines.</param>
public sealed record RawRequest(string Category, string Method, byte[] Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body = null)
{
    /// <summary>The target for reports (non-ASCII bytes as %XX).</summary>
    public string Display => string.Concat(Target.Select(b => b is >= 0x21 and < 0x7F ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));
}

/// <summary>A response read to the end (status 0 = no response: reset, timeout or garbage).</summary>
/// <param name="Truncated">The response was longer than the reader keeps; <see cref="Body"/> is its beginning.</param>
public sealed record RawResponse(int Status, string Head, byte[] Body, bool TimedOut, bool Truncated = false)
{
    /// <summary>The body as text (UTF-8, lenient).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>Sends one request on its own connection (`Connection: close`) and reads the whole answer.</summary>
public static class RawHttp
{
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>Sends <paramref name="request"/> to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<RawResponse> SendAsync(int port, RawRequest request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var cts = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cts.Token);
            var head = new MemoryStream();
            head.Write(Encoding.ASCII.GetBytes(request.Method + " "));
            head.Write(request.Target);
            var text = new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            foreach (var (name, value) in request.Headers)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            if (request.Body is not null)
            {
                text.Append("Content-Length: ").Append(request.Body.Length).Append("\r\n");
            }

            text.Append("\r\n");
            head.Write(Encoding.UTF8.GetBytes(text.ToString()));
            if (request.Body is not null)
            {
                head.Write(request.Body);
            }

            await socket.SendAsync(head.ToArray(), SocketFlags.None, cts.Token);
            var received = new MemoryStream();
            var buffer = new byte[16384];
            while (received.Length < MaxResponseBytes)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }

            return Parse(received.ToArray()) with { Truncated = received.Length >= MaxResponseBytes };
        }
        catch (OperationCanceledException)
        {
            return new RawResponse(0, string.Empty, [], true);
        }
        catch (SocketException)
        {
            return new RawResponse(0, string.Empty, [], false);
        }
    }

    private static RawResponse Parse(byte[] raw)
    {
        var split = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (split < 0 || raw.Length < 12)
        {
            return new RawResponse(0, Encoding.UTF8.GetString(raw), [], false);
        }

        var head = Encoding.UTF8.GetString(raw, 0, split);
        var body = raw[(split + 4)..];
        var status = int.TryParse(head.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        if (head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, head, body, false);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var output = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            position += lineEnd + 2;
            output.Write(chunked, position, Math.Min(size, chunked.Length - position));
            position += size + 2;
        }

        return output.ToArray();
    }
}
