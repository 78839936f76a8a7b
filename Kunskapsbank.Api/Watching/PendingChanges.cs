namespace Kunskapsbank.Api.Watching;

/// <summary>Collects changed paths and hands them out once they have settled, so each write is indexed once, whole.</summary>
/// <remarks>
/// A file is settled when no event has touched it for the quiet period and its size and modification time are what they
/// were at the last event, and it can be opened for reading. A folder is settled when nothing under it has changed
/// for the quiet period. Paths that do not exist (deleted, renamed away) settle after the quiet period alone.
/// </remarks>
public sealed class PendingChanges(TimeSpan quietPeriod, TimeProvider clock)
{
    // A file that stays unreadable this long is handed over anyway: the indexer reports it as unreadable.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Paths waiting to settle.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The existing paths waiting to settle (files, and folders as such), at most <paramref name="max"/>.</summary>
    /// <remarks>For the editors' page: what the last event saw, no new look at the disk.</remarks>
    public IReadOnlyList<(string Path, bool IsDirectory)> Waiting(int max)
    {
        lock (_lock)
        {
            return [.. _pending.Where(p => p.Value.Probe.Exists).Take(max).Select(p => (p.Key, p.Value.Probe.IsDirectory))];
        }
    }

    /// <summary>Records an event on an absolute path; restarts its quiet period and that of every pending folder above it.</summary>
    public void Add(string path)
    {
        var now = clock.GetUtcNow();
        var probe = FileProbe.Of(path);
        lock (_lock)
        {
            if (_pending.TryGetValue(path, out var pending))
            {
                pending.Touch(now, probe);
            }
            else
            {
                _pending[path] = new Pending(now, probe);
            }

            foreach (var (other, entry) in _pending)
            {
                if (entry.Probe.IsDirectory && IsUnder(path, other))
                {
                    entry.Touch(now, entry.Probe);
                }
            }
        }
    }

    /// <summary>Removes and returns every path that has settled.</summary>
    public IReadOnlyList<string> TakeSettled()
    {
        var now = clock.GetUtcNow();
        List<(string Path, Pending Entry, DateTimeOffset Seen)> candidates;
        lock (_lock)
        {
            candidates = [.. _pending.Where(p => now - p.Value.LastEvent >= quietPeriod).Select(p => (p.Key, p.Value, p.Value.LastEvent))];
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        // Probing touches the disk, so it runs outside the lock; an event that arrives meanwhile wins below.
        var settled = new List<string>(candidates.Count);
        var stillWriting = new List<(string Path, FileProbe Probe)>();
        foreach (var (path, entry, _) in candidates)
        {
            var probe = FileProbe.Of(path);
            var waitedTooLong = now - entry.FirstEvent >= GiveUpAfter;
            if (waitedTooLong || (probe == entry.Probe && (probe.IsDirectory || !probe.Exists || CanRead(path))))
            {
                settled.Add(path);
            }
            else
            {
                stillWriting.Add((path, probe));
            }
        }

        lock (_lock)
        {
            var seenByPath = candidates.ToDictionary(c => c.Path, c => c.Seen, StringComparer.Ordinal);
            settled.RemoveAll(path => !_pending.TryGetValue(path, out var entry) || entry.LastEvent != seenByPath[path]);
            foreach (var path in settled)
            {
                _pending.Remove(path);
            }

            foreach (var (path, probe) in stillWriting)
            {
                if (_pending.TryGetValue(path, out var entry) && entry.LastEvent == seenByPath[path])
                {
                    entry.Touch(now, probe);
                }
            }
        }

        return settled;
    }

    private static bool IsUnder(string path, string folder) =>
        path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == Path.DirectorySeparatorChar;

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed class Pending(DateTimeOffset now, FileProbe probe)
    {
        public DateTimeOffset FirstEvent { get; } = now;

        public DateTimeOffset LastEvent { get; private set; } = now;

        public FileProbe Probe { get; private set; } = probe;

        public void Touch(DateTimeOffset now, FileProbe probe)
        {
            LastEvent = now;
            Probe = probe;
        }
    }
}

/// <summary>What the file system says about a path at one moment.</summary>
public readonly record struct FileProbe(bool Exists, bool IsDirectory, long Length, DateTime LastWriteUtc)
{
    /// <summary>Looks at <paramref name="path"/> without following it into a folder.</summary>
    public static FileProbe Of(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (file.Exists)
            {
                return new FileProbe(true, false, file.Length, file.LastWriteTimeUtc);
            }

            return Directory.Exists(path) ? new FileProbe(true, true, 0, default) : default;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return default;
        }
    }
}
