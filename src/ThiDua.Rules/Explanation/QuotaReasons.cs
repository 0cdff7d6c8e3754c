using System.Globalization;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Model;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// The reason a council can read for a subject cut by a quota: the cap (a parameter's name and value, or the share
/// written in the rule), the computation with its rounding (<c>12% × 14 = 1,68 → 1 suất, làm tròn xuống</c>), the
/// subject's rank against the places, the ranking keys, and the cap's own basis (a plan's, when a plan sets it).
/// </summary>
/// <remarks>Built only for the pairs cut by a quota, when their result is read; a few delegate calls each.</remarks>
internal static class QuotaReasons
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static CriterionResult Cut(CompiledRuleSet compiled, EvalFrame frame, CompiledAward award, CompiledQuota quota, int subject, int rank, int slots)
    {
        var definition = quota.Definition;
        var population = frame.Population;
        var individual = award.Subject == SubjectKind.Individual;
        var own = individual ? population.Individuals.Unit[subject] : population.Units.Parent[subject];
        var unit = definition.Per switch
        {
            QuotaScope.Unit => own,
            QuotaScope.Agency when own >= 0 => population.Units.Root[own],
            _ => -1,
        };
        var max = quota.Max?.Invoke(frame, quota.MaxIsConstant ? -1 : unit);
        // Without "of" the share is of the group's subjects (as the allocator counts them), so the computation still
        // reads "12% × 14 = 1,68 → 1".
        var size = definition.IsCount ? null
            : quota.Of is null ? GroupSize(frame, award, definition.Per, subject)
            : unit < 0 ? null : quota.Of(frame, unit);

        // The cap: a parameter by name (its value may come from a plan or from --set), or the rule's own value.
        var parameter = quota.MaxNode is BoundParameter p && compiled.Symbols.Parameters.TryGetValue(p.Name, out var declared) ? declared.Parameter : null;
        string Cap(Language language) => (parameter is null ? "" : "params." + parameter.Id + " = ")
            + (max is not { } m ? Word("quota.unset", language) : definition.IsCount ? Number(m, language) : Percent(m, language));

        string Text(Language language)
        {
            var rounding = Word(definition.Rounding switch
            {
                QuotaRounding.Floor => "quota.floor",
                QuotaRounding.Ceiling => "quota.ceiling",
                _ => "quota.nearest",
            }, language);
            var computation = max is { } share && size is { } n && !definition.IsCount
                ? Word("quota.computation", language, Cap(language), Number(n, language), Number(share * n, language), slots, rounding)
                : Word("quota.places", language, Cap(language), slots);
            var keys = definition.RankBy.Length == 0
                ? ""
                : Word("quota.keys", language, string.Join(", ", definition.RankBy.Select(k => k.Expr.Text + " " + Word(k.Descending ? "quota.desc" : "quota.asc", language))));
            return Word("quota.cut", language, computation, keys);
        }

        // The value in force on the decision's date (a dated parameter) with that value's own basis.
        var overridden = parameter is not null && max is { } value && !Equals(parameter.ValueOn(population.AsOf), value);
        var basis = parameter?.BasisOn(population.AsOf) is { } parameterBasis && !overridden
            ? parameterBasis + (definition.Basis is { } quotaBasis && quotaBasis != parameterBasis ? "; " + quotaBasis : "")
            : definition.Basis ?? award.Definition.Basis;
        if (overridden)
        {
            basis = Word("quota.override", Language.Vi, "params." + parameter!.Id) + "; " + basis;
        }

        return new CriterionResult
        {
            Id = "quota",
            Name = Text(Language.Vi),
            NameEn = Text(Language.En),
            Status = CriterionStatus.Fail,
            Actual = new ExplainedValue((decimal)rank),
            Required = new Requirement("≤", new ExplainedValue((decimal)slots)),
            Basis = basis,
        };
    }

    /// <summary>The subjects of the award's quota group (unit, agency, cluster or all) that the award applies to.</summary>
    private static decimal? GroupSize(EvalFrame frame, CompiledAward award, QuotaScope per, int subject)
    {
        if (frame.Outcomes[award.Index] is not { } outcomes)
        {
            return null;
        }

        var population = frame.Population;
        var individual = award.Subject == SubjectKind.Individual;
        (int, string?) Key(int s)
        {
            var unit = individual ? population.Individuals.Unit[s] : population.Units.Parent[s];
            return per switch
            {
                QuotaScope.Unit => (unit, null),
                QuotaScope.Agency => (unit < 0 ? -1 : population.Units.Root[unit], null),
                QuotaScope.Cluster => (0, individual ? (unit < 0 ? "" : population.Units.Cluster[unit] ?? "") : population.Units.Cluster[s] ?? ""),
                _ => (0, null),
            };
        }

        var key = Key(subject);
        var count = 0;
        for (var s = 0; s < outcomes.Length; s++)
        {
            if (outcomes[s] != Evaluator.NotApplicable && Key(s) == key)
            {
                count++;
            }
        }

        return count;
    }

    private static string Word(string key, Language language, params object?[] arguments) => ReportCatalog.Format(key, language, arguments);

    private static string Number(decimal value, Language language) =>
        value.ToString(value == decimal.Truncate(value) ? "#,##0" : "#,##0.##", language == Language.Vi ? Vietnamese : CultureInfo.InvariantCulture);

    private static string Percent(decimal share, Language language) => Number(share * 100m, language) + "%";
}
