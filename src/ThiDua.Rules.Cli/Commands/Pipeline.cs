using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>The load → validate → compile steps shared by the commands, each failing with its exit code.</summary>
internal static class Pipeline
{
    public static SubjectData? LoadData(CliContext context, string path, Language language, out int exitCode)
    {
        var loaded = SubjectDataLoader.Load(path);
        context.Report(loaded.Diagnostics, language);
        exitCode = loaded.Succeeded ? ExitCodes.Success : ExitCodes.BadInput;
        return loaded.TryGetValue(out var data) ? data : null;
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

        var compiled = RuleSetCompiler.Compile(ruleSet);
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
