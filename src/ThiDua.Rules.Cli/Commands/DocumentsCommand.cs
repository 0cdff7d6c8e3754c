using System.CommandLine;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Reporting.Writing.Council;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>thidua documents</c>: the council's three Word documents (design §8) — <c>danh-sach-de-nghi.docx</c>,
/// <c>to-trinh.docx</c> and <c>bien-ban-hop.docx</c> — written into a folder, each atomically.
/// </summary>
internal static class DocumentsCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string>("--rules") { Required = true };
        var data = new Option<string>("--data") { Required = true };
        var asOf = new Option<string?>("--as-of");
        var output = new Option<string>("--out") { Required = true };
        var command = new Command("documents")
        {
            rules, data, asOf, output,
        };
        var council = new CouncilInputs().AddTo(command);
        command.SetAction(parse => context.Guard(parse, () =>
        {
            var language = context.LanguageOf(parse);
            var folder = parse.GetValue(output)!;
            if (File.Exists(folder))
            {
                context.Error.WriteLine("thidua: " + Writing.ReportCatalog.Format("council.out-is-file", language, TerminalSafeWriter.Escape(folder)));
                return ExitCodes.BadInput;
            }

            var result = Pipeline.Evaluate(context, parse, parse.GetValue(rules)!, parse.GetValue(data)!, parse.GetValue(asOf), language, out var code, council: council);
            if (result is null)
            {
                return code;
            }

            // Names and positions come from the data file itself (read again: council-sized data, not a million rows).
            var loaded = SpreadsheetDataLoader.Load(parse.GetValue(data)!);
            if (!loaded.TryGetValue(out var subjects))
            {
                context.Report(loaded.Errors, language);
                return ExitCodes.BadInput;
            }

            var roots = subjects.Units.Where(u => u.Parent is null).ToList();
            var info = new CouncilDocumentInfo
            {
                AgencyName = roots.Count == 1 ? roots[0].Name : null,
                Positions = subjects.Individuals.Where(i => !string.IsNullOrWhiteSpace(SubjectInfo.Position(i)))
                    .GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => SubjectInfo.Position(g.First())!, StringComparer.Ordinal),
                UnitNames = subjects.Units.Where(u => u.Name is not null).GroupBy(u => u.Id, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().Name!, StringComparer.Ordinal),
                Language = language,
            };
            Directory.CreateDirectory(folder);
            foreach (var name in CouncilDocumentWriter.FileNames)
            {
                AtomicFile.WriteStream(Path.Combine(folder, name), stream => CouncilDocumentWriter.Write(name, result, info, stream));
                context.Output.WriteLine(Path.Combine(folder, name));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}

/// <summary>Fields of the data that the council's documents print.</summary>
internal static class SubjectInfo
{
    /// <summary>A person's position (chức vụ), or null.</summary>
    public static string? Position(Model.Subjects.Individual individual) => individual.Position;
}
