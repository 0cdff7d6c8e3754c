using System.CommandLine;
using System.Globalization;
using NodaTime;
using ThiDua.Rules.Cli.Commands;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli;

/// <summary>The <c>thidua</c> command line: builds the commands and runs one, writing to the given streams.</summary>
internal static class CliApp
{
    /// <summary>The options whose value is a file the command writes (never counted among its inputs).</summary>
    private static readonly HashSet<string> OutputOptions = new(StringComparer.Ordinal) { "--out", "-o" };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var english = LanguageOf(args) == Language.En;
        if (EmptyArgument(args) is { } empty)
        {
            // --out "" or --data "": a usage error naming the option, not an internal error later.
            error.WriteLine("thidua: " + empty.Format(english ? Language.En : Language.Vi));
            return ExitCodes.BadInput;
        }

        var verbose = new Option<bool>("--verbose") { Recursive = true };
        var lang = new Option<string>("--lang") { DefaultValueFactory = _ => "vi", Recursive = true };
        lang.AcceptOnlyFromAmong("vi", "en");
        var plugins = new Option<string[]>("--plugin")
        {
            Recursive = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "PLUGIN.dll",
        };
        var maxFileSize = new Option<string?>("--max-file-size")
        {
            Recursive = true,
            HelpName = "SIZE",
        };
        var maxSubjects = new Option<string?>("--max-subjects")
        {
            Recursive = true,
            HelpName = "N",
        };
        var maxCriterionWork = new Option<string?>("--max-criterion-work")
        {
            Recursive = true,
            HelpName = "N",
        };
        var context = new CliContext(output, error, verbose, lang) { MaxFileSize = maxFileSize, MaxSubjects = maxSubjects, MaxCriterionWork = maxCriterionWork };

        var root = new RootCommand
        {
            verbose,
            lang,
            plugins,
            maxFileSize,
            maxSubjects,
            maxCriterionWork,
            CheckCommand.Create(context),
            ValidateCommand.Create(context),
            TestCommand.Create(context),
            ExplainCommand.Create(context),
            DiffCommand.Create(context),
            RecordCommand.Create(context),
            DocumentsCommand.Create(context),
            ImportRulesEngineCommand.Create(context),
            DescribeCommand.Create(context),
            TemplateCommand.Create(context),
        };

        // Every description of the help, and its headings, from the report catalog in the language asked for.
        CliHelp.Localize(root, english ? Language.En : Language.Vi);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine's words are English only: each error is said again from the catalog.
            var language = english ? Language.En : Language.Vi;
            foreach (var usage in UsageErrors.Of(parse))
            {
                error.WriteLine("thidua: " + usage.Format(language));
            }

