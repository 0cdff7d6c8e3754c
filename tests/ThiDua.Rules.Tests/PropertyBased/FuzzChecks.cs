using System.Text;
using Newtonsoft.Json.Linq;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.RuleTests;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// What every fuzz case checks: the pipeline never throws on bad input (the only documented exception on these paths is
/// <see cref="RuleSetValidationException"/> from <c>GetValueOrThrow</c>, which is not called here), and every failure
/// comes back as diagnostics that name the file and a line in it. What loads and validates goes on to be compiled,
/// checked against data, evaluated and written.
/// </summary>
internal static class FuzzChecks
{
    public const string RuleFile = "fuzz-rules.json";
    public const string DataFile = "fuzz-data.json";

    public static readonly LocalDate AsOf = new(2024, 12, 31);

    /// <summary>A small rule set over <see cref="TestRules.StandardDeclarations"/> with every kind of award, quota and a target.</summary>
    public static readonly Lazy<CompiledRuleSet> TestRuleSet = new(() => TestRules.Compile(TestRules.RuleFile(
        TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," +
        TestRules.Award("cs", "has('base') && (initiatives.any(i => i.scope >= 'co-so') || rating == 'HTXSNV') && !disciplinedAtLeast('khien-trach')", extra: """
            "quota": { "max": "params.cap", "of": "members.count(m => m.has('base'))", "rankBy": [ { "expr": "rating" }, { "expr": "bonusPoints", "order": "asc" }, { "expr": "startDate" } ] }
            """) + "," +
        TestRules.Award("tt", "members.ratio(m => m.has('base')) >= 70% && movement && !members.any(m => m.disciplinedAtLeast('canh-cao'))", "unit") + "," +
        TestRules.Award("dn", "budget > 0 || subunits.count() == 0", "enterprise", """ "quota": { "max": 1, "count": true, "per": "cluster" } """),
        """ "targets": [ { "id": "muc-tieu", "name": "Trên 80% đạt", "basis": "KH", "expr": "allMembers.ratio(m => m.has('base')) > 80%" } ] """)));

    /// <summary>The national pack in force on <see cref="AsOf"/>.</summary>
    public static readonly Lazy<CompiledRuleSet> NationalPack = new(() =>
        RuleSetCompiler.Compile(RuleSetLoader.Load(Repository("rules", "vn")).GetValueOrThrow().Select(AsOf).GetValueOrThrow()).GetValueOrThrow());

    /// <summary>Generated subjects with every kind of value, including unknown ones.</summary>
    public static readonly Lazy<SubjectData> Population = new(() => PopulationGenerator.Sample(seed: 7, units: 4, individuals: 24));

    /// <summary>The sample data with every unit and its first 20 individuals: small enough to load thousands of times.</summary>
    public static readonly Lazy<string> SmallSample = new(() =>
    {
        var sample = JObject.Parse(Read("rules", "samples", "ban-quan-ly-2024.json"));
        sample["individuals"] = new JArray(((JArray)sample["individuals"]!).Take(20));
        return sample.ToString(Newtonsoft.Json.Formatting.Indented);
    });

    public static string Repository(params string[] parts) => Path.Combine([ShippedRulesTests.RepositoryRoot, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Repository(parts), Encoding.UTF8);

    /// <summary>
    /// Loads and validates <paramref name="text"/> as a rule file; with <paramref name="deep"/>, also compiles what
    /// validates, runs its embedded tests, and evaluates and writes <paramref name="data"/> with it.
    /// </summary>
    public static bool Rules(string text, SubjectData data, bool deep)
    {
        var loaded = RuleSetLoader.LoadText(text, RuleFile);
        if (!loaded.TryGetValue(out var library))
        {
            return Explained(loaded.Diagnostics, RuleFile, text);
        }

        var report = RuleSetValidator.Validate(library);
        if (!report.Succeeded)
        {
            return Explained(report.Diagnostics, RuleFile, text);
        }

        if (!deep)
        {
            return true;
        }

        foreach (var version in library.Versions)
        {
            var compiled = RuleSetCompiler.Compile(version);
            if (!compiled.TryGetValue(out var rules))
            {
                throw new InvalidOperationException("validates, but does not compile:\n" + string.Join("\n", compiled.Diagnostics) + "\n" + text);
            }

            var options = EvaluationOptions.Default with { AsOf = AsOf, MaxDegreeOfParallelism = 1 };
            if (rules.CheckData(data, options).Succeeded)
            {
                Write(rules.Evaluate(data, options));
            }
        }

        // The embedded tests run on data written inside the rule file: what they find wrong must be placed too.
        Placed(RuleSetTestRunner.Run(library).Diagnostics, RuleFile, text);
        return true;
    }

    /// <summary>Loads <paramref name="text"/> as data; what loads is checked against <paramref name="rules"/>, and what fits them is evaluated (and written).</summary>
    public static bool Data(string text, CompiledRuleSet rules, bool write = true)
    {
        var loaded = SubjectDataLoader.LoadText(text, DataFile);
        SameAsTreeReading(text, loaded);
        if (!loaded.TryGetValue(out var data))
        {
            return Explained(loaded.Diagnostics, DataFile, text);
        }

        var options = EvaluationOptions.Default with { AsOf = AsOf, MaxDegreeOfParallelism = 1 };
        var check = rules.CheckData(data, options);
        if (!check.Succeeded)
        {
            return Explained(check.Diagnostics, DataFile, text);
        }

        var result = rules.Evaluate(data, options);
        if (write)
        {
            Write(result);
        }
        else
        {
            _ = result.Results(ResultInclusion.All).Count();
        }

        return true;
    }

    /// <summary>
    /// Individuals are read straight from the tokens when they are plainly valid, else loaded as a tree and checked
    /// member by member: both ways must give the same data and the same diagnostics, to the character.
    /// </summary>
    public static void SameAsTreeReading(string text, LoadResult<SubjectData> loaded)
    {
        var fast = DataDump.Of(loaded);
        var tree = DataDump.Of(SubjectDataLoader.LoadText(text, DataFile, null, fastPath: false));
        if (fast != tree)
        {
            throw new InvalidOperationException("reading from the tokens and from a tree differ:\n--- tokens\n" + fast + "\n--- tree\n" + tree + "\ninput:\n" + text);
        }
    }

    private static void Write(EvaluationResult result)
    {
        using var writer = new StringWriter();
        JsonResultWriter.Write(result, writer, ResultInclusion.All, Language.En);
    }

    /// <summary>A failure must say why (at least one error) and where (the file, and a line and column in it).</summary>
    public static bool Explained(IEnumerable<Diagnostic> diagnostics, string file, string input)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count == 0)
        {
            throw new InvalidOperationException("failed without an error; diagnostics: " + string.Join("\n", diagnostics) + "\ninput:\n" + input);
        }

        return Placed(errors, file, input);
    }

    /// <summary>Every error names the file, a line and a column, and has a message in both languages.</summary>
    public static bool Placed(IEnumerable<Diagnostic> diagnostics, string file, string input)
    {
        foreach (var error in diagnostics.Where(d => d.Severity == Severity.Error))
        {
            if (error.Span.File != file || error.Span.Line < 1 || error.Span.Column < 1 || error.Message(Language.Vi).Length == 0 || error.Message(Language.En).Length == 0)
            {
                throw new InvalidOperationException("an error without its place: " + error.Format(Language.En) + "\ninput:\n" + input);
            }
        }

        return true;
    }
}
