using System.Collections.Immutable;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// A criterion type that needs to see the rule set to check and prepare a criterion: where the rule file is (to read
/// a file named relative to it), which fields and facts the subject has, and the right to report diagnostics at any
/// position (for example in a file it reads). The validator and compiler call <see cref="Prepare"/> instead of
/// <see cref="ICriterionType.CheckArguments"/>, and evaluation calls the judge it returns instead of
/// <see cref="ICriterionType.Evaluate"/>.
/// </summary>
/// <remarks>
/// <para><b>Who calls it, when:</b> once per criterion that names the type, each time a rule set is validated or
/// compiled (so the work it does, such as compiling a file, is done with the rule set and never per subject). Calls for
/// different rule sets may run concurrently.</para>
/// <para><b>Failure:</b> report every problem through the <see cref="CriterionContext"/> and return null; an exception
/// propagates from the validator or compiler (a programming error of the plug-in).</para>
/// </remarks>
public interface IPreparedCriterionType : ICriterionType
{
    /// <summary>Checks one criterion and prepares its judge.</summary>
    /// <param name="context">The criterion, its rule file and subject schema, and where to report problems.</param>
    /// <returns>The judge of this criterion; null when a problem was reported.</returns>
    ICriterionJudge? Prepare(CriterionContext context);
}

/// <summary>The prepared judge of one criterion (see <see cref="IPreparedCriterionType"/>).</summary>
/// <remarks>Called once per subject from any thread, concurrently: must be deterministic and thread-safe, and do no
/// I/O. An exception from <see cref="Evaluate"/> is wrapped in a <see cref="RuleEvaluationException"/> naming the award,
/// criterion and subject.</remarks>
public interface ICriterionJudge
{
    /// <summary>Judges one subject.</summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <returns>True (pass), false (fail) or null (unknown for missing data, never false for it).</returns>
    bool? Evaluate(SubjectView subject);

    /// <summary>Judges one subject with its evidence; called only when a result is explained. Must agree with
    /// <see cref="Evaluate"/>.</summary>
    /// <param name="subject">The subject, valid only during the call.</param>
    /// <returns>The verdict with its actual and required values and missing value names.</returns>
    CriterionVerdict Explain(SubjectView subject);
}

/// <summary>A field a criterion can read through <see cref="SubjectView.Get"/>: a built-in field or a declared fact.</summary>
/// <param name="Name">The name in rule files (<c>rating</c>, <c>monthsWorked</c>, <c>conduct</c>).</param>
/// <param name="Kind">The value type.</param>
/// <param name="Levels">For a scale, its level ids from lowest to highest; otherwise empty.</param>
/// <param name="IsFact">Whether it is a fact the rule set declares (rather than a built-in field).</param>
public sealed record ReadableField(string Name, ValueKind Kind, ImmutableArray<string> Levels, bool IsFact);

/// <summary>
/// What a <see cref="IPreparedCriterionType"/> may know of the criterion it prepares, and where it reports problems.
/// </summary>
/// <remarks>Valid only during the <see cref="IPreparedCriterionType.Prepare"/> call that received it; not thread-safe.</remarks>
public sealed class CriterionContext
{
    private readonly DiagnosticBag _diagnostics;
    private int _errors;

    internal CriterionContext(DiagnosticBag diagnostics, AwardDefinition award, CriterionDefinition criterion, SymbolTable symbols)
    {
        _diagnostics = diagnostics;
        AwardId = award.Id;
        CriterionId = criterion.Id;
        Subject = award.Subject;
        Span = criterion.Span;
        Arguments = criterion.Args;
        Fields = FieldsOf(symbols, award.Subject);
    }

    /// <summary>The award the criterion belongs to.</summary>
    public string AwardId { get; }

    /// <summary>The criterion's id.</summary>
    public string CriterionId { get; }

    /// <summary>The subject kind of the award.</summary>
    public SubjectKind Subject { get; }

