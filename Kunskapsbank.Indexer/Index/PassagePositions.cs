namespace Kunskapsbank.Indexer.Index;

/// <summary>Where each passage's text lies among its document's <see cref="IndexSchema.Body"/> positions, and how many
/// terms it has (the <see cref="IndexSchema.PassageLayout"/> doc values).</summary>
/// <remarks>The body field holds every passage's text, segment after segment, so a passage's term frequencies are the
/// body positions between its start and the next passage's: the passages need no inverted text of their own (that
/// inversion was a quarter of indexing time). Encoded as a count, then per passage its first position plus one (0 for a
/// passage without terms) and its number of terms.</remarks>
public sealed class PassagePositions
{
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _textStarts;
    private readonly int[] _textPassages;

    /// <param name="starts">Per passage the first body position of its text, or -1 when it has no terms.</param>
    /// <param name="lengths">Per passage its number of terms.</param>
    public PassagePositions(int[] starts, int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(lengths);
        if (starts.Length != lengths.Length)
        {
            throw new ArgumentException("Lika många starter som längder krävs.", nameof(lengths));
        }

        _starts = starts;
        _lengths = lengths;
        var withText = Enumerable.Range(0, starts.Length).Where(p => starts[p] >= 0).ToArray();
        _textStarts = [.. withText.Select(p => starts[p])];
        _textPassages = withText;
    }

    /// <summary>No passages.</summary>
    public static PassagePositions Empty { get; } = new([], []);

    /// <summary>Number of passages.</summary>
    public int Count => _starts.Length;

    /// <summary>The number of terms of passage <paramref name="passage"/>.</summary>
    public int Length(int passage) => _lengths[passage];

    /// <summary>The passage whose text holds body position <paramref name="position"/>, or -1.</summary>
    public int PassageAt(int position)
    {
        // Starts of passages with terms rise strictly (the next starts a gap after the highest position of the one
        // before), so the last start at or before the position is its passage.
        var at = Array.BinarySearch(_textStarts, position);
        var index = at >= 0 ? at : ~at - 1;
        return index < 0 ? -1 : _textPassages[index];
    }

    /// <summary>The encoded layout.</summary>
    public byte[] Encode()
    {
        var bytes = new List<byte>((_starts.Length * 4) + 1);
        VarInts.Write(bytes, _starts.Length);
        for (var i = 0; i < _starts.Length; i++)
        {
            VarInts.Write(bytes, _starts[i] + 1);
            VarInts.Write(bytes, _lengths[i]);
        }

        return [.. bytes];
    }

    /// <summary>The layout encoded in <paramref name="length"/> bytes at <paramref name="offset"/>; <see cref="Empty"/> for none.</summary>
    public static PassagePositions Decode(byte[] bytes, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var end = offset + length;
        var i = offset;
        if (i >= end)
        {
            return Empty;
        }

        var count = VarInts.Read(bytes, ref i, end);
        var starts = new int[count];
        var lengths = new int[count];
        for (var p = 0; p < count && i < end; p++)
        {
            starts[p] = VarInts.Read(bytes, ref i, end) - 1;
            lengths[p] = i < end ? VarInts.Read(bytes, ref i, end) : 0;
        }

        return new PassagePositions(starts, lengths);
    }
}
