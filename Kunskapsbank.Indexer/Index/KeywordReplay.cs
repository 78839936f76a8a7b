using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Kunskapsbank.Indexer.Index;

/// <summary>A token stream of one untouched term (a kind, a document key, a mark), with the attributes of the block's
/// other fields.</summary>
/// <remarks>A <c>StringField</c> makes a token stream with an attribute set of its own for every Lucene document; a
/// document of 20 passages made 60 of them, an eighth of the allocation of indexing. The term is indexed exactly as a
/// StringField's (<see cref="IndexSchema.Keyword"/>: docs only, no norms).</remarks>
public sealed class KeywordReplay : TokenStream
{
    private readonly string _value;
    private readonly byte[] _bytes;
    private readonly ITermBytesAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private bool _done;

    /// <summary>Replays <paramref name="value"/> with the attributes of <paramref name="attributes"/>.</summary>
    public KeywordReplay(string value, AttributeSource attributes)
        : base(attributes)
    {
        _value = value;
        _bytes = System.Text.Encoding.UTF8.GetBytes(value);
        _term = AddAttribute<ITermBytesAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>The field <paramref name="name"/> holding the one term <paramref name="value"/>.</summary>
    public static Field Field(string name, string value, AttributeSource attributes) =>
        new(name, new KeywordReplay(value, attributes), IndexSchema.Keyword);

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_done)
        {
            return false;
        }

        ClearAttributes();
        _term.Point(_bytes, 0, _bytes.Length);
        _increment.PositionIncrement = 1;
        _offset.SetOffset(0, _value.Length);
        _done = true;
        return true;
    }

    /// <inheritdoc />
    public override void End()
    {
        base.End();
        _offset.SetOffset(_value.Length, _value.Length);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _done = false;
    }
}
