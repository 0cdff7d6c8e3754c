using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Compilation;

/// <summary>
/// A validated rule set with every criterion compiled to a delegate. Evaluates data files.
/// </summary>
/// <remarks>
/// Expensive to build and cheap to use: create one per rule-set version and reuse it for every data file.
/// <threadsafety static="true" instance="true">Immutable; <c>Evaluate</c> may run concurrently from many threads.</threadsafety>
/// </remarks>
public sealed class CompiledRuleSet
{
    private readonly FrozenDictionary<string, int> _awardIndex;

    internal CompiledRuleSet(BoundRuleSet bound)
    {
        RuleSet = bound.RuleSet;
        Symbols = bound.Symbols;
        Reads = DataReads.Of(bound);
        // Compiling is mostly the JIT, and every delegate compiles independently: the award kernels for the declared
        // parameter values (so that the first evaluation does not pay for them), the quotas, targets and scoring tables.
        // One list of jobs, the larger kernels first, taken one at a time by every core, so that no core is left with a
        // long job at the end.
        // A dated parameter is compiled for its latest value (the one in force for recent decisions); another as-of date
        // with another value compiles its own kernels on first use.
        var parameters = RuleSet.Parameters.Select(p => p.Values.IsEmpty ? p.Value : p.Values[^1].Value).ToArray();
        var criteria = bound.Awards.Select(a => a.Criteria.Select(c => new CompiledCriterion(c, a.Definition.Subject)).ToImmutableArray()).ToArray();
        var kernels = new AwardKernel[bound.Awards.Length];
        var quotas = new CompiledQuota?[bound.Awards.Length];
        var targets = new CompiledTarget[bound.Targets.Length];
        var scoring = new CompiledScoring[bound.Scoring.Length];
        var jobs = new List<Action>();
        foreach (var a in Enumerable.Range(0, kernels.Length).OrderByDescending(a => criteria[a].Length))
        {
            jobs.Add(() => kernels[a] = CompileKernel(bound.Awards[a].Definition.Subject, criteria[a], parameters));
        }

        jobs.AddRange(Enumerable.Range(0, quotas.Length).Where(a => bound.Awards[a].Quota is not null).Select(a => (Action)(() => quotas[a] = new CompiledQuota(bound.Awards[a].Quota!))));
        jobs.AddRange(Enumerable.Range(0, targets.Length).Select(t => (Action)(() => targets[t] = new CompiledTarget(bound.Targets[t]))));
        jobs.AddRange(Enumerable.Range(0, scoring.Length).Select(t => (Action)(() => scoring[t] = new CompiledScoring(bound.Scoring[t]))));
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(jobs, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), job => job());

