using System.CommandLine;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>The load → validate → compile steps shared by the commands, each failing with its exit code.</summary>
internal static class Pipeline
{
    public static SubjectData? LoadData(CliContext context, string path, DataLimits limits, Language language, out int exitCode, bool quiet = false, LocalDate? asOf = null)
    {
        // --as-of is the last place a workbook's evaluated year is looked for (after a Năm cell, a title, a sheet name).
        var loaded = Reporting.Reading.SpreadsheetDataLoader.Load(path, limits, asOf);
        context.Report(quiet ? loaded.Errors : loaded.Diagnostics, language);
        exitCode = loaded.Succeeded ? ExitCodes.Success : ExitCodes.BadInput;
        return loaded.TryGetValue(out var data) ? data : null;
    }

    /// <summary>
    /// Loads data and rules (the version in force on the as-of date), binds the data to the rules (checking it) and
    /// evaluates. A JSON data file is streamed: each individual goes straight into the rule set's columns.
    /// </summary>
    public static Evaluation.EvaluationResult? Evaluate(CliContext context, ParseResult parse, string rulesPath, string dataPath, string? asOfText, Language language, out int exitCode, bool quiet = false, CouncilInputs? council = null, System.Collections.Immutable.ImmutableDictionary<string, object?>? overrides = null)
    {
        var date = CliApp.ParseDate(asOfText, "--as-of", out var problem);
        var limits = context.LimitsOf(parse, ref problem);
        if (problem is not null)
        {
            exitCode = context.UsageError(problem, language);
            return null;
        }

        System.Collections.Immutable.ImmutableArray<Model.CouncilVote>? votes = council is null ? [] : council.LoadVotes(context, parse, limits, language);
        if (votes is null)
        {
            exitCode = ExitCodes.BadInput;
            return null;
        }

        IReadOnlyDictionary<string, List<Archive.ArchivedYear>>? archive = null;
        var archivePath = council is null ? null : parse.GetValue(council.History);
        if (archivePath is not null)
        {
            try
            {
                archive = Archive.DecisionArchive.Read(archivePath, limits);
            }
            catch (Archive.ArchiveException ex)
            {
                context.Report([RecordCommand.ArchiveDiagnostic(ex)], language);
                exitCode = ExitCodes.BadInput;
                return null;
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        // With --history the data is read whole (not streamed): each subject's history is completed before binding.
        var bound = archive is null && string.Equals(Path.GetExtension(dataPath), ".json", StringComparison.OrdinalIgnoreCase)
            ? StreamJson(context, rulesPath, dataPath, date, limits, language, out exitCode, quiet)
            : BindSpreadsheet(context, rulesPath, dataPath, date, limits, language, out exitCode, quiet,
                archive is null ? null : data => WithHistory(context, data, archive, archivePath!, language, quiet));
        if (bound is null)
        {
            return null;
        }

        var (compiled, subjects, options) = bound.Value;
        context.Timing(parse, "cli.timing-read", clock, subjects.IndividualCount, subjects.UnitCount);
        exitCode = ExitCodes.Success;
        try
        {
            var result = ProgressBar.Run(context, subjects.IndividualCount + subjects.UnitCount, language, progress => compiled.Evaluate(subjects, options with { Progress = progress, Votes = votes.Value, Limits = limits, Parameters = overrides ?? options.Parameters }));
            context.Timing(parse, "cli.timing-evaluated", clock);
            if (!quiet)
            {
                context.Report(result.Warnings.Where(w => w.Code == DiagnosticCodes.VoteNoThreshold), language);
            }

            return result;
        }
        catch (RuleSetValidationException ex)
        {
            // A ballot that does not fit the evaluated pairs (design §8), reported at its row; or a criterion whose
            // nested aggregates would take too long on this data (TDR144), at the criterion.
            context.Report(ex.Diagnostics, language);
            exitCode = ExitCodes.BadInput;
            return null;
        }
    }

    private static (CompiledRuleSet, BoundSubjects, EvaluationOptions)? StreamJson(CliContext context, string rulesPath, string dataPath, LocalDate? date, DataLimits limits, Language language, out int exitCode, bool quiet)
    {
        var opened = SubjectDataFile.Open(dataPath, limits);
        if (!opened.TryGetValue(out var file))
        {
            context.Report(opened.Diagnostics, language);
            exitCode = ExitCodes.BadInput;
            return null;
        }

        using (file)
        {
            var asOf = date ?? file.AsOf ?? SubjectData.EndOfYear(file.Year);
            var compiled = LoadRules(context, rulesPath, asOf, language, out exitCode);
            if (compiled is null)
            {
                return null;
            }

            var options = EvaluationOptions.Default with { AsOf = asOf };
            var bound = compiled.TryBind(file, options);
            if (!quiet || !bound.Succeeded)
            {
                context.Report(bound.Diagnostics, language);
            }

            exitCode = bound.Succeeded ? ExitCodes.Success : ExitCodes.BadInput;
            return bound.TryGetValue(out var subjects) ? (compiled, subjects, options) : null;
        }
    }

    private static SubjectData WithHistory(CliContext context, SubjectData data, IReadOnlyDictionary<string, List<Archive.ArchivedYear>> archive, string archivePath, Language language, bool quiet)
    {
        var warnings = new DiagnosticBag();
        var merged = Archive.HistoryMerger.Merge(data, archive, archivePath, warnings);
        if (!quiet)
        {
            context.Report(warnings.ToSortedArray(), language);
        }

        return merged;
    }

    private static (CompiledRuleSet, BoundSubjects, EvaluationOptions)? BindSpreadsheet(CliContext context, string rulesPath, string dataPath, LocalDate? date, DataLimits limits, Language language, out int exitCode, bool quiet, Func<SubjectData, SubjectData>? transform = null)
    {
        var data = LoadData(context, dataPath, limits, language, out exitCode, quiet, date);
        if (data is null)
        {
            return null;
        }

        data = transform is null ? data : transform(data);

        var asOf = date ?? data.AsOf ?? SubjectData.EndOfYear(data.Year);
        var compiled = LoadRules(context, rulesPath, asOf, language, out exitCode);
        if (compiled is null)
        {
            return null;
        }

        var options = EvaluationOptions.Default with { AsOf = asOf };
        try
        {
            var subjects = compiled.Bind(data, options);
            if (!quiet)
            {
                context.Report(subjects.Warnings, language);
            }

            return (compiled, subjects, options);
        }
        catch (RuleSetValidationException ex)
        {
            context.Report(ex.Diagnostics, language);
            exitCode = ExitCodes.BadInput;
            return null;
        }
    }

    /// <summary>Every rule file of a library, bases included, is an input that no output may replace.</summary>
    public static void AddInputs(RuleLibrary library)
    {
        if (AtomicFile.Inputs is not { } inputs)
        {
            return;
        }

        var seen = new HashSet<RuleLibrary>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<RuleLibrary>([library]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            foreach (var entry in next.Entries)
            {
                inputs.Add(entry.RuleSet.Span.File);
                if (entry.Base is { } baseLibrary)
                {
                    pending.Push(baseLibrary);
                }
            }
        }
    }

    /// <summary>Whether the rules at <paramref name="path"/> could not be read at all (missing, or the path itself a device or FIFO): bad input, not invalid rules.</summary>
    public static bool Unreadable(IEnumerable<Diagnostic> diagnostics, string path) =>
        diagnostics.Any(d => d.Code == DiagnosticCodes.FileNotReadable || (d.Code == DiagnosticCodes.RuleFileNotRegular && d.Span.File == path));

    public static CompiledRuleSet? LoadRules(CliContext context, string path, LocalDate asOf, Language language, out int exitCode) =>
        LoadLibrary(context, path, language, out exitCode) is { } rules ? Compile(context, rules, asOf, language, out exitCode) : null;

    /// <summary>Loads the rule files at <paramref name="path"/>, each an input no output may replace; null after reporting why not.</summary>
    public static RuleLibrary? LoadLibrary(CliContext context, string path, Language language, out int exitCode)
    {
        var library = RuleSetLoader.Load(path);
        if (library.TryGetValue(out var loaded))
        {
            AddInputs(loaded);
        }

        if (!library.TryGetValue(out var rules))
        {
            context.Report(library.Diagnostics, language);
            // A path that cannot be read as rules at all (missing, a device or FIFO) is bad input, not invalid rules.
            exitCode = Unreadable(library.Diagnostics, path) ? ExitCodes.BadInput : ExitCodes.RulesFailed;
            return null;
        }

        exitCode = ExitCodes.Success;
        return rules;
    }

    /// <summary>Selects the version of <paramref name="rules"/> in force on <paramref name="asOf"/> and compiles it; null after reporting why not.</summary>
    public static CompiledRuleSet? Compile(CliContext context, RuleLibrary rules, LocalDate asOf, Language language, out int exitCode)
    {
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
