using System.Text;
using Kunskapsbank.Indexer.Facets;
using Kunskapsbank.Indexer.Search;

namespace Kunskapsbank.Indexer.Query;

/// <summary>Parses the query language: words (AND), "phrases", prefix*, -exclusion, OR, parentheses, facet:value.</summary>
/// <remarks>
/// Forgiving by design: an unbalanced quote runs to the end, a missing ")" is implied, a stray ")" or a lone operator
/// is ignored, control characters are spaces. Only what cannot be searched at all becomes a
/// <see cref="SearchInputException"/> with a Swedish message. Nothing typed here is ever Lucene syntax: the tree is turned into Lucene queries term by term.
/// </remarks>
public sealed class QueryParser
{
    /// <summary>Longest query accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>Most words, phrases and prefixes in one query.</summary>
    public const int MaxClauses = 64;

    private readonly List<Lexeme> _lexemes = [];
    private readonly List<KeyValuePair<string, string>> _filters = [];
    private int _position;
    private int _clauses;

    private QueryParser()
    {
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="SearchInputException">The query is too long or has too many words.</exception>
    public static ParsedQuery Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            throw new SearchInputException("for-lang-fraga", $"Frågan är för lång ({text.Length} tecken). Korta den till högst {MaxLength} tecken.");
        }

        var parser = new QueryParser();
        parser.Lex(WithoutLoneSurrogates(text));
        var root = parser.ParseOr(topLevel: true);
        return new ParsedQuery(root, parser._filters);
    }

    private enum LexemeKind
    {
        Word,
        Phrase,
        Prefix,
        Minus,
        Or,
        Open,
        Close,
    }

    private readonly record struct Lexeme(LexemeKind Kind, string Text);

    private void Lex(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSeparator(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    {
                        var end = text.IndexOf('"', i + 1);
                        var inner = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                        i = end < 0 ? text.Length : end + 1;
                        var phrase = Clean(inner);
                        if (phrase.Length > 0)
                        {
                            _lexemes.Add(new Lexeme(LexemeKind.Phrase, phrase));
                        }

                        continue;
                    }

                case '(':
                    _lexemes.Add(new Lexeme(LexemeKind.Open, "("));
                    i++;
                    continue;
                case ')':
                    _lexemes.Add(new Lexeme(LexemeKind.Close, ")"));
                    i++;
                    continue;
                case '-' when i + 1 < text.Length && !IsSeparator(text[i + 1]) && text[i + 1] != '-':
                    _lexemes.Add(new Lexeme(LexemeKind.Minus, "-"));
                    i++;
                    continue;
            }

            var start = i;
            while (i < text.Length && !IsSeparator(text[i]) && text[i] is not ('"' or '(' or ')'))
            {
                i++;
            }

            AddWord(text[start..i]);
        }
    }

    private void AddWord(string raw)
    {
        if (raw == "OR" || raw == "||")
        {
            _lexemes.Add(new Lexeme(LexemeKind.Or, raw));
            return;
        }

        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < raw.Length - 1 && FacetCatalog.Normalize(raw[..colon]) is { } facet)
        {
            _filters.Add(new KeyValuePair<string, string>(facet, raw[(colon + 1)..]));
            return;
        }

        var prefix = raw.EndsWith('*');
        var word = raw.TrimEnd('*').TrimStart('*', '-', '+');
        if (word.Length == 0)
        {
            return;
        }

        _lexemes.Add(new Lexeme(prefix ? LexemeKind.Prefix : LexemeKind.Word, word));
    }

    // Half of an emoji (a lone surrogate) cannot be normalised or lower-cased; it becomes a space.
    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lone = char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
            if (lone)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append(' ');
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsSeparator(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF';

    private QueryNode? ParseOr(bool topLevel)
    {
        var alternatives = new List<QueryNode>();
        while (true)
        {
            var and = ParseAnd(topLevel);
            if (and is not null)
            {
                alternatives.Add(and);
            }

            if (_position < _lexemes.Count && _lexemes[_position].Kind == LexemeKind.Or)
            {
                _position++;
                continue;
            }

            break;
        }

        return alternatives.Count switch
        {
            0 => null,
            1 => alternatives[0],
            _ => new OrNode(alternatives),
        };
    }

    private QueryNode? ParseAnd(bool topLevel)
    {
        var children = new List<QueryNode>();
        while (_position < _lexemes.Count)
        {
            var lexeme = _lexemes[_position];
            if (topLevel && lexeme.Kind == LexemeKind.Close)
            {
                // A stray ")" at the top level is ignored.
                _position++;
                continue;
            }

            if (lexeme.Kind == LexemeKind.Or || lexeme.Kind == LexemeKind.Close)
            {
                break;
            }

            var node = ParseUnary(topLevel);
            if (node is not null)
            {
                children.Add(node);
            }
        }

        return children.Count switch
        {
            0 => null,
            1 => children[0],
            _ => new AndNode(children),
        };
    }

    private QueryNode? ParseUnary(bool topLevel)
    {
        if (_lexemes[_position].Kind == LexemeKind.Minus)
        {
            _position++;
            if (_position >= _lexemes.Count || _lexemes[_position].Kind is LexemeKind.Or or LexemeKind.Close or LexemeKind.Minus)
            {
                return null;
            }

            var child = ParsePrimary(topLevel);
            return child is null ? null : new NotNode(child);
        }

        return ParsePrimary(topLevel);
    }

    private QueryNode? ParsePrimary(bool topLevel)
    {
        var lexeme = _lexemes[_position++];
        switch (lexeme.Kind)
        {
            case LexemeKind.Open:
                {
                    var inner = ParseOr(topLevel: false);
                    if (_position < _lexemes.Count && _lexemes[_position].Kind == LexemeKind.Close)
                    {
                        _position++;
                    }

                    return inner;
                }

            case LexemeKind.Word:
                CountClause();
                return new WordNode(lexeme.Text);
            case LexemeKind.Phrase:
                CountClause();
                return new PhraseNode(lexeme.Text);
            case LexemeKind.Prefix:
                CountClause();
                return new PrefixNode(lexeme.Text);
            default:
                return null;
        }
    }

    private void CountClause()
    {
        if (++_clauses > MaxClauses)
        {
            throw new SearchInputException("for-manga-ord", $"Frågan har för många sökord. Använd högst {MaxClauses} ord, fraser eller prefix.");
        }
    }
}
