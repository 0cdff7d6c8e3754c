using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Model;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// Invariants of the expression language: printing then parsing gives the same tree, and the compiled delegate (and its
/// traced twin, which explanations use to list missing values) agrees with the reference interpreter on every generated
/// expression and subject (including unknown values and the values found missing).
/// </summary>
public sealed class ExpressionProperties
{
    [Property(MaxTest = 1000)]
    public Property ParsePrint_AnySyntaxTree_RoundTrips()
    {
        return Prop.ForAll(Arb.From(ExpressionGenerators.Syntax()), node =>
        {
            var printed = ExpressionPrinter.Print(node);
            var reparsed = Parser.Parse(printed);
            return ExpressionPrinter.Dump(reparsed) == ExpressionPrinter.Dump(node);
        });
    }

    [Property(MaxTest = 1000)]
    public Property CompiledIndividualCriterion_AgreesWithReferenceInterpreter()
    {
        var population = PopulationGenerator.Sample();
        return Prop.ForAll(Arb.From(ExpressionGenerators.IndividualBool()), expr => Agrees(expr, SubjectKind.Individual, population));
    }

    [Property(MaxTest = 1000)]
    public Property CompiledUnitCriterion_AgreesWithReferenceInterpreter()
    {
        var population = PopulationGenerator.Sample();
        return Prop.ForAll(Arb.From(ExpressionGenerators.UnitBool()), expr => Agrees(expr, SubjectKind.Unit, population));
    }