            error.WriteLine(Writing.ReportCatalog.Get("cli.help-hint", language));
            return ExitCodes.BadInput;
        }

        if (parse.GetValue(plugins) is { Length: > 0 } pluginPaths)
        {
            var registry = PluginLoader.Load(pluginPaths, context.Registry, out var problem, parse.GetValue(verbose) ? error : null);
            if (registry is null)
            {
                error.WriteLine("thidua: " + problem!.Format(english ? Language.En : Language.Vi));
                return ExitCodes.BadInput;
            }

            context.Registry = registry;
        }

        // The files this run reads: an output that is one of them is refused (see AtomicFile), however it is spelled.
        var inputs = new InputSet();
        var outputs = new List<string>();
        Collect(parse.RootCommandResult, inputs, outputs);
        AtomicFile.Inputs = inputs;
        foreach (var target in outputs)
        {
            try
            {
                // Refused before any work; a folder is left to the command (some write a folder of documents).
                if (Loading.FileStatus.Of(target).Kind != Loading.FileKind.Directory)
                {
                    AtomicFile.Check(target);
                }
            }
            catch (OutputRefusedException ex)
            {
                error.WriteLine("thidua: " + ex.Diagnostic.Format(english ? Language.En : Language.Vi));
                return ExitCodes.BadInput;
            }
        }

        if (parse.Action is System.CommandLine.Help.HelpAction && !english)
        {
            // The help is written by the library with its English headings; they are said again from the catalog.
            var help = new StringWriter();
            var code = parse.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
            output.Write(CliHelp.Translate(help.ToString(), Language.Vi));
            return code;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The language asked for with <c>--lang</c>, read before the command line is parsed (for the errors of parsing itself).</summary>
    internal static Language LanguageOf(string[] args) =>
        args.Select((a, i) => (a, i)).Any(p => (p.a == "--lang" && p.i + 1 < args.Length && args[p.i + 1] == "en") || p.a == "--lang=en") ? Language.En : Language.Vi;

    /// <summary>A usage error (it has no place in a file): written as <c>thidua: TDR### message</c>.</summary>
    internal static Diagnostic Usage(DiagnosticCode code, params string[] arguments) => Diagnostic.Create(code, Model.SourceSpan.None, arguments);

    /// <summary>The first empty argument (the value of an option, or a path), as a usage error.</summary>
    private static Diagnostic? EmptyArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var inline = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 && eq == arg.Length - 1;
            if (string.IsNullOrWhiteSpace(arg) || inline)
            {
                var name = inline ? arg[..^1] : i > 0 && args[i - 1].StartsWith('-') ? args[i - 1] : "thidua";
                return Diagnostic.Create(DiagnosticCodes.EmptyArgument, Model.SourceSpan.None, name);
            }
        }

        return null;
    }

    /// <summary>Every existing file or folder named on the command line (inputs), and the values of output options.</summary>
    private static void Collect(System.CommandLine.Parsing.CommandResult result, InputSet inputs, List<string> outputs)
    {
        foreach (var child in result.Children)
        {
            var isOutput = child is System.CommandLine.Parsing.OptionResult option && OutputOptions.Contains(option.Option.Name);
            foreach (var token in child.Tokens)
            {
                if (isOutput)
                {
                    outputs.Add(token.Value);
                }
                else if (token.Value.Length > 0 && Path.Exists(token.Value))
                {
                    inputs.Add(token.Value);
                    if (Path.GetExtension(token.Value).ToLowerInvariant() is ".csv" or ".txt")
                    {
                        inputs.Add(Reporting.Reading.CsvSubjectReader.UnitsFileOf(token.Value));
                    }
                }
            }

            if (child is System.CommandLine.Parsing.CommandResult command)
            {
                Collect(command, inputs, outputs);
            }
        }
    }

    /// <summary>A date given to <paramref name="option"/> (ISO, or dd/MM/yyyy as Vietnamese write it); null when absent or not a date (then <paramref name="problem"/> says so).</summary>
    public static LocalDate? ParseDate(string? text, string option, out Diagnostic? problem)
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

        problem = Usage(DiagnosticCodes.UsageInvalidValue, option, text, DiagnosticCatalog.Term("a date: write YYYY-MM-DD (or dd/MM/yyyy)"));
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
    public Extensibility.PluginRegistry Registry { get; set; } = RulesEngine.RulesEngineRegistry.WithRulesEngine(Extensibility.PluginRegistry.Default);

    public Option<string?>? MaxFileSize { get; init; }

    public Option<string?>? MaxSubjects { get; init; }

    public Option<string?>? MaxCriterionWork { get; init; }

    /// <summary>The data limits given by <c>--max-file-size</c>, <c>--max-subjects</c> and <c>--max-criterion-work</c>; sets <paramref name="problem"/> (when not already set) for a bad value.</summary>
    public Loading.DataLimits LimitsOf(ParseResult parse, ref Diagnostic? problem)
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
                problem ??= CliApp.Usage(DiagnosticCodes.UsageInvalidValue, "--max-file-size", size, DiagnosticCatalog.Term("a size: write a number of bytes, or one with KB, MB or GB (for example 500MB)"));
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
                problem ??= CliApp.Usage(DiagnosticCodes.UsageInvalidValue, "--max-subjects", count, DiagnosticCatalog.Term("a positive whole number"));
            }
        }

        if (MaxCriterionWork is not null && parse.GetValue(MaxCriterionWork) is { } work)
        {
            if (long.TryParse(work, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                limits = limits with { MaxCriterionWork = n };
            }
            else
            {
                problem ??= CliApp.Usage(DiagnosticCodes.UsageInvalidValue, "--max-criterion-work", work, DiagnosticCatalog.Term("a positive whole number"));
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

    /// <summary>A file that cannot be read or written: its path (when the exception names one) and why, in <paramref name="language"/>.</summary>
    internal static string FileFailed(Exception ex, Language language)
    {
        var path = DiagnosticCatalog.PathOf(ex);
        var why = DiagnosticCatalog.Localize(DiagnosticCatalog.FileProblem(ex, path), language);
        return path is null ? Writing.ReportCatalog.Format("cli.file-failed", language, why) : Writing.ReportCatalog.Format("cli.file-failed-at", language, path, why);
    }

    /// <summary>
    /// With <c>--verbose</c>, one line on stderr saying how long a step took (since <paramref name="clock"/> was last
    /// restarted): the step's words from the report catalog (<paramref name="stepKey"/>, with <paramref name="counts"/>),
    /// the numbers written as the language writes them (1.234 and 0,52 in Vietnamese; 1,234 and 0.52 in English).
    /// </summary>
    public void Timing(ParseResult parse, string stepKey, System.Diagnostics.Stopwatch clock, params long[] counts)
    {
        if (parse.GetValue(Verbose))
        {
            Error.WriteLine(TimingLine(LanguageOf(parse), stepKey, clock.Elapsed, counts));
        }

        clock.Restart();
    }

    /// <summary>The line <see cref="Timing"/> writes.</summary>
    internal static string TimingLine(Language language, string stepKey, TimeSpan elapsed, params long[] counts)
    {
        var culture = language == Language.En ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("vi-VN");
        var step = Writing.ReportCatalog.Format(stepKey, language, [.. counts.Select(c => c.ToString("N0", culture))]);
        return Writing.ReportCatalog.Format("cli.timing", language, step, elapsed.TotalSeconds.ToString("0.00", culture));
    }

    public Language LanguageOf(ParseResult parse) => parse.GetValue(Lang) == "en" ? Language.En : Language.Vi;

    /// <summary>Writes a usage error (<see cref="CliApp.Usage"/>) and gives the exit code of bad input.</summary>
    public int UsageError(Diagnostic problem, Language language)
    {
        Error.WriteLine("thidua: " + problem.Format(language));
        return ExitCodes.BadInput;
    }

    public void Report(IEnumerable<Diagnostic> diagnostics, Language language, TextWriter? writer = null)
    {
        foreach (var diagnostic in diagnostics)
        {
            (writer ?? Error).WriteLine(diagnostic.Format(language));
        }
    }

    /// <summary>The plug-in failure behind <paramref name="ex"/> (wrapped by evaluation or parallel work), or null.</summary>
    internal static Extensibility.PluginException? PluginFailure(Exception? ex)
    {
        for (var depth = 0; ex is not null && depth < 16; depth++)
        {
            if (ex is Extensibility.PluginException plugin)
            {
                return plugin;
            }

            ex = ex is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.FirstOrDefault(e => PluginFailure(e) is not null) : ex.InnerException;
        }

        return null;
    }

    /// <summary>Runs a command body; an unexpected exception becomes one line on stderr (the stack trace only with --verbose).</summary>
    public int Guard(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (OutputRefusedException ex)
        {
            Error.WriteLine("thidua: " + ex.Diagnostic.Format(LanguageOf(parse)));
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (PluginFailure(ex) is { } plugin)
        {
            // A faulty plug-in is the plug-in's problem: one line naming it, whichever step called it.
            Error.WriteLine("thidua: " + plugin.Diagnostic.Format(LanguageOf(parse)));
            if (parse.GetValue(Verbose))
            {
                Error.WriteLine(ex.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be written or read is the user's input problem, not an internal error: which file and
            // why in the catalog's words, never the system's English text.
            Error.WriteLine("thidua: " + FileFailed(ex, LanguageOf(parse)));
            return ExitCodes.BadInput;
        }
        catch (RuleSetValidationException ex)
        {
            Report(ex.Diagnostics, LanguageOf(parse));
            return ExitCodes.BadInput;
        }
        catch (RuleSetException ex)
        {
            Error.WriteLine("thidua: " + ex.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var language = LanguageOf(parse);
            Error.WriteLine("thidua: " + Writing.ReportCatalog.Format("cli.internal-error", language, ex.Message));
            Error.WriteLine(parse.GetValue(Verbose) ? ex.ToString() : Writing.ReportCatalog.Get("cli.internal-error-hint", language));
            return ExitCodes.BadInput;
        }
    }
}
