using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kunskapsbank.Indexer.Extraction.Pdf;

/// <summary>What a child process left behind.</summary>
/// <param name="ExitCode">The exit code, or -1 when it was killed.</param>
/// <param name="StandardOutput">Standard output (UTF-8), at most the cap; empty when the output was streamed to a reader.</param>
/// <param name="StandardError">Standard error, at most 64 KB.</param>
/// <param name="TimedOut">True when the process tree was killed at the time limit.</param>
/// <param name="OutputCapped">True when the output cap was reached (or the reader stopped early) and the process was stopped.</param>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool OutputCapped)
{
    /// <summary>True when the process failed for want of memory under its memory limit.</summary>
    public bool OutOfMemory { get; init; }
}

/// <summary>Runs a command-line tool with arguments passed one by one (no shell parsing), a time limit, an output cap
/// and, when asked, a memory limit (the address-space limit <c>ulimit -v</c>, set by /bin/sh before it execs the tool,
/// so the tool keeps the process id that the time limit kills).</summary>
public sealed class ProcessRunner
{
    // "$1" is the limit in KiB, the rest is the command; exec keeps the pid, so killing it kills the tool.
    private const string LimitScript = "ulimit -v \"$1\" || exit 125; shift; exec \"$@\"";

    private readonly int _maxErrorChars;

    /// <summary>Keeps at most <paramref name="maxErrorChars"/> characters of a tool's error output.</summary>
    public ProcessRunner(int maxErrorChars = 64 * 1024) => _maxErrorChars = maxErrorChars;

    /// <summary>Runs <paramref name="program"/> and waits for it; never leaves it running after the call.</summary>
    /// <param name="maxMemoryBytes">Address-space limit for the tool, or null for none.</param>
    /// <param name="environment">Extra environment variables for the tool.</param>
    /// <param name="lowPriority">Run the tool at the lowest CPU priority (<c>nice -n 19</c>): background work that must
    /// give way to searches and indexing.</param>
    /// <exception cref="Win32Exception">The program is not installed.</exception>
    public ProcessOutcome Run(
        string program,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        int maxOutputChars,
        CancellationToken cancellationToken,
        long? maxMemoryBytes = null,
        IReadOnlyDictionary<string, string>? environment = null,
        bool lowPriority = false)
    {
        string output = string.Empty;
        var outcome = Start(program, arguments, timeout, maxMemoryBytes, environment, lowPriority, reader =>
        {
            output = ReadUpTo(reader, maxOutputChars);
            return reader.Peek() >= 0;
        }, cancellationToken);
        return outcome with { StandardOutput = output };
    }

    /// <summary>Runs <paramref name="program"/> and hands its standard output to <paramref name="readOutput"/> as it comes,
    /// so a large output is never held whole in memory. When the reader returns before the end, the tool is stopped and
    /// the outcome says <see cref="ProcessOutcome.OutputCapped"/>.</summary>
    /// <exception cref="Win32Exception">The program is not installed.</exception>
    public ProcessOutcome Stream(string program, IReadOnlyList<string> arguments, TimeSpan timeout, Action<TextReader> readOutput, CancellationToken cancellationToken, long? maxMemoryBytes = null)
    {
        ArgumentNullException.ThrowIfNull(readOutput);
        return Start(program, arguments, timeout, maxMemoryBytes, null, false, reader =>
        {
            readOutput(reader);
            return reader.Peek() >= 0;
        }, cancellationToken);
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null when it is not installed.</summary>
    public static string? Find(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Starts the tool; <paramref name="consume"/> reads standard output on a worker thread and returns true
    /// when it stopped before the end (the tool is then killed).</summary>
    private ProcessOutcome Start(
        string program,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        long? maxMemoryBytes,
        IReadOnlyDictionary<string, string>? environment,
        bool lowPriority,
        Func<StreamReader, bool> consume,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo
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
        // nice, like sh, execs the tool: the pid stays the tool's, so the time limit's kill still reaches it.
        var nice = lowPriority ? Find("nice") : null;
        List<string> command = nice is null ? [] : [nice, "-n", "19"];
        if (maxMemoryBytes is { } bytes)
        {
            // The shell would report a missing tool as exit 127; look it up first so the caller gets the usual exception.
            command.Add(Find(program) ?? throw new Win32Exception(2, $"{program} is not installed"));
            startInfo.FileName = "/bin/sh";
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(LimitScript);
            startInfo.ArgumentList.Add("kunskapsbank-limit");
            startInfo.ArgumentList.Add(Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            command.Add(nice is null ? program : Find(program) ?? throw new Win32Exception(2, $"{program} is not installed"));
            startInfo.FileName = command[0];
            command.RemoveAt(0);
        }

        foreach (var part in command)
        {
            startInfo.ArgumentList.Add(part);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        process.Start();
        var stoppedEarly = false;
        // The token stops the tool (below), never the reader: it must drain the pipe whatever happens.
        var stdout = Task.Run(ReadOutput, CancellationToken.None);
        var stderr = ReadCappedAsync(process.StandardError, _maxErrorChars);

        using (cancellationToken.Register(() => Kill(process)))
        {
            var exited = process.WaitForExit(timeout);
            if (!exited)
            {
                Kill(process);
            }

            process.WaitForExit();
            stdout.GetAwaiter().GetResult();
            var error = stderr.GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            var exitCode = exited && !stoppedEarly ? process.ExitCode : -1;
            return new ProcessOutcome(exitCode, string.Empty, error, !exited, stoppedEarly)
            {
                OutOfMemory = maxMemoryBytes is not null && exited && exitCode != 0 && !stoppedEarly && LooksLikeOutOfMemory(exitCode, error),
            };
        }

        void ReadOutput()
        {
            try
            {
                stoppedEarly = consume(process.StandardOutput);
            }
            catch
            {
                Kill(process);
                throw;
            }
            finally
            {
                if (stoppedEarly)
                {
                    Kill(process);
                }

                // Keep draining so the child never blocks on a full pipe before it dies.
                Drain(process.StandardOutput);
            }
        }
    }

    /// <summary>How a tool dies under an address-space limit: the loader cannot map a library, an allocation fails
    /// ("Out of memory", std::bad_alloc), or it aborts (SIGABRT) or crashes (SIGSEGV) when one fails unchecked.</summary>
    private static bool LooksLikeOutOfMemory(int exitCode, string error) =>
        exitCode is 134 or 139
        || error.Contains("memory", StringComparison.OrdinalIgnoreCase)
        || error.Contains("bad_alloc", StringComparison.Ordinal)
        || error.Contains("failed to map segment", StringComparison.Ordinal)
        || error.Contains("Bogus memory allocation", StringComparison.Ordinal);

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

    private static string ReadUpTo(StreamReader reader, int maxChars)
    {
        var builder = new StringBuilder();
        var buffer = new char[16 * 1024];
        while (true)
        {
            var room = maxChars - builder.Length;
            if (room <= 0)
            {
                return builder.ToString();
            }

            var read = reader.Read(buffer, 0, Math.Min(buffer.Length, room));
            if (read == 0)
            {
                return builder.ToString();
            }

            builder.Append(buffer, 0, read);
        }
    }

    private static void Drain(StreamReader reader)
    {
        try
        {
            var buffer = new char[16 * 1024];
            while (reader.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
            // The pipe closed while the tool was killed.
        }
        catch (ObjectDisposedException)
        {
            // Nothing left to drain.
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, int maxChars)
    {
        var builder = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            builder.Append(buffer, 0, Math.Min(read, Math.Max(0, maxChars - builder.Length)));
        }

        return builder.ToString();
    }
}
