using System.CommandLine;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli.Commands;

/// <summary><c>thidua check</c>: the main job — evaluate a data file against the rules in force and write the nominations.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Description = "Rule file or folder (the version in force on the as-of date is used).", Required = true };
        var data = new Option<string>("--data") { Description = "Data file (canonical JSON).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "As-of date (YYYY-MM-DD); default: the data's asOf." };
        var format = new Option<string>("--format") { Description = "Output format: json or table (default).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var output = new Option<string?>("--out") { Description = "Write to this file (atomically) instead of standard output." };
        var include = new Option<string>("--include") { Description = "decided (default): omit pairs that fail only on a prerequisite award; all: every pair.", DefaultValueFactory = _ => "decided" };
        include.AcceptOnlyFromAmong("decided", "all");

        var command = new Command("check", """
            Evaluate a data file and list who is proposed for which award, with reasons and legal basis.
            Examples:
              thidua check --rules rules/vn --data rules/samples/ban-quan-ly-2024.json
              thidua check --rules rules/vn --data data.json --as-of 2023-12-31 --format json --include all --out r.json
            """)
        {
            rules, data, asOf, format, output, include,
        };

        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var date = CliApp.ParseDate(parse.GetValue(asOf), out var problem);
            if (problem is not null)
            {
                context.Error.WriteLine("thidua: --as-of: " + problem);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(output) is { } target && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
            {
                context.Error.WriteLine($"thidua: --out: the folder '{folder}' does not exist; create it or choose another path");
                return ExitCodes.BadInput;
            }

            var subjects = Pipeline.LoadData(context, parse.GetValue(data)!, language, out var code);
            if (subjects is null)
            {
                return code;
            }

            var effectiveAsOf = date ?? subjects.AsOf ?? new NodaTime.LocalDate(subjects.Year, 12, 31);
            var compiled = Pipeline.LoadRules(context, parse.GetValue(rules)!, effectiveAsOf, language, out code);
            if (compiled is null)
            {
                return code;
            }

            var options = EvaluationOptions.Default with { AsOf = effectiveAsOf };
            var dataCheck = compiled.CheckData(subjects, options);
            context.Report(dataCheck.Diagnostics, language);
            if (!dataCheck.Succeeded)
            {
                return ExitCodes.BadInput;
            }

            var result = compiled.Evaluate(subjects, options);
            var inclusion = parse.GetValue(include) == "all" ? ResultInclusion.All : ResultInclusion.Decided;
            Action<TextWriter> write = parse.GetValue(format) == "json"
                ? w => JsonResultWriter.Write(result, w, inclusion, language)
                : w => TableReport.Write(result, w, inclusion, language);
            if (parse.GetValue(output) is { } path)
            {
                AtomicFile.Write(path, write);
            }
            else
            {
                write(context.Output);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
