using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.SamplePlugin;

/// <summary>
/// <c>growth(current, previous)</c>: the growth of a figure over its previous value as a share,
/// <c>(current − previous) / previous</c>, so that <c>growth(110, 100) = 10%</c>. Unknown when <c>previous</c> is zero.
/// </summary>
/// <example><c>"expr": "growth(budgetPaid, budgetPaidPrevYear) >= 0"</c></example>
public sealed class GrowthFunction : ExpressionFunction<decimal, decimal, decimal?>
{
    /// <inheritdoc/>
    public override string Name => "growth";

    /// <inheritdoc/>
    public override string Description => "growth of the first number over the second, as a share: (a - b) / b";

    /// <inheritdoc/>
    protected override decimal? Compute(decimal first, decimal second) => second == 0m ? null : (first - second) / second;
}
