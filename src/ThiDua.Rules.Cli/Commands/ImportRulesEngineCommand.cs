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
        var workflow = new Argument<string>("WORKFLOW.json") { Description = "A RulesEngine workflow file (JSON)." };
        var extends = new Option<string?>("--extends") { Description = "A rule set (file or folder) the new rule file extends: its facts and scales are used.", HelpName = "PATH" };
        var output = new Option<string>("--out") { Description = "The rule file to write.", Required = true, HelpName = "FILE.json" };
        var command = new Command("import-rulesengine", """
            Turn each workflow of a Microsoft RulesEngine workflow file into an award, and each rule into a criterion.
            What cannot be translated is listed at its line and column; such an award also runs the workflow itself.
            Examples:
              thidua import-rulesengine ldtt.workflow.json --extends rules/vn --out ldtt.rules.json
              thidua validate ldtt.rules.json
            """)
        {
            workflow,
            extends,
            output,
        };
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var en = context.LanguageOf(parse) == Language.En;
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
                    context.Report(loaded.Diagnostics, context.LanguageOf(parse));
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
                context.Error.WriteLine($"{result.ProblemSpan} TDR080 {(en ? $"cannot use RulesEngine workflow file '{source}': {problemEn}" : $"không dùng được tệp quy trình (workflow) RulesEngine '{source}': {problemVi}")}");
                return ExitCodes.BadInput;
            }

            AtomicFile.Write(target, writer => writer.Write(result.RuleFile));
            foreach (var note in result.Notes)
            {
                var what = note.Rule.Length == 0 ? note.Workflow : note.Workflow + "/" + note.Rule;
                context.Error.WriteLine($"{note.Span} {(note.Untranslated ? (en ? "not translated" : "không dịch được") : (en ? "note" : "lưu ý"))}: {what}: {(en ? note.En : note.Vi)}");
            }

            foreach (var award in Newtonsoft.Json.Linq.JObject.Parse(result.RuleFile)["awards"]!.Select(a => (string)a["id"]!).Where(baseAwards.Contains))
            {
                context.Error.WriteLine(en
                    ? $"{target}: note: award '{award}' has the id of an award of the base rule set and replaces it; rename it to add a local award instead"
                    : $"{target}: lưu ý: danh hiệu '{award}' trùng mã với danh hiệu của bộ quy tắc cơ sở nên thay thế danh hiệu đó; đổi mã nếu muốn thêm danh hiệu riêng");
            }

            var untranslated = result.Notes.Count(n => n.Untranslated);
            context.Output.WriteLine(en
                ? $"{target}: written; {untranslated} expression(s) not translated (those awards also run the workflow); add the legal basis of every award and criterion"
                : $"{target}: đã ghi; {untranslated} biểu thức không dịch được (các danh hiệu đó chạy thêm chính quy trình); bổ sung căn cứ pháp lý cho mọi danh hiệu và tiêu chí");
            return ExitCodes.Success;
        }));
        return command;
    }
}
