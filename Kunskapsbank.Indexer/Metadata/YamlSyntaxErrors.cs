using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Kunskapsbank.Indexer.Metadata;

/// <summary>Where a YAML syntax error really is, and what to tell the editor about it in Swedish.</summary>
/// <param name="Line">The 1-based line to report and blank.</param>
/// <param name="Message">The Swedish explanation.</param>
/// <param name="WithDeeperLines">True when the more-indented lines below belong to the bad line and go with it.</param>
/// <param name="Repair">A corrected line to try instead of reporting, or null.</param>
internal sealed record YamlDiagnosis(int Line, string Message, bool WithDeeperLines, string? Repair);

/// <summary>Turns YamlDotNet's English error (and the parse state) into the line to blame and a Swedish sentence.</summary>
/// <remarks>YamlDotNet often notices a mistake a line or more after it was made (an unclosed quote or list swallows the
/// next lines); the editor needs the line where it was made, so the place is corrected from the parse state.</remarks>
internal static partial class YamlSyntaxErrors
{
    public static YamlDiagnosis? Diagnose(string[] lines, YamlFailure failure, int? openFlowLine)
    {
        if (failure.Message is not null)
        {
            // One of our limits (depth, a list as key): the parser was on that line.
            return NonBlankAtOrBefore(lines, failure.Line) is { } limitLine ? new(limitLine, failure.Message, WithDeeperLines: true, null) : null;
        }

        var cause = failure.Cause as YamlException;
        var reported = failure.Line;
        if (openFlowLine is not null)
        {
            // Lists are written on one line; an error inside one that is still open is that list's missing ']'.
            reported = openFlowLine.Value;
        }
        else if (cause is not null && cause.Start.Line > 0)
        {
            reported = (int)Math.Min(cause.Start.Line, lines.Length);
        }

        if (cause?.Message.Contains(" tab ", StringComparison.OrdinalIgnoreCase) == true
            && TabIndented(lines, Math.Min(reported, failure.Line), Math.Max((int)cause.End.Line, failure.Line) + 1) is { } tabLine)
        {
            // YamlDotNet reports a tab at the start of the value before it, or at the start of the file.
            reported = tabLine;
        }

        var line = NonBlankAtOrBefore(lines, reported);
        if (line is null)
        {
            return null;
        }

        if (openFlowLine is null && cause?.Message.Contains("multiline", StringComparison.OrdinalIgnoreCase) == true
            && PreviousNonBlank(lines, line.Value) is { } above && IsPlainTextWithoutColon(lines[above - 1]))
        {
            // "den här raden saknar kolon" followed by "ämne: x" is reported on the second line; the first is the mistake.
            line = above;
        }

        return Explain(line.Value, lines[line.Value - 1], cause, openFlowLine == line);
    }

    private static YamlDiagnosis Explain(int line, string text, YamlException? cause, bool inOpenList)
    {
        var content = text.TrimStart(' ');
        if (content.StartsWith('\t'))
        {
            // A tab-indented line cannot be placed in the structure; only the line itself is dropped.
            return new(line, "indraget innehåller tabb; använd mellanslag.", WithDeeperLines: false, null);
        }

        if (inOpenList)
        {
            var message = Count(text, '[') > Count(text, ']')
                ? "listan saknar avslutande ']'; skriv hela listan på en rad: [a, b]."
                : Count(text, '{') > Count(text, '}')
                    ? "värden inom {…} saknar avslutande '}'; skriv en 'nyckel: värde'-rad per uppgift."
                    : "listan på raden kunde inte läsas; skriv den som [a, b] med kommatecken mellan värdena.";
            return new(line, message, WithDeeperLines: false, null);
        }

        if (cause?.Message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) == true && content.IndexOfAny(['"', '\'']) is var quote and >= 0)
        {
            return new(line, $"citattecknet {content[quote]} avslutas inte på raden.", WithDeeperLines: false, null);
        }

        if (IsPlainTextWithoutColon(text))
        {
            return new(line, $"raden saknar kolon; skriv 'nyckel: värde' (\"{Shorten(content)}\").", WithDeeperLines: true, null);
        }

        if (ValueWithColon().Match(text) is { Success: true } pair)
        {
            var value = pair.Groups["value"].Value;
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            value = (comment >= 0 ? value[..comment] : value).Trim();
            var repair = $"{pair.Groups["head"].Value}'{value.Replace("'", "''", StringComparison.Ordinal)}'";
            return new(line, "värdet innehåller ': '; sätt det inom citattecken.", WithDeeperLines: true, repair);
        }

        return new(line, "raden passar inte in där den står; kontrollera indraget och att värdet står efter 'nyckel:'.", WithDeeperLines: true, null);
    }

    /// <summary>A line of plain words: no key, no list item, no quote or list, no comment.</summary>
    private static bool IsPlainTextWithoutColon(string? text)
    {
        var content = text?.Trim();
        return !string.IsNullOrEmpty(content) && !content.Contains(':', StringComparison.Ordinal)
            && content[0] is not ('-' or '#' or '[' or '{' or '"' or '\'' or '|' or '>' or '&' or '*' or '!' or '?');
    }

    private static int? NonBlankAtOrBefore(string[] lines, int line)
    {
        for (var i = Math.Min(line, lines.Length); i >= 1; i--)
        {
            if (lines[i - 1].Trim().Length > 0)
            {
                return i;
            }
        }

        for (var i = line + 1; i <= lines.Length; i++)
        {
            if (lines[i - 1].Trim().Length > 0)
            {
                return i;
            }
        }

        return null;
    }

    private static int? PreviousNonBlank(string[] lines, int line)
    {
        for (var i = line - 1; i >= 1; i--)
        {
            if (lines[i - 1].Trim().Length > 0)
            {
                return i;
            }
        }

        return null;
    }

    private static int? TabIndented(string[] lines, int from, int to)
    {
        for (var i = Math.Max(1, from); i <= Math.Min(lines.Length, Math.Max(from, to)); i++)
        {
            if (lines[i - 1].TrimStart(' ').StartsWith('\t'))
            {
                return i;
            }
        }

        return null;
    }

    private static int Count(string text, char c) => text.Count(x => x == c);

    /// <summary>A line quoted in a message: short, and without control characters that would garble the report.</summary>
    internal static string Shorten(string text)
    {
        var clean = new string(text.Trim().Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }

    /// <summary>`key: value: more` with an unquoted value, optionally as a list item.</summary>
    [GeneratedRegex(@"^(?<head> *(?:- +)?[^\s:#'""\[\{\-][^:]*: +)(?<value>[^\s'""\[\{|>&*!].*:(?: .*)?)$")]
    private static partial Regex ValueWithColon();
}
