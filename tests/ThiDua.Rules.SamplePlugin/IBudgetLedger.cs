namespace ThiDua.Rules.SamplePlugin;

/// <summary>
/// The HR system's own record of what each enterprise paid into the state budget, by year: the data a plug-in reads
/// without it being copied into the evaluation's facts.
/// </summary>
/// <remarks>Called concurrently from the evaluating threads: implementations must be thread-safe and deterministic
/// during one evaluation (a snapshot, not a live query).</remarks>
public interface IBudgetLedger
{
    /// <summary>The contribution of one enterprise in one year.</summary>
    /// <param name="enterpriseId">The enterprise id, as in the evaluated data.</param>
    /// <param name="year">The calendar year.</param>
    /// <returns>The amount, or null when the ledger has no figure (the criterion is then unknown, not failed).</returns>
    decimal? Contribution(string enterpriseId, int year);
}
