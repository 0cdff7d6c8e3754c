using System.Collections.Immutable;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Resolves the criteria that use a common criterion (<c>{ "use": "chap-hanh-phap-luat" }</c>): each becomes the rule
/// set's common criterion of that id, with the id, name, basis and note written where it is used when given. A rule set
/// that extends nothing is resolved when loaded; one that extends another after the merge, against the merged common
/// criteria, so that a plan's change of a common criterion reaches the base's awards that use it.
/// </summary>
internal static class CommonCriterionUses
{
    public static RuleSet Resolve(RuleSet ruleSet, DiagnosticBag diagnostics)
    {
        foreach (var common in ruleSet.CommonCriteria.Where(c => c.Use is not null))
        {
            diagnostics.Add(DiagnosticCodes.CommonCriterionConflict, common.Span, common.Id, common.Use!, "use");
        }

        if (!ruleSet.Awards.Any(a => a.Criteria.Any(c => c.Use is not null)))
        {
            return ruleSet;
        }

        var byId = new Dictionary<string, CriterionDefinition>(StringComparer.Ordinal);
        foreach (var common in ruleSet.CommonCriteria.Where(c => c.Use is null))
        {
            byId.TryAdd(common.Id, common);
        }

        return ruleSet with { Awards = [.. ruleSet.Awards.Select(a => a.Criteria.Any(c => c.Use is not null) ? a with { Criteria = Resolve(a.Criteria, byId, diagnostics) } : a)] };
    }

    private static ImmutableArray<CriterionDefinition> Resolve(ImmutableArray<CriterionDefinition> criteria, Dictionary<string, CriterionDefinition> byId, DiagnosticBag diagnostics)
    {
        var resolved = ImmutableArray.CreateBuilder<CriterionDefinition>(criteria.Length);
        foreach (var criterion in criteria)
        {
            var site = criterion.UseSite ?? criterion;
            if (site.Use is not { } use)
            {
                resolved.Add(criterion);
            }
            else if (byId.TryGetValue(use, out var common))
            {
                resolved.Add(common with
                {
                    Id = site.Id,
                    Name = site.Name ?? common.Name,
                    NameEn = site.NameEn ?? common.NameEn,
                    Basis = site.Basis.Length > 0 ? site.Basis : common.Basis,
                    Note = site.Note ?? common.Note,
                    Use = use,
                    UseSite = site,
                    Span = site.Span,
                });
            }
            else
            {
                // Reported, and left out: an award missing one of its criteria is never evaluated (the error stops it).
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownCommonCriterion, site.Span, Suggestions.Closest(use, byId.Keys),
                    site.Id, use, byId.Count == 0 ? "—" : string.Join(", ", byId.Keys.Order(StringComparer.Ordinal))));
            }
        }

        return resolved.ToImmutable();
    }
}
