using System.Diagnostics;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>A started child process: output drained to a log file, peak memory sampled, killed on dispose.</summary>
public sealed class ChildProcess : IDisposable
{
    private const int TailLines = 40;
    private readonly Process _process;
    private readonly ChildProcessGuard _guard;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _samplerStop = new();
    private readonly Task _sampler;
    private double _peakRssMb;

    private ChildProcess(Process process, ChildProcessGuard guard, string logPath)
    {
        _process = process;
        _guard = guard;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        Id = process.Id;
        Started = Stopwatch.StartNew();
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampler = Task.Run(SampleMemoryAsync);
    }

    /// <summary>The process id.</summary>
    public int Id { get; }

    /// <summary>Where stdout and stderr go.</summary>
    public string LogPath { get; }

    /// <summary>Time since start.</summary>
    public Stopwatch Started { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code (only after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Peak RSS (VmHWM) in MB as last read from /proc while the process ran.</summary>
    public double PeakRssMb
    {
        get
        {
            lock (_gate)
            {
                return _peakRssMb;
            }
        }
    }

    /// <summary>Everything the process printed, as far as it was kept (the last lines).</summary>
    public string Tail
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts `dotnet &lt;dll&gt; args...` with the given environment.</summary>
    public static ChildProcess StartDotnet(
        ChildProcessGuard guard,
        string dll,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string logPath)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Processen startade inte: " + dll);
        process.StandardInput.Close();
        var child = new ChildProcess(process, guard, logPath);
        guard.Track(child);
        return child;
    }

    /// <summary>Waits for exit; false when the timeout passed first (the process is then still running).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await _process.WaitForExitAsync(CancellationToken.None); // drains the redirected output
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL for the process and anything it started; no chance to clean up.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.WaitForExit(5000);
        _samplerStop.Cancel();
        _sampler.Wait(TimeSpan.FromSeconds(2));
        _guard.Forget(this);
        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }

        _samplerStop.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.WriteLine(line);
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    // VmHWM disappears with the process, so it is read often; the last read before exit is the figure.
    private async Task SampleMemoryAsync()
    {
        while (!_samplerStop.IsCancellationRequested)
        {
            var peak = ProcessMemory.PeakRssMb(Id);
            if (peak is null)
            {
                return;
            }

            lock (_gate)
            {
                _peakRssMb = Math.Max(_peakRssMb, peak.Value);
            }

            try
            {
                await Task.Delay(10, _samplerStop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
