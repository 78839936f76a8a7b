using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>What a child process left behind.</summary>
/// <param name="ExitCode">The exit code, or -1 when it was killed.</param>
/// <param name="StandardOutput">Standard output (UTF-8), at most the cap.</param>
/// <param name="StandardError">Standard error, at most 64 KB.</param>
/// <param name="TimedOut">True when the process tree was killed at the time limit.</param>
/// <param name="OutputCapped">True when the output cap was reached and the process was stopped.</param>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool OutputCapped);

/// <summary>Runs a command-line tool with arguments passed one by one (no shell), a time limit and an output cap.</summary>
public sealed class ProcessRunner
{
    private readonly int _maxErrorChars;

    /// <summary>Keeps at most <paramref name="maxErrorChars"/> characters of a tool's error output.</summary>
    public ProcessRunner(int maxErrorChars = 64 * 1024) => _maxErrorChars = maxErrorChars;

    /// <summary>Runs <paramref name="program"/> and waits for it; never leaves it running after the call.</summary>
    /// <exception cref="Win32Exception">The program is not installed.</exception>
    public ProcessOutcome Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, int maxOutputChars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };

        // ArgumentList, not a joined string: names with spaces, quotes, å/ä/ö or emoji reach the tool unchanged.
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        process.Start();
        var capped = false;
        var stdout = ReadCappedAsync(process.StandardOutput, maxOutputChars, () =>
        {
            capped = true;
            Kill(process);
        });
        var stderr = ReadCappedAsync(process.StandardError, _maxErrorChars, onCap: null);

        using (cancellationToken.Register(() => Kill(process)))
        {
            var exited = process.WaitForExit(timeout);
            if (!exited)
            {
                Kill(process);
            }

            process.WaitForExit();
            var output = stdout.GetAwaiter().GetResult();
            var error = stderr.GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutcome(exited && !capped ? process.ExitCode : -1, output, error, !exited, capped);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Exiting while we tried; nothing left to stop.
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, int maxChars, Action? onCap)
    {
        var builder = new StringBuilder();
        var buffer = new char[16 * 1024];
        while (true)
        {
            var read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false);
            if (read == 0)
            {
                return builder.ToString();
            }

            var room = maxChars - builder.Length;
            if (read > room)
            {
                builder.Append(buffer, 0, Math.Max(0, room));
                onCap?.Invoke();

                // Keep draining so the child never blocks on a full pipe before it dies.
                while (await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false) > 0)
                {
                }

                return builder.ToString();
            }

            builder.Append(buffer, 0, read);
        }
    }
}