    /// <summary>Where the criterion is written; <see cref="SourceSpan.File"/> is the rule file.</summary>
    public SourceSpan Span { get; }

    /// <summary>The criterion's <c>args</c>, as for <see cref="ICriterionType.CheckArguments"/>.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Every field a subject of this kind has: the built-ins, then the declared facts, each by name.</summary>
    public ImmutableArray<ReadableField> Fields { get; }

    /// <summary>Whether an error has been reported through this context.</summary>
    public bool HasErrors => _errors > 0;

    /// <summary>A path written in the rule file, resolved against the rule file's folder (an absolute path stays as it is).</summary>
    /// <param name="path">The path as written.</param>
    /// <returns>The full path.</returns>
    public string ResolvePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Span.File);
        return Path.GetFullPath(string.IsNullOrEmpty(folder) ? path : Path.Combine(folder, path));
    }

    /// <summary>Reports a problem with an argument at the criterion (<c>TDR009</c>).</summary>
    /// <param name="argument">The argument's name.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    public void ReportArgument(string argument, string problem) =>
        Add(Diagnostic.Create(DiagnosticCodes.InvalidValue, Span, argument, problem));

    /// <summary>Reports a diagnostic of the catalog at any position (for example in a file the criterion reads).</summary>
    /// <param name="code">A code of <see cref="DiagnosticCodes"/>.</param>
    /// <param name="span">Where the problem is.</param>
    /// <param name="suggestion">A did-you-mean suggestion, or null.</param>
    /// <param name="arguments">The values for the code's message template.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not in the catalog.</exception>
    public void Report(DiagnosticCode code, SourceSpan span, string? suggestion, params string[] arguments)
    {
        if (!DiagnosticCatalog.Contains(code))
        {
            throw new ArgumentException($"{code} is not a diagnostic code of the catalog", nameof(code));
        }

        Add(Diagnostic.CreateWithSuggestion(code, span, suggestion, arguments));
    }

    private void Add(Diagnostic diagnostic)
    {
        _diagnostics.Add(diagnostic);
        if (diagnostic.Severity == Severity.Error)
        {
            _errors++;
        }
    }

    private static ImmutableArray<ReadableField> FieldsOf(SymbolTable symbols, SubjectKind kind)
    {
        var rating = symbols.Scales.TryGetValue("rating", out var scale) ? [.. scale.Levels.Select(l => l.Id)] : ImmutableArray<string>.Empty;
        var fields = ImmutableArray.CreateBuilder<ReadableField>();
        fields.Add(new("id", ValueKind.Text, [], false));
        fields.Add(new("name", ValueKind.Text, [], false));
        fields.Add(new("rating", ValueKind.Scale, rating, false));
        if (kind == SubjectKind.Individual)
        {
            fields.Add(new("unitId", ValueKind.Text, [], false));
            fields.Add(new("employeeType", ValueKind.Text, [], false));
            fields.Add(new("startDate", ValueKind.Date, [], false));
            fields.Add(new("monthsWorked", ValueKind.Number, [], false));
            fields.Add(new("daysAbsent", ValueKind.Number, [], false));
            fields.Add(new("pendingReview", ValueKind.Bool, [], false));
        }
        else
        {
            fields.Add(new("cluster", ValueKind.Text, [], false));
            fields.Add(new("parentId", ValueKind.Text, [], false));
        }

        var facts = kind == SubjectKind.Individual ? symbols.IndividualFacts : symbols.CollectiveFacts;
        foreach (var (fact, _) in facts.Values.OrderBy(f => f.Slot))
        {
            var levels = fact.Scale is { } s && symbols.Scales.TryGetValue(s, out var factScale) ? [.. factScale.Levels.Select(l => l.Id)] : ImmutableArray<string>.Empty;
            fields.Add(new(fact.Id, fact.Type, levels, true));
        }

        return fields.ToImmutable();
    }
}
