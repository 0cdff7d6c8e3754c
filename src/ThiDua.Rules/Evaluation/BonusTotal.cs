using ThiDua.Rules.Model;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// The bonuses of one form, totalled over its proposals (design §8; Nghị định 98/2023/NĐ-CP Điều 54: multiples of the
/// base salary): how many are proposed, the multiple each carries, and the amount when the rule set gives the base salary.
/// </summary>
/// <param name="Award">The form.</param>
/// <param name="Cases">The proposals (<see cref="AwardResult.IsProposed"/>).</param>
/// <param name="Multiple">The multiple of the base salary each carries.</param>
/// <param name="BaseSalary">The base salary in đồng, or null when the rule set gives none.</param>
internal sealed record BonusTotal(AwardDefinition Award, int Cases, decimal Multiple, decimal? BaseSalary)
{
    /// <summary>The multiples of all the proposals together.</summary>
    public decimal TotalMultiple => Cases * Multiple;

    /// <summary>The total in đồng, when the base salary is known.</summary>
    public decimal? Amount => TotalMultiple * BaseSalary;

    /// <summary>Per form with a bonus and at least one proposal, in <paramref name="order"/>.</summary>
    /// <param name="results">The listed results.</param>
    /// <param name="order">The awards in the order the report presents them.</param>
    /// <returns>One total per form.</returns>
    public static List<BonusTotal> Of(IEnumerable<AwardResult> results, IEnumerable<AwardDefinition> order)
    {
        var proposed = results.Where(r => r.IsProposed && r.BonusMultiple is not null).ToLookup(r => r.Award, StringComparer.Ordinal);
        return [.. order.Where(a => proposed[a.Id].Any())
            .Select(a => new BonusTotal(a, proposed[a.Id].Count(), proposed[a.Id].First().BonusMultiple!.Value, proposed[a.Id].First().BaseSalary))];
    }
}
