using System.Text.RegularExpressions;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Architecture;

/// <summary>
/// Pins the order of the library's stages: a file may use the types of its own stage and of earlier stages only. The
/// few places where a later stage is used today are listed one by one with their reason; a new one fails, and so does a
/// listed one that has gone (so the list only shrinks).
/// </summary>
public sealed partial class StageOrderTests
{
    /// <summary>The stages, earliest first; a folder of <c>src/ThiDua.Rules</c> (or one file) belongs to one.</summary>
    private static readonly (string Stage, string[] Paths)[] Stages =
    [
        // Records, the subject schema, diagnostics, and the report catalog (the words of every stage, in Writing/ beside its writers).
        ("kernel", ["Language.cs", "Model/", "Schema/", "Validation/", "Writing/ReportCatalog.cs", "Writing/ReportCatalog.Common.cs",
            "Writing/ReportCatalog.CommandLine.cs", "Writing/ReportCatalog.Console.cs", "Writing/ReportCatalog.Documents.cs", "Writing/ReportCatalog.Explanation.cs",
            "Writing/ReportCatalog.Describe.cs", "Writing/ReportCatalog.Help.cs", "Writing/ReportCatalog.Template.cs"]),
        ("load", ["Loading/"]),
        ("expressions", ["Expressions/Syntax/", "Expressions/Binding/", "Extensibility/", "Functions/"]),
        ("validate", ["Validation/RuleSetValidator.cs"]),
        ("intake", ["Intake/"]),                                          // data binding: subjects into columns
        ("compile", ["Compilation/"]),
        ("evaluate", ["Evaluation/"]),
        ("explain", ["Explanation/"]),
        ("write", ["Writing/", "RuleTests/"]),
    ];

    /// <summary>Uses of a later stage that are known, each with why it is there. Remove a line when its use goes.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // Compiled kernels are evaluation code: the delegates call the evaluation runtime's helpers and read its frame.
        ["Compilation/CompiledCriterion.cs -> EvalFrame"] = "kernels run in an evaluation frame",
        ["Compilation/CompiledCriterion.cs -> Runtime"] = "kernels call runtime helpers",
        ["Compilation/ConstantFolder.cs -> Runtime"] = "folding calls the same helpers the kernels call",
        ["Compilation/ExpressionCompiler.cs -> EvalFrame"] = "emitted code reads the frame",
        ["Compilation/ExpressionCompiler.cs -> Evaluator"] = "emitted award lookups call the evaluator's outcome table",
        ["Compilation/ExpressionCompiler.cs -> Fraction"] = "emitted shares are fractions",
        ["Compilation/ExpressionCompiler.cs -> MissingTrace"] = "traced code (explanations) notes missing values in the trace",
        ["Compilation/ExpressionCompiler.cs -> Outcome"] = "award outcomes compared in expressions",
        ["Compilation/ExpressionCompiler.cs -> Runtime"] = "emitted calls to runtime helpers",
        ["Compilation/ExpressionCompiler.cs -> SubjectHistoryFunctions"] = "emitted calls to history functions",

        // CompiledRuleSet is the public entry point: compile once, then Bind and Evaluate on it.
        ["Compilation/CompiledRuleSet.cs -> BoundSubjects"] = "the facade's Bind returns bound subjects",
        ["Compilation/CompiledRuleSet.cs -> EvalFrame"] = "the facade reads single fields for CheckData",
        ["Compilation/CompiledRuleSet.cs -> EvaluationOptions"] = "the facade's Evaluate takes options",
        ["Compilation/CompiledRuleSet.cs -> EvaluationResult"] = "the facade's Evaluate returns the result",
        ["Compilation/CompiledRuleSet.cs -> Evaluator"] = "the facade's Evaluate runs the evaluator",
        ["Compilation/CompiledRuleSet.cs -> Runtime"] = "the facade formats values as the runtime does",

        // The result explains itself lazily, only for the pairs a caller asks about.
        ["Evaluation/EvaluationResult.cs -> ExplanationBuilder"] = "EvaluationResult.Explain and Results build explanations on demand",

        // Each compiled criterion keeps the helper that finds its deciding comparison, compiled on the first explanation.
        ["Compilation/CompiledCriterion.cs -> DecidingComparison"] = "explanations of a criterion are prepared with it",

        // The report catalog (kernel) names the key of each outcome and proposal check, for every report that prints one.
        ["Writing/ReportCatalog.Common.cs -> Outcome"] = "OutcomeKey maps an outcome to its word's key",
        ["Writing/ReportCatalog.Common.cs -> ProposalCheck"] = "ProposalKey maps a proposal check to its words' key",

        // A plug-in reads the subject being evaluated through a view over the evaluation frame.
        ["Extensibility/ICriterionType.cs -> EvalFrame"] = "SubjectView wraps the frame",

        // A rule file's test names the outcome it expects; the reader checks the word, the model holds the value.
        ["Loading/Json/RuleSetJsonReader.cs -> OutcomeNames"] = "a test's expected outcome is checked where it is read",
        ["Model/RuleTestCase.cs -> Outcome"] = "a test case's expected outcome is an Outcome",

