namespace Kunskapsbank.Api.Watching;

/// <summary>Settings of the corpus watcher (section `Kunskapsbank:Watcher`).</summary>
public sealed class WatcherOptions
{
    /// <summary>Watch the corpus folder at all (the periodic reconcile runs either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a file's size and modification time must stay unchanged before it is indexed.</summary>
    public int DebounceMilliseconds { get; set; } = 250;

    /// <summary>Minutes between full reconciles that catch events the watcher missed; 0 turns them off.</summary>
    public double ReconcileMinutes { get; set; } = 5;

    /// <summary>The watcher's event buffer in bytes (Windows; on Linux inotify has its own queue).</summary>
    public int InternalBufferSize { get; set; } = 256 * 1024;
}
