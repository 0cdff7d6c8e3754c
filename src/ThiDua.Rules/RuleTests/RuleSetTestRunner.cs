using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.RuleTests;

/// <summary>The result of one test embedded in a rule file.</summary>
/// <param name="File">The rule file.</param>
/// <param name="RuleSet">The rule-set id and version.</param>
/// <param name="TestId">The test id.</param>
/// <param name="Name">The test's description.</param>
/// <param name="Span">Where the test is declared.</param>
/// <param name="Failures">Why it failed, as values rendered in either language (<see cref="RuleTestFailure.Format"/>); empty when it passed.</param>
public sealed record RuleTestResult(string File, string RuleSet, string TestId, string? Name, SourceSpan Span, ImmutableArray<RuleTestFailure> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;
}

/// <summary>The results of running every embedded test of a library.</summary>
/// <param name="Results">One per test.</param>
/// <param name="Diagnostics">Problems that kept rule files from being tested (invalid rules).</param>
public sealed record RuleTestRun(ImmutableArray<RuleTestResult> Results, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The number of passing tests.</summary>
    public int PassedCount => Results.Count(r => r.Passed);

    /// <summary>The number of failing tests.</summary>
    public int FailedCount => Results.Count(r => !r.Passed);

    /// <summary>Whether every test passed and every rule file compiled.</summary>
    public bool Succeeded => FailedCount == 0 && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Runs the <c>tests</c> declared inside rule files: data in, expected outcomes and reasons out.</summary>
/// <remarks>Static and thread-safe. Cost: each rule-file version is compiled once (per base version it is merged with),
/// then each test evaluates its own small data set.</remarks>
public static class RuleSetTestRunner
{
    /// <summary>Runs every test of every version in <paramref name="library"/>.</summary>
    /// <param name="library">The loaded rule files.</param>
    /// <param name="registry">The functions and criterion types the rule files may name; null for <see cref="PluginRegistry.Default"/>.</param>
    /// <returns>One result per test, and the diagnostics of rule files that could not be tested (a version that does not
    /// compile fails each of its tests, naming the diagnostics).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="library"/> is null.</exception>
    public static RuleTestRun Run(RuleLibrary library, PluginRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        registry ??= PluginRegistry.Default;
        var results = ImmutableArray.CreateBuilder<RuleTestResult>();
        var diagnostics = new DiagnosticBag();
        foreach (var entry in library.Entries)
        {
            var cache = new Dictionary<string, CompiledRuleSet?>(StringComparer.Ordinal);
            foreach (var test in entry.RuleSet.Tests)
            {
                var (compiled, asOf) = Prepare(entry, test, registry, cache, diagnostics);
                var label = entry.RuleSet.Id + "@" + entry.RuleSet.Version;
                results.Add(compiled is null
                    ? new RuleTestResult(entry.RuleSet.Span.File, label, test.Id, test.Name, test.Span, [new RuleTestFailure { Kind = RuleTestFailureKind.RuleSetDoesNotCompile }])
                    : RunOne(compiled, test, asOf, label));
            }
        }

        return new RuleTestRun(results.ToImmutable(), diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Checks each test's data against the rule set it runs under, as <c>thidua check</c> checks a data file (units that
    /// exist, ratings on the scale, facts of the declared types, no loop of parents, parameters of the right kind), without
    /// evaluating: what <c>thidua validate</c> reports for the tests. Problems are placed in the rule file (a parameter
    /// override at its test).
    /// </summary>
    /// <param name="library">The loaded rule files.</param>
    /// <param name="registry">The functions and criterion types the rule files may name.</param>
    /// <param name="into">Where the data's errors and warnings go; a rule file that does not compile is left to the binder's diagnostics.</param>
    internal static void CheckData(RuleLibrary library, PluginRegistry registry, DiagnosticBag into)
    {
        foreach (var entry in library.Entries)
        {
            var cache = new Dictionary<string, CompiledRuleSet?>(StringComparer.Ordinal);
            foreach (var test in entry.RuleSet.Tests)
            {
                var (compiled, asOf) = Prepare(entry, test, registry, cache, new DiagnosticBag());
                if (compiled is null)
                {
                    continue;
                }

                var (data, options) = Inputs(test, asOf);
                foreach (var problem in compiled.CheckData(data, options).Diagnostics)
                {
                    into.Add(problem.Span.Line > 0 ? problem : new Diagnostic(problem.Code, problem.Severity, test.Span, problem.Arguments, problem.Suggestion));
                }
            }
        }
    }

    /// <summary>The version a test runs under (the file merged with the base in force on the test's as-of date), compiled
    /// once per base version; null when it does not compile (its problems go to <paramref name="diagnostics"/>).</summary>
    private static (CompiledRuleSet? Compiled, LocalDate AsOf) Prepare(RuleLibrary.Entry entry, RuleTestCase test, PluginRegistry registry,
        Dictionary<string, CompiledRuleSet?> cache, DiagnosticBag diagnostics)
    {
        var asOf = test.AsOf ?? entry.RuleSet.Effective.To ?? new LocalDate(entry.RuleSet.Effective.From.Year, 12, 31);
        var local = new DiagnosticBag();
        var resolved = RuleLibrary.Resolve(entry, asOf, local);
        var key = resolved?.Base?.Version ?? "";
        if (!cache.TryGetValue(key, out var compiled))
        {
            compiled = null;
            if (resolved is not null)
            {
                var compilation = RuleSetCompiler.Compile(resolved, registry);
                compilation.TryGetValue(out compiled);
                local.AddRange(compilation.Diagnostics.Where(d => d.Span.File == entry.RuleSet.Span.File || d.Severity == Severity.Error));
            }

            cache[key] = compiled;
            diagnostics.AddRange(local.ToSortedArray());
        }

        return (compiled, asOf);
    }

    /// <summary>A test's data (its year from the as-of date when not written) and the options it runs with.</summary>
    private static (Model.Subjects.SubjectData Data, EvaluationOptions Options) Inputs(RuleTestCase test, LocalDate asOf) => (
        test.Data.Year == 0 ? test.Data with { Year = asOf.Year } : test.Data,
        EvaluationOptions.Default with { AsOf = asOf, MaxDegreeOfParallelism = 1, Parameters = test.Params, Votes = test.Votes });

    private static RuleTestResult RunOne(CompiledRuleSet compiled, RuleTestCase test, LocalDate asOf, string label)
    {
        var failures = new List<RuleTestFailure>();
        var (data, options) = Inputs(test, asOf);
        var check = compiled.CheckData(data, options);
        foreach (var error in check.Errors)
        {
            failures.Add(new RuleTestFailure { Kind = RuleTestFailureKind.InvalidData, Diagnostic = error });
        }

        EvaluationResult? result = null;
        if (failures.Count == 0)
        {
            try
            {
                result = compiled.Evaluate(data, options);
            }
            catch (RuleSetValidationException e) when (!test.Votes.IsEmpty)
            {
                // Data was checked above: what is left are the test's ballots (a pair not recommended, more yes than
                // members…), each reported at its place in the rule file.
                failures.AddRange(e.Diagnostics.Where(d => d.Severity == Severity.Error)
                    .Select(d => new RuleTestFailure { Kind = RuleTestFailureKind.InvalidVote, Diagnostic = d }));
            }
        }

        if (result is not null)
        {
            foreach (var expectation in test.Expect)
            {
                var actual = result.Explain(expectation.Subject, expectation.Award);
                var pair = new RuleTestFailure { Kind = RuleTestFailureKind.NoSuchResult, Span = expectation.Span, Subject = expectation.Subject, Item = expectation.Award };
                if (actual is null)
                {
                    failures.Add(pair);
                    continue;
                }

                if (actual.Outcome.ToName() != expectation.Outcome)
                {
                    failures.Add(pair with
                    {
                        Kind = RuleTestFailureKind.WrongOutcome,
                        Expected = expectation.Outcome,
                        Actual = actual.Outcome.ToName(),
                        FailedCriteria = [.. actual.Criteria.Where(c => c.Status == CriterionStatus.Fail).Select(c => c.Id)],
                        UndecidedCriteria = [.. actual.Criteria.Where(c => c.Status == CriterionStatus.Unknown).Select(c => c.Id)],
                    });
                    continue;
                }

                foreach (var because in expectation.Because)
                {
                    var criterion = actual.Criteria.FirstOrDefault(c => c.Id == because);
                    if (criterion is null || criterion.Status == CriterionStatus.Pass)
                    {
                        failures.Add(pair with { Kind = criterion is null ? RuleTestFailureKind.ReasonAbsent : RuleTestFailureKind.ReasonPassed, Criterion = because });
                    }
                }

                if (expectation.Council is { } council && actual.Council?.ToName() != council)
                {
                    failures.Add(pair with { Kind = RuleTestFailureKind.WrongCouncil, Expected = council, Actual = actual.Council?.ToName() });
                }
            }

            var targets = result.Targets().ToList();
            foreach (var expectation in test.ExpectTargets)
            {
                var actual = targets.FirstOrDefault(t => t.Unit == expectation.Unit && t.Target == expectation.Target);
                if (actual is null)
                {
                    failures.Add(new RuleTestFailure { Kind = RuleTestFailureKind.TargetNotEvaluated, Span = expectation.Span, Subject = expectation.Unit, Item = expectation.Target });
                }
                else if (actual.Status.ToName() != expectation.Status)
                {
                    failures.Add(new RuleTestFailure
                    {
                        Kind = RuleTestFailureKind.WrongTargetStatus, Span = expectation.Span, Subject = expectation.Unit, Item = expectation.Target,
                        Expected = expectation.Status, Actual = actual.Status.ToName(),
                    });
                }
            }
        }

        return new RuleTestResult(test.Span.File, label, test.Id, test.Name, test.Span, [.. failures]);
    }
}
