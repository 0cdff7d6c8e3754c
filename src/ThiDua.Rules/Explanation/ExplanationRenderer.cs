using System.Globalization;
using NodaTime;
using NodaTime.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// Turns evidence into text for people, in Vietnamese (default) or English, with Vietnamese number formatting
/// (<c>68,2%</c>, <c>1.234,5</c>). Uses an explicit culture, never the current one.
/// </summary>
/// <remarks>Immutable and thread-safe; create one per language and share it. Every method is cheap (string
/// formatting only) and never throws for a result the library produced.</remarks>
public sealed class ExplanationRenderer
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private readonly CultureInfo _culture;

    /// <summary>Creates a renderer for <paramref name="language"/>.</summary>
    /// <param name="language">Vietnamese (<c>vi-VN</c> number formats) or English (invariant formats).</param>
    public ExplanationRenderer(Language language)
    {
        Language = language;
        _culture = language == Language.Vi ? Vietnamese : CultureInfo.InvariantCulture;
    }

    /// <summary>The language rendered.</summary>
    public Language Language { get; }

    /// <summary>Formats a value: percentages with one decimal (<c>68,2% (15/22)</c>), scale levels by id, dates as dd/MM/yyyy.</summary>
    /// <param name="value">The value; null or an unknown value gives "(không có dữ liệu)" / "(no data)".</param>
    /// <returns>The text.</returns>
    public string Format(ExplainedValue? value)
    {
        if (value?.Value is not { } v)
        {
            if (value?.Never == true)
            {
                return ReportCatalog.Get("explain.never", Language);
            }

            return ReportCatalog.Get("explain.no-data", Language);
        }

        return v switch
        {
            Fraction f => Percent(f.ToDecimal()) + " (" + f.Numerator.ToString(CultureInfo.InvariantCulture) + "/" + f.Denominator.ToString(CultureInfo.InvariantCulture) + ")",
            decimal d when value.IsPercent => Percent(d),
            decimal d => Number(d),
            bool b => ReportCatalog.Get(b ? "explain.yes" : "explain.no", Language),
            LocalDate date => Language == Language.Vi
                ? LocalDatePattern.Create("dd/MM/yyyy", CultureInfo.InvariantCulture).Format(date)
                : LocalDatePattern.Iso.Format(date),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>Where a parameter's value comes from: <c>áp dụng từ 01/07/2024; Nghị định …</c> for a dated value, its
    /// basis for an undated one, <c>đặt cho lần chạy này (--set)</c> for an override.</summary>
    /// <param name="parameter">The parameter in force.</param>
    /// <returns>The text.</returns>
    internal string Origin(ParameterInForce parameter)
    {
        if (parameter.Overridden)
        {
            return ReportCatalog.Format("parameter.set-here", Language);
        }

        var basis = parameter.Basis ?? ReportCatalog.Format("parameter.no-basis", Language);
        return parameter.From is { } from ? ReportCatalog.Format("parameter.from", Language, Format(new ExplainedValue(from)), basis) : basis;
    }

    /// <summary>A parameter's value as printed: a share as a percentage, null as "không đặt".</summary>
    /// <param name="parameter">The parameter in force.</param>
    /// <returns>The text.</returns>
    internal string Value(ParameterInForce parameter) =>
        parameter.Value is null ? ReportCatalog.Format("diff.unset", Language) : Format(new ExplainedValue(parameter.Value, parameter.IsShare && parameter.Value is decimal));

    private string Percent(decimal share)
    {
        var percent = Math.Round(share * 100m, 1, MidpointRounding.AwayFromZero);
        return percent.ToString(percent == decimal.Truncate(percent) ? "#,##0" : "#,##0.0", _culture) + "%";
    }

    private string Number(decimal d) => d.ToString(d == decimal.Truncate(d) ? "#,##0" : "#,##0.##########", _culture);

    /// <summary>The word for a status: đạt / không đạt / chưa đủ dữ liệu (pass / fail / unknown).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public string Status(CriterionStatus status) => ReportCatalog.Get(status switch
    {
        CriterionStatus.Pass => "explain.status-pass",
        CriterionStatus.Fail => "explain.status-fail",
        _ => "explain.status-unknown",
    }, Language);

    /// <summary>The label of an outcome: đề nghị / không đủ tiêu chuẩn / … (recommended / not eligible / …).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The label.</returns>
    public string Outcome(Outcome outcome) => ReportCatalog.Get(outcome switch
    {
        Evaluation.Outcome.Recommended => "explain.outcome-recommended",
        Evaluation.Outcome.EligibleOverQuota => "explain.outcome-over-quota",
        Evaluation.Outcome.InsufficientData => "explain.outcome-insufficient-data",
        _ => "explain.outcome-not-eligible",
    }, Language);

    /// <summary>A requirement: <c>≥ 70%</c>.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <returns>The operator and the formatted value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requirement"/> is null.</exception>
    public string Format(Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.Operator + " " + Format(requirement.Value);
    }

    /// <summary>
    /// One criterion as a line: <c>Tỷ lệ LĐTT: 68,2% (15/22) — yêu cầu ≥ 70% (không đạt)</c>, with the missing values
    /// for an unknown verdict.
    /// </summary>
    /// <param name="criterion">The criterion's verdict and evidence.</param>
    /// <returns>The line (English uses the criterion's English name when the rule file gives one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    public string Message(CriterionResult criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var name = Language == Language.En && criterion.NameEn is not null ? criterion.NameEn : criterion.Name;
        return Message(name, criterion.Status, criterion.Actual, criterion.Required, criterion.Missing, criterion.AlsoCompared);
    }

    /// <summary>
    /// For a near miss, what is missing: the gap between a failed numeric comparison's actual and required values
    /// ("còn thiếu 2"), or for a share the number of further subjects needed ("cần thêm 1 trên 22"). Null otherwise.
    /// </summary>
    /// <param name="criterion">The criterion's verdict and evidence.</param>
    /// <returns>The gap, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterion"/> is null.</exception>
    public string? Gap(CriterionResult criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        if (criterion.Status != CriterionStatus.Fail || criterion.Required is not { Operator: "≥" or ">" } required)
        {
            return null;
        }

        var strict = required.Operator == ">";
        switch (criterion.Actual?.Value, required.Value.Value)
        {
            case (Fraction f, decimal share):
                // The smallest k with (n + k) / d meeting the share; exact decimal arithmetic.
                var needed = share * f.Denominator;
                var target = strict ? Math.Floor(needed) + 1 : Math.Ceiling(needed);
                var more = (long)target - f.Numerator;
                return more <= 0 || target > f.Denominator
                    ? null
                    : ReportCatalog.Format("explain.gap-share", Language, more.ToString(CultureInfo.InvariantCulture), f.Denominator.ToString(CultureInfo.InvariantCulture));
            case (decimal actual, decimal bound) when !criterion.Actual!.IsPercent:
                var gap = bound - actual;
                if (gap < 0 || (gap == 0 && !strict))
                {
                    return null;
                }

                return gap == 0 ? ReportCatalog.Format("explain.gap-exceed", Language, Number(bound)) : ReportCatalog.Format("explain.gap-short", Language, Number(gap));
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a pair is a near miss, worth showing a council by default: not eligible because of exactly one criterion
    /// (not a prerequisite award), nothing unknown, and that criterion a numeric comparison with a gap to close
    /// (<see cref="Gap"/>, for example "còn thiếu 2" or "cần thêm 1 trên 22").
    /// </summary>
    /// <param name="result">The pair.</param>
    /// <returns>True for a near miss.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public bool IsNearMiss(AwardResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome != Evaluation.Outcome.NotEligible || result.Criteria.Any(c => c.Status == CriterionStatus.Unknown))
        {
            return false;
        }

        var failed = result.Criteria.Where(c => c.Status == CriterionStatus.Fail).ToList();
        return failed.Count == 1 && !failed[0].Id.StartsWith("requires:", StringComparison.Ordinal) && Gap(failed[0]) is not null;
    }

    /// <summary>One target as a line, like <see cref="Message(CriterionResult)"/>.</summary>
    /// <param name="target">The target's status and evidence.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public string Message(TargetResult target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Message(target.Name, target.Status, target.Actual, target.Required, target.Missing, target.AlsoCompared);
    }

    private string Message(string name, CriterionStatus status, ExplainedValue? actual, Requirement? required, IReadOnlyCollection<string> missing,
        IReadOnlyList<ComparisonResult> also)
    {
        var text = name;
        if (required is not null)
        {
            var shown = ReportCatalog.Format("explain.required", Language, Format(actual), Format(required));
            text += ": " + shown;
            foreach (var other in also.Select(o => ReportCatalog.Format("explain.required", Language, Format(o.Actual), Format(o.Required))).Distinct())
            {
                if (other != shown)
                {
                    text += "; " + other;
                }
            }
        }
        else if (actual is not null)
        {
            text += ": " + Format(actual);
        }

        text += " (" + Status(status) + ")";
        if (missing.Count > 0)
        {
            text += ReportCatalog.Format("explain.missing", Language, string.Join(", ", missing));
        }

        return text;
    }
}
