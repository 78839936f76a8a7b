namespace Kunskapsbank.Indexer.Index;

/// <summary>Variable-length non-negative integers (seven bits per byte), as the small binary doc values of the index write them.</summary>
internal static class VarInts
{
    public static void Write(List<byte> bytes, int value)
    {
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            bytes.Add((byte)(rest | 0x80));
            rest >>= 7;
        }

        bytes.Add((byte)rest);
    }

    /// <summary>Reads one integer at <paramref name="i"/> and moves past it (never past <paramref name="end"/>).</summary>
    public static int Read(byte[] bytes, ref int i, int end)
    {
        var value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = bytes[i++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0 && i < end);

        return value;
    }
}