        // validate checks each test's data as the test will run it: with the version in force on its date, compiled.
        ["Validation/RuleSetValidator.cs -> RuleSetTestRunner"] = "the tests' data is checked by the runner that runs them",
    };

    [Fact]
    public void EveryStage_UsesOnlyItsOwnAndEarlierStages_ExceptTheListedUses()
    {
        var root = Path.Combine(ShippedRulesTests.RepositoryRoot, "src", "ThiDua.Rules");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Code(File.ReadAllText(Path.Combine(root, f))), StringComparer.Ordinal);

        // Every top-level type, by name, with the stage of the file that declares it.
        var declaredIn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (file, code) in files)
        {
            foreach (Match m in TopLevelType().Matches(code))
            {
                (declaredIn.TryGetValue(m.Groups["name"].Value, out var list) ? list : declaredIn[m.Groups["name"].Value] = []).Add(file);
            }
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (file, code) in files)
        {
            var stage = StageOf(file);
            var own = TopLevelType().Matches(code).Select(m => m.Groups["name"].Value).Concat(NestedType().Matches(code).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);
            foreach (var name in Identifiers(code).Where(n => !own.Contains(n)))
            {
                if (declaredIn.TryGetValue(name, out var declaring) && declaring.Any(d => StageOf(d) > stage))
                {
                    found.Add(file + " -> " + name);
                }
            }
        }

        var unexpected = found.Where(f => !Allowed.ContainsKey(f)).ToList();
        var gone = Allowed.Keys.Where(k => !found.Contains(k)).ToList();
        Assert.True(unexpected.Count == 0, "a stage uses a later stage (move the type to the stage that owns it):\n" + string.Join('\n', unexpected));
        Assert.True(gone.Count == 0, "these listed uses are gone; remove them from Allowed:\n" + string.Join('\n', gone));
    }

    [Fact]
    public void EveryFolder_OfTheLibrary_BelongsToAStage()
    {
        var root = Path.Combine(ShippedRulesTests.RepositoryRoot, "src", "ThiDua.Rules");
        var unplaced = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => StageOrNull(f) is null)
            .ToList();

        Assert.Empty(unplaced);
    }

    [Fact]
    public void TheScanner_SeesAUseOfALaterStage_AndIgnoresCommentsStringsAndMembers()
    {
        var code = Code("""
            using ThiDua.Rules.Evaluation;
            /// <see cref="Hidden"/>
            // Commented
            var a = "Quoted";
            var b = x.Member;
            var c = new Visible();
            """);

        Assert.Equal(["Visible"], Identifiers(code).Where(n => n is "Hidden" or "Commented" or "Quoted" or "Member" or "Visible" or "Evaluation"));
    }

    private static int StageOf(string file) => StageOrNull(file) ?? throw new InvalidOperationException(file + " belongs to no stage");

    private static int? StageOrNull(string file)
    {
        // The longest matching path decides, so that a file listed alone wins over its folder.
        var best = -1;
        var length = -1;
        for (var i = 0; i < Stages.Length; i++)
        {
            foreach (var path in Stages[i].Paths)
            {
                var matches = path.EndsWith('/') ? file.StartsWith(path, StringComparison.Ordinal) : file == path;
                if (matches && path.Length > length)
                {
                    (best, length) = (i, path.Length);
                }
            }
        }

        return best < 0 ? null : best;
    }

    /// <summary>The code without comments, string contents and using directives.</summary>
    private static string Code(string source)
    {
        var text = BlockComment().Replace(source, " ");
        text = LineComment().Replace(text, string.Empty);
        text = StringLiteral().Replace(text, "\"\"");
        return UsingDirective().Replace(text, string.Empty);
    }

    /// <summary>
    /// Type-like identifiers: in a dotted chain (<c>A.B.C</c>) the first name, and each name that follows a namespace of
    /// the library; member accesses (<c>x.Member</c>, <c>Type.Member</c>) are not types.
    /// </summary>
    private static HashSet<string> Identifiers(string code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Chain().Matches(code))
        {
            var segments = m.Value.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                if (char.IsAsciiLetterUpper(segments[i][0]) && (i == 0 || NamespaceSegments.Contains(segments[i - 1])))
                {
                    names.Add(segments[i]);
                }
            }
        }

        return names;
    }

    private static readonly HashSet<string> NamespaceSegments = new(StringComparer.Ordinal)
    {
        "Rules", "Model", "Subjects", "Schema", "Validation", "Loading", "Json", "Expressions", "Syntax", "Binding",
        "Extensibility", "Functions", "Intake", "Compilation", "Evaluation", "Explanation", "Writing", "RuleTests",
    };

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"@?""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^\s*using [^;(]+;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    private static partial Regex Chain();

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|readonly|partial|file|ref)\s+)*(?:class|struct|enum|interface|record(?:\s+struct|\s+class)?|delegate\s+\S+)\s+(?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex(@"^\s+(?:(?:public|internal|private|protected|static|sealed|abstract|readonly|partial|file|ref)\s+)*(?:class|struct|enum|interface|record(?:\s+struct|\s+class)?)\s+(?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex NestedType();
}
