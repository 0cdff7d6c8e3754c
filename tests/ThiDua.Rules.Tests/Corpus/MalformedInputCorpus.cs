using System.Text;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Corpus;

/// <summary>One malformed input and the first error the engine must answer it with.</summary>
/// <param name="Name">The file's path below <c>TestData/corpus</c> (<c>rules/…</c>, <c>data/…</c>) or the name of a generated case.</param>
/// <param name="IsRuleFile">A rule file (checked against the sample data) rather than a data file (checked against <paramref name="Rules"/>).</param>
/// <param name="Path">The file on disk.</param>
/// <param name="Rules">For a data file: the rule path, relative to the repository root, it is checked against.</param>
/// <param name="Code">The code of the first error.</param>
/// <param name="Line">Its 1-based line.</param>
/// <param name="Column">Its 1-based column.</param>
/// <param name="Suggestion">The did-you-mean the error must carry, or null when it carries none.</param>
/// <param name="Cell">For a CSV or XLSX data file: the cell of the error (<c>E3</c>, <c>Cá nhân!D2</c>), where line and column are 0.</param>
/// <param name="IsWarning">The slip is only a warning (a dated value's gap): the file has no error, its first warning is
/// the one checked, and <c>check</c> still runs.</param>
internal sealed record CorpusCase(string Name, bool IsRuleFile, string Path, string Rules, string Code, int Line, int Column, string? Suggestion, string? Cell = null,
    bool IsWarning = false)
{
    /// <summary>The place as a diagnostic line starts with it: <c>file:line:col</c>, or <c>file:cell</c> for a spreadsheet.</summary>
    public string Place => Cell is null ? $"{Path}:{Line}:{Column}" : $"{Path}:{Cell}";
}

/// <summary>
/// The corpus of malformed rule and data files in <c>TestData/corpus</c>, with <c>expected.json</c> saying for each file
/// the exact code and position of its first error; and the cases too large to check in (thousands of nesting levels, a
/// broken record near the end of 50,000 individuals), generated into a temporary folder.
/// </summary>
internal static class MalformedInputCorpus
{
    /// <summary>The data file every rule file of the corpus is checked against.</summary>
    public const string SampleData = "rules/samples/ban-quan-ly-2024.json";

    /// <summary>The number of individuals in the generated large files.</summary>
    public const int LargeFileIndividuals = 50_000;

    /// <summary>Nesting of the generated deep files: far beyond the limit, to show it is stopped early and cleanly.</summary>
    public const int DeepNesting = 5_000;