    private static bool Agrees(string expr, SubjectKind kind, Model.Subjects.SubjectData data)
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," +
            TestRules.Award("probe", expr, kind == SubjectKind.Individual ? "individual" : "unit"));
        var compiled = TestRules.Compile(rules);
        var result = compiled.Evaluate(data, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });
        var probe = compiled.Awards.Single(a => a.Id == "probe");
        var frame = FrameOf(result);
        var interpreterMissing = new SortedSet<string>(StringComparer.Ordinal);
        var interpreter = new ReferenceInterpreter(frame, (id, field) => interpreterMissing.Add(id + "." + field));
        var traced = ExpressionCompiler.CompileTraced(probe.Criteria[0].Node!);
        // all/any stop at the element that decides them; the interpreter reads every element, so it may list more.
        var shortCircuits = expr.Contains(".all(", StringComparison.Ordinal) || expr.Contains(".any(", StringComparison.Ordinal);
        var count = kind == SubjectKind.Individual ? frame.Population.Individuals.Count : frame.Population.Units.Count;
        for (var s = 0; s < count; s++)
        {
            var compiledValue = probe.Criteria[0].Evaluate(frame, s);
            interpreterMissing.Clear();
            var interpreted = (bool?)interpreter.Evaluate(probe.Criteria[0].Node!, s);
            if (compiledValue != interpreted)
            {
                throw new InvalidOperationException($"'{expr}' on subject {s}: compiled {Show(compiledValue)}, interpreted {Show(interpreted)}");
            }

            // The traced delegate explanations use: the same value, and the missing values the interpreter reads.
            var trace = new MissingTrace(frame);
            var tracedValue = (bool?)traced(frame, s, trace);
            var sameMissing = shortCircuits ? trace.Values.All(interpreterMissing.Contains) : trace.Values.SequenceEqual(interpreterMissing);
            if (tracedValue != interpreted || !sameMissing)
            {
                throw new InvalidOperationException($"'{expr}' on subject {s}: traced {Show(tracedValue)} missing [{string.Join(", ", trace.Values)}], interpreted {Show(interpreted)} missing [{string.Join(", ", interpreterMissing)}]");
            }

            // The award kernel (all criteria in one delegate, parameters folded into constants) must agree too.
            var id = kind == SubjectKind.Individual ? frame.Population.Individuals.Id[s] : frame.Population.Units.Id[s];
            var status = result.Explain(id, "probe")?.Criteria[0].Status;
            var expected = interpreted switch { true => CriterionStatus.Pass, false => CriterionStatus.Fail, _ => CriterionStatus.Unknown };
            if (status is not null && status != expected)
            {
                throw new InvalidOperationException($"'{expr}' on subject {s}: kernel {status}, interpreted {Show(interpreted)}");
            }
        }

        return true;
    }

    /// <summary>
    /// <c>where</c> means what the guide says, on every generated pair of member conditions p and q: count, any and all of
    /// a filtered list are those of the whole list with p joined to q (<c>count(m =&gt; p &amp;&amp; q)</c>,
    /// <c>any(m =&gt; p &amp;&amp; q)</c>, <c>all(m =&gt; !p || q)</c>), <c>where(p).count()</c> is <c>count(m =&gt; p)</c>,
    /// and two filters are one filter on both conditions; unit by unit, unknowns included.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Where_IsItsDefinition()
    {
        var population = PopulationGenerator.Sample();
        var conditions = Gen.Zip(ExpressionGenerators.MemberBool(), ExpressionGenerators.MemberBool());
        return Prop.ForAll(Arb.From(conditions), t =>
        {
            var (p, q) = (t.Item1, t.Item2);
            (string Filtered, string Definition)[] pairs =
            [
                ($"members.where(m => {p}).count(m => {q}) >= 2", $"members.count(m => ({p}) && ({q})) >= 2"),
                ($"members.where(m => {p}).any(m => {q})", $"members.any(m => ({p}) && ({q}))"),
                ($"members.where(m => {p}).all(m => {q})", $"members.all(m => !({p}) || ({q}))"),
                ($"members.where(m => {p}).count() >= 2", $"members.count(m => {p}) >= 2"),
                ($"members.where(m => {p}).where(m => {q}).count() >= 2", $"members.where(m => ({p}) && ({q})).count() >= 2"),
            ];
            var awards = string.Join(",", pairs.SelectMany((pair, i) => new[] { TestRules.Award("f" + i, pair.Filtered, "unit"), TestRules.Award("d" + i, pair.Definition, "unit") }));
            var compiled = TestRules.Compile(TestRules.RuleFile(TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," + awards));
            var result = compiled.Evaluate(population, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });
            foreach (var unit in population.Units)
            {
                for (var i = 0; i < pairs.Length; i++)
                {
                    if (result.GetOutcome(unit.Id, "f" + i) != result.GetOutcome(unit.Id, "d" + i))
                    {
                        throw new InvalidOperationException($"'{pairs[i].Filtered}' on {unit.Id}: {result.GetOutcome(unit.Id, "f" + i)}, but '{pairs[i].Definition}' {result.GetOutcome(unit.Id, "d" + i)}");
                    }
                }
            }

            return true;
        });
    }

    private static string Show(bool? value) => value?.ToString() ?? "unknown";

    private static EvalFrame FrameOf(EvaluationResult result) =>
        (EvalFrame)typeof(EvaluationResult).GetField("_frame", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(result)!;

    [Theory]
    [InlineData("rating >= 'HTTNV' && conduct")]
    [InlineData("members.ratio(m => m.has('base')) >= 70%")]
    public void Parse_ValidExpression_PrintsAndReparsesIdentically(string text)
    {
        var node = Parser.Parse(text);
        Assert.Equal(ExpressionPrinter.Dump(node), ExpressionPrinter.Dump(Parser.Parse(ExpressionPrinter.Print(node))));
    }

    [Property(MaxTest = 300)]
    public Property TypeChecker_GeneratedIndividualExpressions_AllBindWithoutDiagnostics()
    {
        var symbols = new SymbolTable(TestRules.RuleSet(TestRules.RuleFile(TestRules.Award("base", "true"))), ThiDua.Rules.Extensibility.PluginRegistry.Default);
        return Prop.ForAll(Arb.From(ExpressionGenerators.IndividualBool()), expr =>
        {
            var diagnostics = new DiagnosticBag();
            var node = TypeChecker.Bind(symbols, new SourceText(expr, SourceSpan.None), SubjectKind.Individual, diagnostics, []);
            return node is not null && diagnostics.Count == 0;
        });
    }
}
