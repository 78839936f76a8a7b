using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Why one parse stopped: a YamlDotNet error (<see cref="Cause"/>) or a limit of ours (<see cref="Message"/>).</summary>
/// <param name="Line">The line the parser had reached.</param>
/// <param name="Fatal">True when the whole file is refused (too many values), not just the line.</param>
internal sealed record YamlFailure(int Line, string? Message, Exception? Cause, bool Fatal);

/// <summary>Builds the <see cref="YamlNode"/> tree from YamlDotNet's event stream with an explicit stack (no recursion,
/// so depth costs no stack), refusing aliases and enforcing <see cref="YamlLimits"/> as it goes.</summary>
/// <remarks>The event stream rather than YamlDotNet's representation model: the model expands aliases and recurses,
/// and it cannot stop at the first line that is too deep.</remarks>
internal sealed class YamlTreeBuilder(YamlLimits limits)
{
    private readonly List<YamlError> _warnings = [];
    private readonly Stack<Frame> _stack = new();
    private YamlNode? _root;
    private int _nodes;
    private int _line = 1;

    /// <summary>Problems that cost a value but not the parse (alias, duplicate key, too long a value).</summary>
    public IReadOnlyList<YamlError> Warnings => _warnings;

    /// <summary>Set when <see cref="Build"/> returned null.</summary>
    public YamlFailure? Failure { get; private set; }

    /// <summary>The line of the outermost `[…]` or `{…}` still open when the parse stopped, or null.</summary>
    public int? OpenFlowLine => _stack.LastOrDefault(f => f.Flow)?.Line;

    /// <summary>The root mapping, or null when the text has a syntax error or breaks a limit (see <see cref="Failure"/>).</summary>
    public YamlMapping? Build(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                _line = LineOf(current.Start);
                switch (current)
                {
                    case DocumentStart when ++documents > 1:
                        _warnings.Add(new YamlError(_line, "filen innehåller flera block åtskilda av '---'; bara det första lästes."));
                        return Root();
                    case Scalar scalar:
                        Add(ReadScalar(scalar));
                        break;
                    case AnchorAlias alias:
                        _warnings.Add(new YamlError(_line, $"hänvisningar (*{alias.Value}) stöds inte; skriv ut värdet."));
                        Add(Skip.Instance);
                        break;
                    case NodeEvent node and (SequenceStart or MappingStart):
                        if (!Open(node))
                        {
                            return null;
                        }

                        break;
                    case SequenceEnd or MappingEnd:
                        Add(_stack.Pop().ToNode());
                        break;
                }

                if (++_nodes > limits.MaxNodes)
                {
                    Failure = new YamlFailure(_line, $"filen har för många värden (mer än {limits.MaxNodes}) och lästes inte.", null, Fatal: true);
                    return null;
                }
            }
        }
#pragma warning disable CA1031 // YamlDotNet also throws InvalidOperationException on some broken flow lists; any error is a bad line.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Failure = new YamlFailure(_line, null, e, Fatal: false);
            return null;
        }

        return Root();
    }

    private YamlMapping Root()
    {
        switch (_root)
        {
            case YamlMapping mapping:
                return mapping;
            case null or YamlScalar { Value.Length: 0 } or Skip:
                return new YamlMapping(1, []);
            default:
                _warnings.Add(new YamlError(_root.Line, "filen ska bestå av rader med 'nyckel: värde'."));
                return new YamlMapping(1, []);
        }
    }

    private YamlNode ReadScalar(Scalar scalar)
    {
        if (scalar.Value.Length > limits.MaxScalarChars)
        {
            _warnings.Add(new YamlError(_line, $"värdet är för långt ({scalar.Value.Length} tecken; högst {limits.MaxScalarChars}) och lästes inte."));
            return Skip.Instance;
        }

        return new YamlScalar(_line, scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
    }

    private bool Open(NodeEvent node)
    {
        if (_stack.TryPeek(out var parent) && parent.IsMapping && parent.Key is null)
        {
            Failure = new YamlFailure(_line, "en nyckel kan inte vara en lista; skriv 'nyckel: värde'.", null, Fatal: false);
            return false;
        }

        if (_stack.Count >= limits.MaxDepth)
        {
            Failure = new YamlFailure(_line, $"för många nivåer av indrag (högst {limits.MaxDepth}).", null, Fatal: false);
            return false;
        }

        var flow = node is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow };
        _stack.Push(new Frame(_line, node is MappingStart, flow));
        return true;
    }

    private void Add(YamlNode node)
    {
        if (!_stack.TryPeek(out var frame))
        {
            _root ??= node;
            return;
        }

        if (!frame.IsMapping)
        {
            if (node is not Skip)
            {
                frame.Items.Add(node);
            }

            return;
        }

        if (frame.Key is null)
        {
            frame.Key = node as YamlScalar ?? new YamlScalar(node.Line, string.Empty, false);
            if (frame.Key.Value.Trim().Length == 0 && node is not Skip)
            {
                _warnings.Add(new YamlError(node.Line, "nyckeln före kolonet saknas."));
            }

            return;
        }

        var key = frame.Key;
        frame.Key = null;
        var name = key.Value.Trim();
        if (name.Length == 0 || node is Skip)
        {
            return;
        }

        var earlier = frame.Entries.FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));
        if (earlier is not null)
        {
            _warnings.Add(new YamlError(key.Line, $"'{name}' står redan på rad {earlier.Line}; den senare raden används inte."));
            return;
        }

        // "key:" with nothing after it is an empty value, not the text "".
        var value = node is YamlScalar { Value.Length: 0, Quoted: false } ? null : node;
        frame.Entries.Add(new YamlEntry(key.Line, name, value));
    }

    private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);

    /// <summary>A value that was refused (alias, too long); its key is dropped with it.</summary>
    private sealed record Skip() : YamlNode(0)
    {
        public static Skip Instance { get; } = new();
    }

    private sealed class Frame(int line, bool isMapping, bool flow)
    {
        public int Line { get; } = line;

        public bool IsMapping { get; } = isMapping;

        public bool Flow { get; } = flow;

        public YamlScalar? Key { get; set; }

        public List<YamlNode> Items { get; } = [];

        public List<YamlEntry> Entries { get; } = [];

        public YamlNode ToNode() => IsMapping ? new YamlMapping(Line, Entries) : new YamlSequence(Line, Items, Flow);
    }
}
