using System.CommandLine;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.RulesEngine;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>thidua import-rulesengine WORKFLOW.json [--extends PATH] --out FILE.json</c>: a Microsoft RulesEngine workflow file
/// as a rule file, with a report (on stderr) of what could not be translated, each at its line and column.
/// </summary>
internal static class ImportRulesEngineCommand
{
    public static Command Create(CliContext context)
    {
        var workflow = new Argument<string>("WORKFLOW.json");
        var extends = new Option<string?>("--extends") { HelpName = "PATH" };
        var output = new Option<string>("--out") { Required = true, HelpName = "FILE.json" };
        var command = new Command("import-rulesengine")
        {
            workflow,
            extends,
            output,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var en = language == Language.En;
            var source = parse.GetValue(workflow)!;
            var target = parse.GetValue(output)!;
            var basePath = parse.GetValue(extends);
            var declared = new Dictionary<string, ValueKind>(StringComparer.Ordinal);
            var baseAwards = new HashSet<string>(StringComparer.Ordinal);
            if (basePath is not null)
            {
                var loaded = RuleSetLoader.Load(basePath);
                if (!loaded.TryGetValue(out var library))
                {
                    context.Report(loaded.Diagnostics, language);
                    return ExitCodes.BadInput;
                }

                baseAwards.UnionWith(library.Versions.SelectMany(v => v.Awards).Select(a => a.Id));
                foreach (var fact in library.Versions.SelectMany(v => v.Facts).Where(f => f.Subject == SubjectKind.Individual))
                {
                    declared.TryAdd(fact.Id, fact.Type);
                }
            }

            var result = WorkflowImporter.Import(source, target, basePath, declared);
            if (result.RuleFile is null)
            {
                var (problemEn, problemVi) = result.Problem!.Value;
                context.Error.WriteLine($"{result.ProblemSpan} TDR080 {Writing.ReportCatalog.Format("cli.import-unusable", language, TerminalSafeWriter.Escape(source), en ? problemEn : problemVi)}");
                return ExitCodes.BadInput;
            }

            AtomicFile.Write(target, writer => writer.Write(result.RuleFile));
            foreach (var note in result.Notes)
            {
                var what = note.Rule.Length == 0 ? note.Workflow : note.Workflow + "/" + note.Rule;
                context.Error.WriteLine($"{note.Span} {Writing.ReportCatalog.Format(note.Untranslated ? "cli.import-not-translated" : "cli.import-note", language, TerminalSafeWriter.Escape(what), en ? note.En : note.Vi)}");
            }

            foreach (var award in Newtonsoft.Json.Linq.JObject.Parse(result.RuleFile)["awards"]!.Select(a => (string)a["id"]!).Where(baseAwards.Contains))
            {
                context.Error.WriteLine(Writing.ReportCatalog.Format("cli.import-replaces", language, TerminalSafeWriter.Escape(target), TerminalSafeWriter.Escape(award)));
            }

            var untranslated = result.Notes.Count(n => n.Untranslated);
            context.Output.WriteLine(Writing.ReportCatalog.Format("cli.import-written", language, TerminalSafeWriter.Escape(target), untranslated));
            return ExitCodes.Success;
        }));
        return command;
    }
}