        Awards = [.. bound.Awards.Select((a, i) => new CompiledAward(a, criteria[i], quotas[i]))];
        Order = bound.Order;
        ExclusiveGroups = bound.ExclusiveGroups;
        Targets = [.. targets];
        Scoring = [.. scoring];
        _awardIndex = Awards.ToFrozenDictionary(a => a.Id, a => a.Index, StringComparer.Ordinal);
        _kernels[ConstantFolder.Key(parameters)] = new Lazy<AwardKernel[]>(kernels);
    }

    /// <summary>The rule set (merged with its base, if it extends one).</summary>
    public RuleSet RuleSet { get; }

    internal SymbolTable Symbols { get; }

    /// <summary>What the rule set reads of each individual: binding fills only that.</summary>
    internal DataReads Reads { get; }

    internal ImmutableArray<CompiledAward> Awards { get; }

    internal ImmutableArray<int> Order { get; }

    /// <summary>Each exclusive group's award indexes, lowest form first.</summary>
    internal ImmutableArray<ImmutableArray<int>> ExclusiveGroups { get; }

    internal ImmutableArray<CompiledTarget> Targets { get; }

    internal ImmutableArray<CompiledScoring> Scoring { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<AwardKernel[]>> _kernels = new(StringComparer.Ordinal);

    /// <summary>
    /// One compiled kernel per award, specialised for a set of parameter values (parameters folded into constants),
    /// compiled once per distinct set and cached: the defaults on first use, and each what-if set of overrides.
    /// </summary>
    internal AwardKernel[] KernelsFor(object?[] parameters) =>
        _kernels.GetOrAdd(ConstantFolder.Key(parameters), _ => new Lazy<AwardKernel[]>(() =>
        {
            // Compiling an expression tree costs milliseconds; the awards are independent, so use every core.
            var kernels = new AwardKernel[Awards.Length];
            Parallel.For(0, Awards.Length, i => kernels[i] = CompileKernel(Awards[i].Subject, Awards[i].Criteria, parameters));
            return kernels;
        })).Value;

    private static AwardKernel CompileKernel(SubjectKind subject, ImmutableArray<CompiledCriterion> criteria, object?[] parameters) =>
        ExpressionCompiler.CompileAward(
            [.. criteria.Select(c => c.Node is { } node ? ConstantFolder.Fold(node, parameters) : null)],
            [.. criteria.Select(c => c.Node is null ? c.Evaluate : null!)],
            subject,
            [.. criteria.Select(c => c.RequiresAward)]);

    /// <summary>
    /// Checks data against the rule set (units exist, ratings on the scale, facts of the declared types, …) without
    /// evaluating. Never throws for bad data.
    /// </summary>
    public ValidationReport CheckData(SubjectData data, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var diagnostics = new DiagnosticBag();
        new PopulationBuilder(Symbols, diagnostics).Build(data, ResolveAsOf(data, options ?? EvaluationOptions.Default));
        CheckOverrides(options ?? EvaluationOptions.Default, ResolveAsOf(data, options ?? EvaluationOptions.Default), diagnostics);
        return new ValidationReport(diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Evaluates every award, quota, scoring table and plan target for <paramref name="data"/>.
    /// </summary>
    /// <remarks>Cost: linear in subjects × criteria; runs on up to <see cref="EvaluationOptions.MaxDegreeOfParallelism"/>
    /// threads, with output identical for any thread count.</remarks>
    /// <exception cref="RuleSetValidationException">The data does not fit the rule set (see <see cref="CheckData"/>), or an
    /// expression's worst-case work on it passes <see cref="DataLimits.MaxCriterionWork"/> (TDR144).</exception>
    /// <exception cref="RuleEvaluationException">A plug-in threw while judging a subject.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public EvaluationResult Evaluate(SubjectData data, EvaluationOptions? options = null, CancellationToken cancellationToken = default) =>
        Evaluate(Bind(data, options), options, cancellationToken);

    /// <summary>
    /// Binds data to this rule set once (units resolved, scale levels and facts typed into columns), so that it can be
    /// evaluated many times — for example with different parameter values for a what-if.
    /// </summary>
    /// <remarks>Cost: linear in the data; the result holds the data in compact columns and is immutable and thread-safe.
    /// The as-of date is fixed here (from <paramref name="options"/>, else the data).</remarks>
    /// <exception cref="RuleSetValidationException">The data does not fit the rule set (see <see cref="CheckData"/>).</exception>
    public BoundSubjects Bind(SubjectData data, EvaluationOptions? options = null) => TryBind(data, options).GetValueOrThrow();

    /// <summary>
    /// Binds <paramref name="data"/> to this rule set and returns the bound subjects with the warnings, or every problem
    /// of the data: the same result type as loading and compiling (<see cref="LoadResult{T}"/>), never an exception for bad
    /// data. <see cref="Bind(SubjectData, EvaluationOptions?)"/> is this followed by <see cref="LoadResult{T}.GetValueOrThrow"/>.
    /// </summary>
    /// <param name="data">The data, from a file or built in code.</param>
    /// <param name="options">The as-of date of the decision (<see cref="EvaluationOptions.AsOf"/>).</param>
    /// <returns>The bound subjects, or the diagnostics that prevent binding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public LoadResult<BoundSubjects> TryBind(SubjectData data, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var diagnostics = new DiagnosticBag();
        var population = new PopulationBuilder(Symbols, diagnostics, Reads).Build(data, ResolveAsOf(data, options ?? EvaluationOptions.Default));
        var sorted = diagnostics.ToSortedArray();
        return new LoadResult<BoundSubjects>(diagnostics.HasErrors ? null : new BoundSubjects(this, population, sorted), sorted);
    }

    /// <summary>
    /// Binds an opened data file's individuals, one at a time, straight into this rule set's columns (a file of a million
    /// people is never held in memory), checking each against the rule set and the file against the JSON format.
    /// </summary>
    /// <param name="file">The file, opened by <see cref="SubjectDataFile.Open"/>; its individuals can be bound once.</param>
    /// <param name="options">The decision's as-of date (<see cref="EvaluationOptions.AsOf"/>) and whether to read ahead on a
    /// second thread (<see cref="EvaluationOptions.MaxDegreeOfParallelism"/> other than 1); the rest is ignored.</param>
    /// <param name="cancellationToken">Stops reading between individuals.</param>
    /// <returns>The bound subjects with the warnings, or every problem of the file and of the data.</returns>
    /// <exception cref="InvalidOperationException">The file's individuals were already bound.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public LoadResult<BoundSubjects> TryBind(SubjectDataFile file, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var readAhead = Environment.ProcessorCount > 1 && options?.MaxDegreeOfParallelism != 1;
        return file.ReadIndividuals(
            (individuals, diagnostics) => Bind(file.Year, file.AsOf, file.Start, file.Units, individuals, options, diagnostics, cancellationToken),
            readAhead,
            cancellationToken);
    }

    /// <summary>
    /// Binds a stream of individuals without holding them: each person is read once into compact columns and can be
    /// released, so an HR system can evaluate a whole province from a database cursor. Units are held (they are few).
    /// </summary>
    /// <param name="year">The evaluated year.</param>
    /// <param name="asOf">The data's snapshot date (for months of service); null = 31 December of <paramref name="year"/>.</param>
    /// <param name="units">Units and enterprises.</param>
    /// <param name="individuals">Individuals, enumerated exactly once.</param>
    /// <param name="options">The as-of date of the decision (selects nothing here; it is <c>asOf</c> in expressions).</param>
    /// <param name="cancellationToken">Stops binding between subjects.</param>
    /// <exception cref="RuleSetValidationException">The data does not fit the rule set.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public BoundSubjects Bind(int year, LocalDate? asOf, IReadOnlyList<Unit> units, IEnumerable<Individual> individuals, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(individuals);
        var diagnostics = new DiagnosticBag();
        var decision = options?.AsOf ?? asOf ?? SubjectData.EndOfYear(year);
        var population = new PopulationBuilder(Symbols, diagnostics, Reads).Build(year, asOf, SourceSpan.None, units, individuals, decision, cancellationToken);
        if (diagnostics.HasErrors)
        {
            throw new RuleSetValidationException(diagnostics.ToSortedArray());
        }

        return new BoundSubjects(this, population, diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Binds a stream of individuals, collecting problems into <paramref name="diagnostics"/> instead of throwing;
    /// null when there are errors. The data file reader uses it, so that file and data problems come back together.
    /// </summary>
    internal BoundSubjects? Bind(int year, LocalDate? asOf, SourceSpan span, IReadOnlyList<Unit> units, IEnumerable<Individual> individuals, EvaluationOptions? options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var decision = options?.AsOf ?? asOf ?? SubjectData.EndOfYear(year);
        var population = new PopulationBuilder(Symbols, diagnostics, Reads).Build(year, asOf, span, units, individuals, decision, cancellationToken);
        return diagnostics.HasErrors ? null : new BoundSubjects(this, population, diagnostics.ToSortedArray());
    }

    /// <summary>Binds an asynchronous stream of individuals (for example from a database), like the synchronous overload.</summary>
    /// <exception cref="RuleSetValidationException">The data does not fit the rule set.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public Task<BoundSubjects> BindAsync(int year, LocalDate? asOf, IReadOnlyList<Unit> units, IAsyncEnumerable<Individual> individuals, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(individuals);
        return Task.Run(() => Bind(year, asOf, units, individuals.ToBlockingEnumerable(cancellationToken), options, cancellationToken), cancellationToken);
    }

    /// <summary>Evaluates data bound by <see cref="Bind(SubjectData, EvaluationOptions?)"/>; <see cref="EvaluationOptions.AsOf"/> is ignored (fixed when binding).</summary>
    /// <exception cref="ArgumentException"><paramref name="subjects"/> was bound by another rule set.</exception>
    /// <exception cref="RuleSetValidationException">A parameter override does not exist or has the wrong type, or an
    /// expression's worst-case work on this data passes <see cref="DataLimits.MaxCriterionWork"/> (TDR144).</exception>
    /// <exception cref="RuleEvaluationException">A plug-in threw while judging a subject.</exception>
    public EvaluationResult Evaluate(BoundSubjects subjects, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (!ReferenceEquals(subjects.RuleSet, this))
        {
            throw new ArgumentException("the subjects were bound by another compiled rule set", nameof(subjects));
        }

        options ??= EvaluationOptions.Default;
        var diagnostics = new DiagnosticBag();
        var parameters = CheckOverrides(options, subjects.Population.AsOf, diagnostics);
        if (diagnostics.HasErrors)
        {
            throw new RuleSetValidationException(diagnostics.ToSortedArray());
        }

        return new Evaluator(this, subjects.Population, parameters, options, cancellationToken).Run(subjects.Warnings);
    }

    private static LocalDate ResolveAsOf(SubjectData data, EvaluationOptions options) =>
        options.AsOf ?? data.AsOf ?? SubjectData.EndOfYear(data.Year);

    /// <summary>The parameters' values for one evaluation: each one's value in force on <paramref name="asOf"/>, replaced by
    /// the checked overrides.</summary>
    private object?[] CheckOverrides(EvaluationOptions options, LocalDate asOf, DiagnosticBag diagnostics)
    {
        var values = RuleSet.Parameters.Select(p => p.ValueOn(asOf)).ToArray();
        foreach (var (name, value) in options.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!Symbols.Parameters.TryGetValue(name, out var parameter))
            {
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownParameter, SourceSpan.None, Suggestions.Closest(name, Symbols.Parameters.Keys), name));
                continue;
            }

            if (ParameterOverrides.Check(parameter.Parameter, name, value, diagnostics) is { } checkedValue)
            {
                values[parameter.Slot] = checkedValue.Value;
            }
        }

        return values;
    }

    internal int AwardIndex(string id) => _awardIndex.TryGetValue(id, out var index) ? index : -1;

    internal bool? HasAward(EvalFrame frame, int subject, string awardId)
    {
        var index = AwardIndex(awardId);
        return index < 0 ? false : Runtime.Has(frame, index, subject);
    }

    internal object? ReadField(EvalFrame frame, SubjectKind kind, int index, string field)
    {
        var individual = kind == SubjectKind.Individual;
        var ind = frame.Population.Individuals;
        var units = frame.Population.Units;
        string? Level(string scale, int? level) => level is { } l && Symbols.Scales.TryGetValue(scale, out var s) ? s.Levels[l].Id : null;
        if (Schema.SubjectSchema.FindByExpression(individual, field) is { Type: not Schema.SubjectValueType.Structured and not Schema.SubjectValueType.Derived } declared)
        {
            var read = frame.Population.Read(declared, index);
            return declared.Type == Schema.SubjectValueType.ScaleLevel ? Level(declared.Scale!, (int?)read) : read;
        }

        var facts = individual ? Symbols.IndividualFacts : Symbols.CollectiveFacts;
        if (!facts.TryGetValue(field, out var fact))
        {
            return null;
        }

        var value = (individual ? ind.Facts : units.Facts)[fact.Slot].GetValue(index);
        return fact.Fact.Type == ValueKind.Scale && value is int level ? Level(fact.Fact.Scale!, level) : value;
    }
}
