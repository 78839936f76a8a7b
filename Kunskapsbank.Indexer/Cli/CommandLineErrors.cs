using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Kunskapsbank.Indexer.Cli;

/// <summary>Swedish messages for what Spectre.Console.Cli reports in English when a command line cannot be parsed.</summary>
/// <remarks>Spectre ships Swedish help headings but English parse errors, and its exceptions carry no error code, so
/// the messages are matched; one that is not matched is a validation message of ours and already Swedish.</remarks>
internal static partial class CommandLineErrors
{
    /// <summary>The Swedish message for a parse or validation error of <paramref name="args"/>, whose command is
    /// <paramref name="command"/> when it is known.</summary>
    public static string Describe(CommandAppException error, IReadOnlyList<string> args, string? command)
    {
        var help = command is null ? "kunskapsbank --help" : $"kunskapsbank {command} --help";
        var message = error.Message;
        if (UnknownCommand().Match(message) is { Success: true } unknown)
        {
            return $"Okänt kommando ”{unknown.Groups[1].Value}”. Skriv kunskapsbank --help för att se kommandona.";
        }

        if (UnknownOption().Match(message) is { Success: true } option)
        {
            return $"Okänt val ”{Spelled(option.Groups[1].Value, args)}”.{MinusHint(args)} Skriv {help} för att se valen.";
        }

        if (UnexpectedOption().Match(message) is { Success: true } early)
        {
            return $"Valet ”{Spelled(early.Groups[1].Value, args)}” står före kommandot. Skriv kommandot först, till exempel: kunskapsbank search \"våld\" --limit 5";
        }

        if (NoValue().Match(message) is { Success: true } noValue)
        {
            return $"Valet --{noValue.Groups[1].Value} behöver ett värde.";
        }

        if (MissingArgument().Match(message) is { Success: true } missing)
        {
            return missing.Groups[1].Success
                ? $"Kommandot {missing.Groups[1].Value} behöver {missing.Groups[2].Value}. Skriv {help} för att se hur."
                : $"Argumentet {missing.Groups[2].Value} saknas.";
        }

        if (UnmatchedArgument().Match(message) is { Success: true } extra)
        {
            return $"Kommandot tar inte emot ”{extra.Groups[1].Value}”.{MinusHint(args)} Skriv {help} för att se hur.";
        }

        if (ConversionFailed().Match(message) is { Success: true } conversion)
        {
            return $"Värdet ”{conversion.Groups[1].Value}” har fel form.";
        }

        return message switch
        {
            "Expected an option value." => "Ett val saknar sitt värde efter likhetstecknet.",
            "Flags cannot be assigned a value." => "En flagga (till exempel --json) tar inget värde.",
            "Could not parse value" => "Ett värde har fel form.",
            "Invalid long option name." or "Short option does not have a valid name." or "Option does not have a name." =>
                $"Ett val har ett ogiltigt namn.{MinusHint(args)}",
            _ when message.StartsWith("Encountered unterminated quoted string", StringComparison.Ordinal) => "Ett citattecken avslutas aldrig.",
            _ => message,
        };
    }

    // Spectre reports an option's name without its dashes.
    private static string Spelled(string name, IReadOnlyList<string> args) =>
        args.Any(a => a == "--" + name || a.StartsWith("--" + name + "=", StringComparison.Ordinal)) || name.Length > 1 ? "--" + name : "-" + name;

    // A query such as -polisen looks like an option; the usual way through is the end-of-options marker.
    private static string MinusHint(IReadOnlyList<string> args) =>
        args.Any(a => a.Length > 1 && a[0] == '-' && a[1] != '-' && a is not "-h")
            ? " Text som börjar med minus skrivs efter --, till exempel: kunskapsbank search -- \"-polisen våld\"."
            : string.Empty;

    [GeneratedRegex(@"^Unknown command '(.*)'\.$")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex(@"^Unknown option '(.*)'\.$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"^Unexpected option '(.*)'\.$")]
    private static partial Regex UnexpectedOption();

    [GeneratedRegex(@"^Option '(.*)' is defined but no value has been provided\.$")]
    private static partial Regex NoValue();

    [GeneratedRegex(@"^(?:Command '(.*)' is missing|Missing) required argument '(.*)'\.$")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Could not match '(.*)' with an argument\.$")]
    private static partial Regex UnmatchedArgument();

    [GeneratedRegex(@"^Failed to convert '(.*)' to ")]
    private static partial Regex ConversionFailed();
}
