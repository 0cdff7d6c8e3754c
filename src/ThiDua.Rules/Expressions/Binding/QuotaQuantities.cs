using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Expressions.Binding;

/// <summary>
/// Checks that a quota's <c>max</c> is of the kind its <c>count</c> says: a share for a share of a population, a number of
/// places for <c>"count": true</c>. A share written without its percent sign (a parameter <c>"value": 12</c>, or 1 that
/// would mean 100%) is the slip this catches.
/// </summary>
internal static class QuotaQuantities
{
    public static void Check(QuotaDefinition quota, BoundNode max, SymbolTable symbols, DiagnosticBag diagnostics)
    {
        var quantity = max.Type.Quantity;
        if (quota.IsCount)
        {
            if (quantity == Quantity.Share)
            {
                diagnostics.Add(DiagnosticCodes.QuotaCountIsShare, quota.Max.Span, quota.Max.Text);
            }

            return;
        }

        if (quantity == Quantity.Share)
        {
            return;
        }

        // A plain number may be a share written as a fraction (0.15); one of 1 or more is a share only by accident.
        var value = max switch
        {
            BoundLiteral { Value: decimal literal } => literal,
            BoundParameter parameter when symbols.Parameters.TryGetValue(parameter.Name, out var declared) =>
                declared.Parameter.Values.Select(v => v.Value).Prepend(declared.Parameter.Value).OfType<decimal>().Cast<decimal?>().Max(),
            _ => null,
        };
        // (A literal above 1 is already TDR020, out of 0%–100%.)
        if (quantity != Quantity.Number || (max is BoundParameter && value >= 1) || (max is BoundLiteral && value == 1))
        {
            diagnostics.Add(DiagnosticCodes.QuotaMaxNotShare, quota.Max.Span, quota.Max.Text, DiagnosticCatalog.QuantityTerm(quantity));
        }
    }
}
