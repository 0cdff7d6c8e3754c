using System.Diagnostics;
using NodaTime;
using RulesEngine.Models;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks;

/// <summary>
/// The peer: the LĐTT criteria of the 2024 national pack (not under review, rated HTTNV or better, conduct, at least 6
/// months counting leave and prior service, not disciplined) as a Microsoft RulesEngine 6.0.1 workflow, run on the same
/// people the way an HR system built on RulesEngine would: a typed input object per person (missing values become
/// the type's default, as they do there), <c>ExecuteAllRulesAsync</c>, eligible when every rule succeeds.
/// </summary>
internal sealed class RulesEnginePeer
{
    private const string WorkflowName = "LaoDongTienTien";

    /// <summary>The workflow, written as a RulesEngine user writes it.</summary>
    private static readonly Workflow Workflow = new()
    {
        WorkflowName = WorkflowName,
        Rules =
        [
            new Rule { RuleName = "KhongDangXemXetKyLuat", Expression = "input1.PendingReview == false" },
            new Rule { RuleName = "XepLoai", Expression = "input1.RatingLevel >= 2" },
            new Rule { RuleName = "TuLucDoanKet", Expression = "input1.Conduct == true" },
            new Rule { RuleName = "ThoiGianCongTac", Expression = "input1.MonthsWorked + input1.MaternityLeaveMonths + input1.TrainingMonths + input1.InjuryTreatmentMonths + input1.PreviousServiceMonths >= 6" },
            new Rule { RuleName = "KhongBiKyLuat", Expression = "input1.Disciplined == false" },
        ],
    };

    private readonly global::RulesEngine.RulesEngine _engine;
    private readonly RuleParameter[][] _inputs;

    private RulesEnginePeer(ReSettings settings, SubjectData data)
    {
        _engine = new global::RulesEngine.RulesEngine([Workflow], settings);
        _inputs = [.. data.Individuals.Select(p => new[] { new RuleParameter("input1", Input(p, data)) })];
    }

    /// <summary>RulesEngine with its default settings.</summary>
    public static RulesEnginePeer Default(SubjectData data) => new(new ReSettings(), data);

    /// <summary>
    /// The fastest settings found on this data: FastExpressionCompiler, nested rules in performance mode, no scoped
    /// parameters, no automatic type registration, no formatted error messages, and the input parameters created once.
    /// </summary>
    public static RulesEnginePeer Fastest(SubjectData data) => new(new ReSettings
    {
        UseFastExpressionCompiler = true,
        NestedRuleExecutionMode = NestedRuleExecutionMode.Performance,
        EnableScopedParams = false,
        AutoRegisterInputType = false,
        EnableFormattedErrorMessage = false,
        AutoExecuteActions = false,
    }, data);

    /// <summary>Every person's verdict: true when every rule of the workflow succeeded.</summary>
    public bool[] Evaluate()
    {
        var eligible = new bool[_inputs.Length];
        for (var i = 0; i < _inputs.Length; i++)
        {
            // RulesEngine's API is asynchronous; its rules here complete synchronously, as an HR system's call would wait.
            var pending = _engine.ExecuteAllRulesAsync(WorkflowName, _inputs[i]);
            var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            var all = true;
            foreach (var result in results)
            {
                all &= result.IsSuccess;
            }

            eligible[i] = all;
        }

        return eligible;
    }

    /// <summary>
    /// Compares with the engine's LĐTT outcomes: where no data is missing (the engine decided), RulesEngine must agree;
    /// where data is missing, counts how often RulesEngine said "not eligible" instead of "insufficient data".
    /// </summary>
    public static (int Compared, int MissingSaidNotEligible, int MissingSaidEligible) Check(bool[] peer, EvaluationResult engine, SubjectData data)
    {
        int compared = 0, notEligible = 0, eligible = 0;
        for (var i = 0; i < peer.Length; i++)
        {
            var outcome = engine.GetOutcome(data.Individuals[i].Id, "lao-dong-tien-tien");
            if (outcome == Outcome.InsufficientData)
            {
                if (peer[i])
                {
                    eligible++;
                }
                else
                {
                    notEligible++;
                }

                continue;
            }

            if ((outcome is Outcome.Recommended or Outcome.EligibleOverQuota) != peer[i])
            {
                throw new InvalidOperationException($"lao-dong-tien-tien for {data.Individuals[i].Id}: engine {outcome}, RulesEngine {(peer[i] ? "eligible" : "not eligible")}");
            }

            compared++;
        }

        return (compared, notEligible, eligible);
    }

    /// <summary>The person as an HR system's typed object; a missing value is the type's default, as in RulesEngine.</summary>
    private static LdttInput Input(Individual p, SubjectData data)
    {
        decimal Fact(string name) => p.Facts.TryGetValue(name, out var v) && v is decimal d ? d : 0m;
        var asOf = data.AsOf ?? new LocalDate(data.Year, 12, 31);
        var months = p.MonthsWorked ?? Months(p.StartDate, data.Year, asOf) ?? 0m;
        return new LdttInput
        {
            PendingReview = p.PendingReview == true,
            RatingLevel = p.Rating switch { "KHTNV" => 0, "HTNV" => 1, "HTTNV" => 2, "HTXSNV" => 3, _ => -1 },
            Conduct = p.Facts.TryGetValue("conduct", out var c) && c is true,
            MonthsWorked = months,
            MaternityLeaveMonths = Fact("maternityLeaveMonths"),
            TrainingMonths = Fact("trainingMonths"),
            InjuryTreatmentMonths = Fact("injuryTreatmentMonths"),
            PreviousServiceMonths = Fact("previousServiceMonths"),
            Disciplined = p.Discipline is { } d && d.InForceDuring(data.Year) != false,
        };
    }

    // As the hand-written baseline derives it (monthsWorked from startDate when absent).
    private static decimal? Months(LocalDate? start, int year, LocalDate asOf)
    {
        if (start is null)
        {
            return null;
        }

        var from = start.Value > new LocalDate(year, 1, 1) ? start.Value : new LocalDate(year, 1, 1);
        var end = new LocalDate(year, 12, 31);
        var to = (asOf < end ? asOf : end).PlusDays(1);
        return to <= from ? 0 : Period.Between(from, to, PeriodUnits.Months).Months;
    }

    /// <summary>Times one pass.</summary>
    public double Time(out bool[] result)
    {
        var watch = Stopwatch.StartNew();
        result = Evaluate();
        watch.Stop();
        return watch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>One person, typed as an HR system would hand it to RulesEngine.</summary>
public sealed class LdttInput
{
    /// <summary>Under disciplinary review.</summary>
    public bool PendingReview { get; init; }

    /// <summary>0 KHTNV … 3 HTXSNV; -1 when not rated.</summary>
    public int RatingLevel { get; init; }

    /// <summary>Self-reliance, solidarity, active in the movements.</summary>
    public bool Conduct { get; init; }

    /// <summary>Months worked in the year.</summary>
    public decimal MonthsWorked { get; init; }

    /// <summary>Months of maternity leave.</summary>
    public decimal MaternityLeaveMonths { get; init; }

    /// <summary>Months of training.</summary>
    public decimal TrainingMonths { get; init; }

    /// <summary>Months of treatment for an injury.</summary>
    public decimal InjuryTreatmentMonths { get; init; }

    /// <summary>Months of continuous prior service.</summary>
    public decimal PreviousServiceMonths { get; init; }

    /// <summary>A discipline in force during the year.</summary>
    public bool Disciplined { get; init; }
}
