using System.Collections.Concurrent;

namespace Kunskapsbank.Stress.Hosting;

/// <summary>Remembers every child process this run started so that all of them die with it (failure, Ctrl+C, exit).</summary>
public sealed class ChildProcessGuard : IDisposable
{
    private readonly ConcurrentDictionary<int, ChildProcess> _children = new();

    /// <summary>Starts tracking a child.</summary>
    public void Track(ChildProcess child)
    {
        ArgumentNullException.ThrowIfNull(child);
        _children[child.Id] = child;
    }

    /// <summary>Stops tracking a child that has exited.</summary>
    public void Forget(ChildProcess child)
    {
        ArgumentNullException.ThrowIfNull(child);
        _children.TryRemove(child.Id, out _);
    }

    /// <summary>Kills every tracked child that still runs.</summary>
    public void KillAll()
    {
        foreach (var child in _children.Values)
        {
            child.Kill();
        }

        _children.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => KillAll();
}
