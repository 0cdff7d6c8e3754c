using System.CommandLine;
using System.Globalization;
using NodaTime;
using ThiDua.Rules.Cli.Commands;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli;

/// <summary>The <c>thidua</c> command line: builds the commands and runs one, writing to the given streams.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces of internal errors.", Recursive = true };
        var lang = new Option<string>("--lang") { Description = "Language of messages: vi (default) or en.", DefaultValueFactory = _ => "vi", Recursive = true };
        lang.AcceptOnlyFromAmong("vi", "en");
        var plugins = new Option<string[]>("--plugin")
        {
            Description = "Load criterion types and functions from a plug-in assembly (.dll); repeat for several.",
            Recursive = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "PLUGIN.dll",
        };
        var context = new CliContext(output, error, verbose, lang);

        var root = new RootCommand("thidua — kiểm tra tiêu chuẩn thi đua, khen thưởng (Vietnamese emulation and commendation rules engine)")
        {
            verbose,
            lang,
            plugins,
            CheckCommand.Create(context),
            ValidateCommand.Create(context),
            TestCommand.Create(context),
            ExplainCommand.Create(context),
            DiffCommand.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine("thidua: " + parseError.Message);
            }

            error.WriteLine("Run 'thidua --help' (or 'thidua COMMAND --help') for usage.");
            return ExitCodes.BadInput;
        }

        if (parse.GetValue(plugins) is { Length: > 0 } pluginPaths)
        {
            var registry = PluginLoader.Load(pluginPaths, context.Registry, out var problem);
            if (registry is null)
            {
                error.WriteLine("thidua: " + problem);
                return ExitCodes.BadInput;
            }

            context.Registry = registry;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    public static LocalDate? ParseDate(string? text, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        var iso = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
        if (iso.Success)
        {
            return iso.Value;
        }

        var vietnamese = NodaTime.Text.LocalDatePattern.Create("dd/MM/yyyy", CultureInfo.InvariantCulture).Parse(text);
        if (vietnamese.Success)
        {
            return vietnamese.Value;
        }

        problem = $"'{text}' is not a date: write YYYY-MM-DD (or dd/MM/yyyy)";
        return null;
    }
}

/// <summary>What every command needs: the streams and the shared options.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Option<bool> verbose, Option<string> lang)
{
    /// <summary>The process's own stderr writer (set by <see cref="Program"/>); progress bars only go there.</summary>
    public static TextWriter? ConsoleError { get; set; }

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Option<bool> Verbose { get; } = verbose;

    public Option<string> Lang { get; } = lang;

    /// <summary>The functions and criterion types rule files may name: the built-ins and those of every <c>--plugin</c>.</summary>
    public Extensibility.PluginRegistry Registry { get; set; } = Extensibility.PluginRegistry.Default;

    public Language LanguageOf(ParseResult parse) => parse.GetValue(Lang) == "en" ? Language.En : Language.Vi;

    public void Report(IEnumerable<Diagnostic> diagnostics, Language language, TextWriter? writer = null)
    {
        foreach (var diagnostic in diagnostics)
        {
            (writer ?? Error).WriteLine(diagnostic.Format(language));
        }
    }

    /// <summary>Runs a command body; an unexpected exception becomes one line on stderr (the stack trace only with --verbose).</summary>
    public int Guard(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be written or read is the user's input problem, not an internal error.
            Error.WriteLine("thidua: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Error.WriteLine("thidua: " + (ex is RuleSetException ? "" : "internal error: ") + ex.Message);
            if (parse.GetValue(Verbose))
            {
                Error.WriteLine(ex.ToString());
            }
            else if (ex is not RuleSetException)
            {
                Error.WriteLine("Run again with --verbose for details, and report it with the input that caused it.");
            }

            return ExitCodes.BadInput;
        }
    }
}
