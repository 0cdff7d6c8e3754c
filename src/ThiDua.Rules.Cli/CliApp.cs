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
        var verbose = new Option<bool>("--verbose") { Description = "Show how long each step took, and stack traces of internal errors.", Recursive = true };
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
        var maxFileSize = new Option<string?>("--max-file-size")
        {
            Description = "Refuse data files larger than this (bytes, or with KB, MB, GB); default 2GB.",
            Recursive = true,
            HelpName = "SIZE",
        };
        var maxSubjects = new Option<string?>("--max-subjects")
        {
            Description = "Refuse data with more units and individuals than this; default 10000000.",
            Recursive = true,
            HelpName = "N",
        };
        var context = new CliContext(output, error, verbose, lang) { MaxFileSize = maxFileSize, MaxSubjects = maxSubjects };

        var root = new RootCommand("thidua — kiểm tra tiêu chuẩn thi đua, khen thưởng (Vietnamese emulation and commendation rules engine)")
        {
            verbose,
            lang,
            plugins,
            maxFileSize,
            maxSubjects,
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

    public Option<string?>? MaxFileSize { get; init; }

    public Option<string?>? MaxSubjects { get; init; }

    /// <summary>The data limits given by <c>--max-file-size</c> and <c>--max-subjects</c>; sets <paramref name="problem"/> (when not already set) for a bad value.</summary>
    public Loading.DataLimits LimitsOf(ParseResult parse, ref string? problem)
    {
        var limits = Loading.DataLimits.Default;
        if (MaxFileSize is not null && parse.GetValue(MaxFileSize) is { } size)
        {
            if (ParseSize(size) is { } bytes)
            {
                limits = limits with { MaxFileBytes = bytes };
            }
            else
            {
                problem ??= $"--max-file-size: '{size}' is not a size; write a number of bytes, or one with KB, MB or GB (for example 500MB)";
            }
        }

        if (MaxSubjects is not null && parse.GetValue(MaxSubjects) is { } count)
        {
            if (long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                limits = limits with { MaxSubjects = n };
            }
            else
            {
                problem ??= $"--max-subjects: '{count}' is not a positive whole number";
            }
        }

        return limits;
    }

    private static long? ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var (digits, factor) = t.EndsWith("GB", StringComparison.Ordinal) ? (t[..^2], 1L << 30)
            : t.EndsWith("MB", StringComparison.Ordinal) ? (t[..^2], 1L << 20)
            : t.EndsWith("KB", StringComparison.Ordinal) ? (t[..^2], 1L << 10)
            : t.EndsWith('B') ? (t[..^1], 1L)
            : (t, 1L);
        return long.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= long.MaxValue / factor ? n * factor : null;
    }

    /// <summary>With <c>--verbose</c>, one line on stderr saying how long a step took (since <paramref name="clock"/> was last restarted).</summary>
    public void Timing(ParseResult parse, string step, System.Diagnostics.Stopwatch clock)
    {
        if (parse.GetValue(Verbose))
        {
            Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"thidua: {step}: {clock.Elapsed.TotalSeconds:0.00} s"));
        }

        clock.Restart();
    }

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
