using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>The load → validate → compile steps shared by the commands, each failing with its exit code.</summary>
internal static class Pipeline
{
    public static SubjectData? LoadData(CliContext context, string path, Language language, out int exitCode, bool quiet = false)
    {
        var loaded = Reporting.Reading.SpreadsheetDataLoader.Load(path);
        context.Report(quiet ? loaded.Errors : loaded.Diagnostics, language);
        exitCode = loaded.Succeeded ? ExitCodes.Success : ExitCodes.BadInput;
        return loaded.TryGetValue(out var data) ? data : null;
    }

    /// <summary>Loads data and rules (the version in force on the as-of date), checks the data and evaluates.</summary>
    public static Evaluation.EvaluationResult? Evaluate(CliContext context, string rulesPath, string dataPath, string? asOfText, Language language, out int exitCode, bool quiet = false)
    {
        var date = CliApp.ParseDate(asOfText, out var problem);
        if (problem is not null)
        {
            context.Error.WriteLine("thidua: --as-of: " + problem);
            exitCode = ExitCodes.BadInput;
            return null;
        }

        var subjects = LoadData(context, dataPath, language, out exitCode, quiet);
        if (subjects is null)
        {
            return null;
        }

        var asOf = date ?? subjects.AsOf ?? new LocalDate(subjects.Year, 12, 31);
        var compiled = LoadRules(context, rulesPath, asOf, language, out exitCode);
        if (compiled is null)
        {
            return null;
        }

        var options = Evaluation.EvaluationOptions.Default with { AsOf = asOf };
        var check = compiled.CheckData(subjects, options);
        if (!quiet || !check.Succeeded)
        {
            context.Report(check.Diagnostics, language);
        }

        if (!check.Succeeded)
        {
            exitCode = ExitCodes.BadInput;
            return null;
        }

        exitCode = ExitCodes.Success;
        return ProgressBar.Run(context, subjects.Individuals.Length + subjects.Units.Length, progress => compiled.Evaluate(subjects, options with { Progress = progress }));
    }

    public static CompiledRuleSet? LoadRules(CliContext context, string path, LocalDate asOf, Language language, out int exitCode)
    {
        var library = RuleSetLoader.Load(path);
        if (!library.TryGetValue(out var rules))
        {
            context.Report(library.Diagnostics, language);
            exitCode = library.Diagnostics.Any(d => d.Code == DiagnosticCodes.FileNotReadable) ? ExitCodes.BadInput : ExitCodes.RulesFailed;
            return null;
        }

        var selected = rules.Select(asOf);
        if (!selected.TryGetValue(out var ruleSet))
        {
            // No version in force on the as-of date (or several rule sets at the path) is a problem of the
            // command's input, not of the rules themselves.
            context.Report(selected.Diagnostics, language);
            exitCode = selected.Diagnostics.Any(d => d.Code == DiagnosticCodes.NoVersionInForce || d.Code == DiagnosticCodes.AmbiguousRuleSet)
                ? ExitCodes.BadInput
                : ExitCodes.RulesFailed;
            return null;
        }

        var compiled = RuleSetCompiler.Compile(ruleSet, context.Registry);
        if (!compiled.TryGetValue(out var result))
        {
            context.Report(compiled.Diagnostics, language);
            exitCode = ExitCodes.RulesFailed;
            return null;
        }

        exitCode = ExitCodes.Success;
        return result;
    }
}