    public static string Folder => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "corpus");

    public static string ManifestPath => System.IO.Path.Combine(Folder, "expected.json");

    public static IReadOnlyList<string> GeneratedNames { get; } =
    [
        "generated/data-facts-nested-5000-deep.json",
        "generated/rules-note-nested-5000-deep.json",
        "generated/data-50000-individuals-missing-comma-near-the-end.json",
        "generated/data-50000-individuals-rating-off-the-scale-near-the-end.json",
    ];

    /// <summary>Every file of the manifest.</summary>
    public static IReadOnlyList<CorpusCase> Files()
    {
        var manifest = JObject.Parse(File.ReadAllText(ManifestPath, Encoding.UTF8));
        return [.. manifest.Properties()
            .Where(p => !p.Name.StartsWith('$'))
            .Select(p =>
            {
                var entry = (JObject)p.Value;
                return new CorpusCase(
                    p.Name,
                    p.Name.StartsWith("rules/", StringComparison.Ordinal),
                    System.IO.Path.Combine(Folder, p.Name),
                    (string?)entry["rules"] ?? "rules/vn",
                    (string)entry["code"]!,
                    (int?)entry["line"] ?? 0,
                    (int?)entry["column"] ?? 0,
                    (string?)entry["suggestion"],
                    (string?)entry["cell"],
                    (string?)entry["severity"] == "warning");
            })];
    }

    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file.Name);
        }

        return data;
    }

    public static TheoryData<string> GeneratedCaseNames() => [.. GeneratedNames];

    /// <summary>A case by name: a corpus file, or a generated one written into <paramref name="folder"/>.</summary>
    public static CorpusCase Get(string name, TempFolder folder) =>
        name.StartsWith("generated/", StringComparison.Ordinal) ? Generate(name, folder) : Files().Single(f => f.Name == name);

    private static CorpusCase Generate(string name, TempFolder folder)
    {
        switch (name)
        {
            case "generated/data-facts-nested-5000-deep.json":
            {
                // {"year":2024,"individuals":[{"id":"A","facts":{"x":[[[[…]]]]}}]}: the array that makes the 65th level is refused.
                const string prefix = """{"year":2024,"individuals":[{"id":"A","facts":{"x":""";
                var text = prefix + new string('[', DeepNesting) + new string(']', DeepNesting) + "}}]}";
                var path = folder.Write(name, text);
                return new CorpusCase(name, false, path, "rules/vn", "TDR137", 1, ColumnOfLevel(prefix, 4), null);
            }

            case "generated/rules-note-nested-5000-deep.json":
            {
                const string prefix = """{"id":"sau","name":"Sâu","effective":{"from":"2024-01-01"},"note":""";
                var text = prefix + new string('[', DeepNesting) + new string(']', DeepNesting) + "}";
                var path = folder.Write(name, text);
                return new CorpusCase(name, true, path, "rules/vn", "TDR137", 1, ColumnOfLevel(prefix, 1), null);
            }

            case "generated/data-50000-individuals-missing-comma-near-the-end.json":
            {
                var (text, line, column) = LargeFile(broken: "\"rating\": \"HTTNV\" \"startDate\"", at: "\"startDate\"");
                var path = folder.Write(name, text);
                return new CorpusCase(name, false, path, "rules/vn", "TDR132", line, column, null);
            }

            case "generated/data-50000-individuals-rating-off-the-scale-near-the-end.json":
            {
                // Placed at the value itself, found by a second pass over the 50,000 people.
                var (text, line, column) = LargeFile(broken: "\"rating\": \"HTTNVV\", \"startDate\"", at: "\"HTTNVV\"");
                var path = folder.Write(name, text);
                return new CorpusCase(name, false, path, "rules/vn", "TDR104", line, column, "HTTNV");
            }

            default:
                throw new ArgumentException("no generated case " + name, nameof(name));
        }
    }

    /// <summary>The 1-based column of the bracket that opens JSON level 65, after a prefix already <paramref name="openLevels"/> deep.</summary>
    private static int ColumnOfLevel(string prefix, int openLevels) => prefix.Length + (65 - openLevels);

    /// <summary>
    /// 50,000 individuals, one per line, the 11th from the end written as <paramref name="broken"/>; returns the text and
    /// the line and column of <paramref name="at"/> in that record.
    /// </summary>
    private static (string Text, int Line, int Column) LargeFile(string broken, string at)
    {
        var builder = new StringBuilder(LargeFileIndividuals * 120);
        builder.Append("{\n  \"year\": 2024,\n  \"asOf\": \"2024-12-31\",\n  \"units\": [\n")
            .Append("    { \"id\": \"BQL\", \"name\": \"Ban Quản lý\", \"kind\": \"unit\", \"rating\": \"HTXSNV\" },\n")
            .Append("    { \"id\": \"VP\", \"name\": \"Văn phòng\", \"parent\": \"BQL\", \"kind\": \"unit\", \"rating\": \"HTTNV\" }\n")
            .Append("  ],\n  \"individuals\": [\n");
        const int headerLines = 8;
        var brokenIndex = LargeFileIndividuals - 11;
        var column = 0;
        for (var i = 0; i < LargeFileIndividuals; i++)
        {
            var record = $"    {{ \"id\": \"NV{i:00000}\", \"name\": \"Người thứ {i}\", \"unit\": \"VP\", \"rating\": \"HTTNV\", \"startDate\": \"2015-03-01\", \"monthsWorked\": 12 }}";
            if (i == brokenIndex)
            {
                record = record.Replace("\"rating\": \"HTTNV\", \"startDate\"", broken, StringComparison.Ordinal);
                column = record.IndexOf(at, StringComparison.Ordinal) + 1;
            }

            builder.Append(record).Append(i < LargeFileIndividuals - 1 ? ",\n" : "\n");
        }

        builder.Append("  ]\n}\n");
        return (builder.ToString(), headerLines + brokenIndex + 1, column);
    }

    /// <summary>
    /// What the library answers, as the CLI's pipeline runs it: load; for a rule file, select the version in force on
    /// the sample's as-of date and compile; for a data file, load the rules in force on its as-of date and check the
    /// data against them. Returns every diagnostic of the first stage that failed.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(CorpusCase corpusCase)
    {
        var asOf = new LocalDate(2024, 12, 31);
        if (corpusCase.IsRuleFile)
        {
            var loaded = RuleSetLoader.Load(corpusCase.Path);
            if (!loaded.TryGetValue(out var library))
            {
                return loaded.Diagnostics;
            }

            var selected = library.Select(asOf);
            if (!selected.TryGetValue(out var ruleSet))
            {
                return selected.Diagnostics;
            }

            return RuleSetCompiler.Compile(ruleSet).Diagnostics;
        }

        // A CSV or XLSX file is read as the CLI reads it (the spreadsheet loader); JSON by the library's own loader.
        var data = System.IO.Path.GetExtension(corpusCase.Path) is ".csv" or ".xlsx"
            ? ThiDua.Rules.Reporting.Reading.SpreadsheetDataLoader.Load(corpusCase.Path)
            : SubjectDataLoader.Load(corpusCase.Path);
        if (!data.TryGetValue(out var subjects))
        {
            return data.Diagnostics;
        }

        var rules = RuleSetLoader.Load(System.IO.Path.Combine(ShippedRulesTests.RepositoryRoot, corpusCase.Rules)).GetValueOrThrow()
            .Select(subjects.AsOf ?? asOf).GetValueOrThrow();
        return RuleSetCompiler.Compile(rules).GetValueOrThrow().CheckData(subjects).Diagnostics;
    }
}
