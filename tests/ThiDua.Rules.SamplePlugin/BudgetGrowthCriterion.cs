using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.SamplePlugin;

/// <summary>The arguments of <c>budget-contribution-growth</c>, as written in a rule file's <c>args</c>.</summary>
public sealed class BudgetGrowthArguments
{
    /// <summary>The least growth over last year, as a share: <c>"minGrowth": "10%"</c> (or <c>0.1</c>).</summary>
    public required decimal MinGrowth { get; init; }

    /// <summary>The declared enterprise fact holding this year's contribution (default <c>budgetPaid</c>).</summary>
    public string Current { get; init; } = "budgetPaid";

    /// <summary>The declared enterprise fact holding last year's contribution (default <c>budgetPaidPrevYear</c>).</summary>
    public string Previous { get; init; } = "budgetPaidPrevYear";
}

/// <summary>
/// <c>budget-contribution-growth</c>: the enterprise's contribution to the state budget grew by at least
/// <see cref="BudgetGrowthArguments.MinGrowth"/> over last year (<c>current ≥ previous × (1 + minGrowth)</c>, exact
/// decimals, as the Hưng Yên 2024 plan scores it).
/// </summary>
/// <example>
/// In a rule file:
/// <code>
/// { "id": "tang-nop-ngan-sach", "type": "budget-contribution-growth", "args": { "minGrowth": "10%" }, "basis": "…" }
/// </code>
/// </example>
/// <remarks>
/// The figures come from the enterprise's declared facts (<c>budgetPaid</c>, <c>budgetPaidPrevYear</c> by default), or,
/// when the HR system passes an <see cref="IBudgetLedger"/>, from its own ledger for the evaluated year and the year
/// before. A missing figure makes the criterion unknown. Thread-safe: the ledger is fixed at construction.
/// </remarks>
public sealed class BudgetGrowthCriterion : CriterionType<BudgetGrowthArguments>
{
    private readonly IBudgetLedger? _ledger;

    /// <summary>Reads the figures from the enterprise's facts (this is the constructor the CLI uses).</summary>
    public BudgetGrowthCriterion()
    {
    }

    /// <summary>Reads the figures from the HR system's own ledger instead of the facts.</summary>
    /// <param name="ledger">The ledger, queried for the evaluated year and the year before.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    public BudgetGrowthCriterion(IBudgetLedger ledger) => _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));

    /// <inheritdoc/>
    public override string Name => "budget-contribution-growth";

    /// <summary>Enterprises only.</summary>
    /// <param name="kind">The award's subject kind.</param>
    /// <returns>True for <see cref="SubjectKind.Enterprise"/>.</returns>
    public override bool AppliesTo(SubjectKind kind) => kind == SubjectKind.Enterprise;

    /// <inheritdoc/>
    protected override IEnumerable<string> Validate(BudgetGrowthArguments arguments)
    {
        if (arguments.MinGrowth < -1m)
        {
            yield return "'minGrowth' cannot be below -100%";
        }

        if (string.IsNullOrWhiteSpace(arguments.Current) || string.IsNullOrWhiteSpace(arguments.Previous))
        {
            yield return "'current' and 'previous' must name declared facts";
        }
    }

    /// <inheritdoc/>
    protected override bool? Evaluate(SubjectView subject, BudgetGrowthArguments arguments)
    {
        var (current, previous) = Figures(subject, arguments);
        return current is { } now && previous is { } before ? now >= before * (1m + arguments.MinGrowth) : null;
    }

    /// <summary>The evidence, shown like a built-in comparison: this year's contribution against the one required
    /// (last year's grown by <c>minGrowth</c>), or the names of the missing figures.</summary>
    /// <param name="subject">The enterprise.</param>
    /// <param name="arguments">The criterion's arguments.</param>
    /// <returns>The verdict with its actual and required values.</returns>
    protected override CriterionVerdict Explain(SubjectView subject, BudgetGrowthArguments arguments)
    {
        var (current, previous) = Figures(subject, arguments);
        if (current is not { } now || previous is not { } before)
        {
            var source = _ledger is null ? "" : "ledger.";
            return CriterionVerdict.Unknown([.. new[] { (current, arguments.Current), (previous, arguments.Previous) }.Where(f => f.Item1 is null).Select(f => source + f.Item2)]);
        }

        var required = before * (1m + arguments.MinGrowth);
        return CriterionVerdict.Compared(now >= required, now, "≥", required);
    }

    private (decimal? Current, decimal? Previous) Figures(SubjectView subject, BudgetGrowthArguments arguments) => _ledger is null
        ? (subject.Get(arguments.Current) as decimal?, subject.Get(arguments.Previous) as decimal?)
        : (_ledger.Contribution(subject.Id, subject.Year), _ledger.Contribution(subject.Id, subject.Year - 1));
}
