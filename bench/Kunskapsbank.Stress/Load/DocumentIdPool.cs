namespace Kunskapsbank.Stress.Load;

/// <summary>Document ids seen in search results, for the document requests (bounded, thread-safe).</summary>
public sealed class DocumentIdPool
{
    private const int Capacity = 4096;
    private readonly long[] _ids = new long[Capacity];
    private readonly HashSet<long> _known = [];
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>How many ids are known.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Remembers an id (ignored once the pool is full).</summary>
    public void Add(long id)
    {
        lock (_gate)
        {
            if (_count < Capacity && _known.Add(id))
            {
                _ids[_count++] = id;
            }
        }
    }

    /// <summary>A random known id, or null when none is known yet.</summary>
    public long? Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        lock (_gate)
        {
            return _count == 0 ? null : _ids[random.Next(_count)];
        }
    }
}
