namespace Kunskapsbank.Indexer.Index;

/// <summary>An exclusive lock on an index folder for the one writing process, held until disposed (or the process dies).</summary>
/// <remarks>Lucene.Net 4.8's native lock did not keep a second process out on Linux (measured: a second
/// `kunskapsbank index` opened a writer beside the service). A file opened with <see cref="FileShare.None"/> is an
/// advisory <c>flock</c> on Linux, which every .NET process honours and the kernel releases when the holder dies, so a
/// kill -9 never leaves a stale lock.</remarks>
public sealed class WriterLock : IDisposable
{
    /// <summary>The lock file's name inside the index folder.</summary>
    public const string FileName = "kunskapsbank.lock";

    private readonly FileStream _stream;

    private WriterLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="folder"/>.</summary>
    /// <exception cref="IndexLockedException">Another process holds it.</exception>
    public static WriterLock Take(string folder)
    {
        try
        {
            return new WriterLock(new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException ex)
        {
            throw new IndexLockedException(folder, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
