using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli;

/// <summary>
/// The errors of parsing the command line, as catalog diagnostics (TDR266–TDR269) in the user's language: System.CommandLine
/// writes its messages in English only, so each kind of message it gives is recognised and said again from the catalog.
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>One diagnostic per parse error, in the order System.CommandLine found them (a missing command is left
    /// out when an unknown word already explains it).</summary>
    public static IReadOnlyList<Diagnostic> Of(ParseResult parse)
    {
        var unknown = parse.Errors.Any(e => Unrecognized().IsMatch(e.Message));
        var result = new List<Diagnostic>();
        foreach (var error in parse.Errors)
        {
            if (Of(error, parse, unknown) is { } diagnostic && !result.Contains(diagnostic))
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    private static Diagnostic? Of(ParseError error, ParseResult parse, bool unknown)
    {
        var message = error.Message;
        var symbol = NameOf(error.SymbolResult);
        if (Unrecognized().Match(message) is { Success: true } token)
        {
            return CliApp.Usage(DiagnosticCodes.UsageUnknownToken, token.Groups["t"].Value);
        }

        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
        {
            var commands = (error.SymbolResult as CommandResult ?? parse.CommandResult).Command.Subcommands.Select(c => c.Name);
            return unknown ? null : CliApp.Usage(DiagnosticCodes.UsageRequired, DiagnosticCatalog.Term("the command"), "(" + string.Join(", ", commands) + ")");
        }

        if (RequiredOption().Match(message) is { Success: true } option)
        {
            return CliApp.Usage(DiagnosticCodes.UsageRequired, DiagnosticCatalog.Term("the option"), option.Groups["o"].Value);
        }

        if (NotAllowed().Match(message) is { Success: true } value)
        {
            var allowed = Quoted().Matches(message[value.Length..]).Select(m => m.Groups["q"].Value);
            return CliApp.Usage(DiagnosticCodes.UsageValueNotAllowed, symbol, value.Groups["v"].Value, string.Join(", ", allowed));
        }

        if (message.StartsWith("Required argument missing", StringComparison.Ordinal))
        {
            return CliApp.Usage(DiagnosticCodes.UsageInvalid, symbol, DiagnosticCatalog.Term("a value is missing"));
        }

        if (message.Contains("expects a single argument", StringComparison.Ordinal))
        {
            return CliApp.Usage(DiagnosticCodes.UsageInvalid, symbol, DiagnosticCatalog.Term("one value only"));
        }

        // Anything else System.CommandLine may say: the place, and that the value was not understood.
        return CliApp.Usage(DiagnosticCodes.UsageInvalid, symbol, DiagnosticCatalog.Term("this value cannot be read"));
    }

    private static string NameOf(SymbolResult? result) => result switch
    {
        OptionResult option => option.Option.Name,
        ArgumentResult { Parent: OptionResult parent } => parent.Option.Name,
        ArgumentResult argument => argument.Argument.Name,
        CommandResult command => command.Command.Name,
        _ => "thidua",
    };

    [GeneratedRegex(@"^Unrecognized command or argument '(?<t>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Option '(?<o>[^']*)' is required\.?$")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Argument '(?<v>.*?)' not recognized\. Must be one of:", RegexOptions.Singleline)]
    private static partial Regex NotAllowed();

    [GeneratedRegex(@"'(?<q>[^']*)'")]
    private static partial Regex Quoted();
}
