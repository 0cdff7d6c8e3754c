using ThiDua.Rules.Explanation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Writing;

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

    /// <summary>
    /// The basis a report prints beside the total: the bonus's own basis and, when the base salary is a parameter
    /// (<c>params.mucLuongCoSo</c>), where the value used comes from — the dated value in force with its date and basis
    /// (<see cref="EvaluationResult.ParametersInForce"/>), or the override given for the run.
    /// </summary>
    /// <param name="result">The evaluation the total comes from.</param>
    /// <param name="renderer">The report's language.</param>
    /// <returns>The text; the bonus's basis alone when the base salary is not a parameter.</returns>
    public string Basis(EvaluationResult result, ExplanationRenderer renderer)
    {
        var basis = Award.Bonus?.Basis ?? "";
        var salary = Award.Bonus?.BaseSalary?.Text.Trim();
        if (salary is null || !salary.StartsWith("params.", StringComparison.Ordinal))
        {
            return basis;
        }

        var id = salary["params.".Length..];
        return result.ParametersInForce.FirstOrDefault(p => p.Id == id) is { } parameter
            ? ReportCatalog.Format("report.bonus-salary-basis", renderer.Language, basis, renderer.Origin(parameter))
            : basis;
    }

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
