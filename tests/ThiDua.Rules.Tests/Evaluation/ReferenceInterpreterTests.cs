using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.PropertyBased;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>
/// The reference interpreter (used by explanations to find the values a criterion is missing) agrees with the compiled
/// delegate and the award kernel, subject by subject, on a fixed expression of every kind: the quick, deterministic
/// companion of the generated comparison in <see cref="ExpressionProperties"/>.
/// </summary>
public sealed class ReferenceInterpreterTests
{
    private static readonly Lazy<SubjectData> Population = new(() => PopulationGenerator.Sample());

    public static TheoryData<string> IndividualExpressions =>
    [
        "rating >= 'HTTNV' && conduct",
        "rating > 'HTNV' || pendingReview",
        "rating < 'HTXSNV' and not conduct",
        "rating <= 'HTNV' or conduct == false",
        "rating == 'HTXSNV' || rating != 'KHTNV'",
        "rating == null || conduct != null",
        "rating in ['HTTNV', 'HTXSNV']",
        "rating not in ['KHTNV', 'HTNV']",
        "!(conduct) ? has('base') : had('base')",
        "disciplinedAtLeast('canh-cao') || disciplinedAtLeast('khien-trach')",
        "initiatives.any(i => i.scope >= 'tinh')",
        "initiatives.all(i => i.recognizedOn != null)",
        "initiatives.count() >= 1",
        "initiatives.count(i => i.scope >= 'co-so') > 0",
        "monthsWorked + bonusPoints > 12",
        "monthsWorked - bonusPoints >= 10",
        "monthsWorked * 2 < 20",
        "monthsWorked / 2 <= 5",
        "(bonusPoints ?? 0) >= 2",
        "(bonusPoints ?? monthsWorked ?? 0) > 3",
        "min(monthsWorked, bonusPoints) > 1",
        "max(monthsWorked, 6) == 12",
        "round(monthsWorked / 7) >= 1",
        "abs(0 - bonusPoints) > 1",
        "floor(monthsWorked / 5) == 2",
        "ceiling(monthsWorked / 5) == 3",
        "streak('base') >= 2",
        "ratingStreak('HTTNV') >= 2",
        "awardCount('base', 3) >= 1",
        "ratingCount('HTXSNV', 3) >= 1 || ratingCount('HTTNV', monthsWorked) >= 2",
        "disciplinedInYear('khien-trach') || !disciplinedInYear('canh-cao')",
        "startDate.year < 2020",
        "startDate < date(2020, 1, 1)",
        "startDate == date(2021, 1, 1) || startDate != asOf && startDate >= date(2022, 6, 1)",
        "yearsSince('base') >= 1",
        "monthsBetween(startDate, asOf) >= 24",
        "year - startDate.year > 5",
        "bonusPoints >= params.cap",
        "15% < 0.2",
        "conduct ? monthsWorked >= 6 : monthsWorked >= 12",
        "monthsWorked + (bonusPoints ?? 0) >= 7",
        "monthsWorked + (bonusPoints ?? 0.0) + (bonusPoints ?? 0) > 6",
        "(bonusPoints ?? 0) + monthsWorked < 9",
        "!(conduct ?? false) || rating >= 'HTXSNV'",
        "(conduct ?? pendingReview) == conduct",
        "conduct != (rating >= 'HTTNV')",
        "(rating >= 'HTTNV') == null",
        "!(rating >= 'HTXSNV' || conduct) && monthsWorked >= 3",
        "(conduct ? monthsWorked : bonusPoints) >= 4",
        "((conduct ? bonusPoints : monthsWorked) ?? 12) >= 6",
        "factIn('bonusPoints', year - 1) >= 3",
        "factIn('conduct', 2022) || factIn('bonusPoints', 2021) + bonusPoints > 6",
        "(factIn('bonusPoints', year) ?? factIn('bonusPoints', 2023) ?? 0) >= 2",
        "initiatives.where(i => i.scope >= 'tinh').count() >= 1",
        "initiatives.where(i => i.recognizedOn != null).all(i => i.scope >= 'co-so')",
        "initiatives.where(i => i.scope != null).where(i => i.recognizedOn != null).any(i => i.scope >= 'tinh')",
    ];

    // Number-valued expressions: compiled and interpreted give the same decimal, to the bit (scale included).
    public static TheoryData<string> IndividualNumbers =>
    [
        "monthsWorked + (bonusPoints ?? 0)",
        "monthsWorked + (bonusPoints ?? 0.0)",
        "(monthsWorked + (bonusPoints ?? 0)) + (bonusPoints ?? 0)",
        "monthsWorked / 4 + (bonusPoints ?? 0)",
        "(conduct ? monthsWorked : bonusPoints) + 0",
    ];

    public static TheoryData<string> UnitExpressions =>
    [
        "movement",
        "rating >= 'HTTNV'",
        "rating < 'HTXSNV'",
        "members.all(m => m.conduct)",
        "members.any(m => m.has('base'))",
        "allMembers.any(m => m.disciplinedAtLeast('canh-cao'))",
        "members.ratio(m => m.has('base')) >= 70%",
        "members.ratio(m => m.has('base')) > 50%",
        "members.ratio(m => m.has('base')) < 0.5",
        "members.ratio(m => m.has('base')) == 1",
        "members.count() > 3",
        "members.count(m => m.has('base')) >= 2",
        "members.sum(m => m.bonusPoints) > 5",
        "members.min(m => m.monthsWorked) >= 6",
        "members.max(m => m.monthsWorked) <= 12",
        "members.avg(m => m.bonusPoints ?? 0) >= 1",
        "allMembers.max(m => m.daysAbsent) < 10",
        "allMembers.count(m => m.rating >= 'HTXSNV') <= members.count() / 5",
        "members.all(m => m.conduct ?? true)",
        "members.any(m => !m.conduct)",
        "members.all(m => m.conduct || m.rating >= 'HTXSNV') || !movement",
        "members.count(m => m.conduct == m.has('base')) >= 1",
        "members.count(m => m.factIn('bonusPoints', year - 1) >= 3) >= 1",
        "members.where(m => m.factIn('conduct', 2022)).count() >= 1",
        "members.where(m => m.conduct).count() >= 2",
        "members.where(m => m.conduct).count(m => m.rating >= 'HTTNV') >= 1",
        "members.where(m => m.rating >= 'HTTNV').ratio(m => m.has('base')) >= 50%",
        "members.where(m => m.conduct).where(m => m.rating >= 'HTNV').any(m => m.has('base'))",
        "members.where(m => m.conduct).all(m => m.rating >= 'HTNV')",
        "allMembers.where(m => m.bonusPoints >= 3).sum(m => m.monthsWorked) >= 10",
        "members.where(m => m.conduct ?? false).avg(m => m.bonusPoints ?? 0) >= 2",
        "members.where(m => m.rating >= 'HTXSNV').min(m => m.monthsWorked) >= 6",
        "members.where(m => m.pendingReview == null).max(m => m.daysAbsent) < 30",
        "subunits.where(u => u.movement).count() >= 1",
        "subunits.where(u => u.members.where(m => m.conduct).count() > 1).all(u => u.movement)",
        "(movement ? members.where(m => m.conduct) : allMembers).count() >= 3",
        "members.where(m => m.initiatives.any(i => i.scope >= 'tinh')).count(m => m.conduct) >= 1",
    ];

    [Theory]
    [MemberData(nameof(IndividualExpressions))]
    public void Individual_CompiledAndInterpreted_AgreeOnEverySubject(string expr) => AssertAgrees(expr, "individual");

    [Theory]
    [MemberData(nameof(UnitExpressions))]
    public void Unit_CompiledAndInterpreted_AgreeOnEverySubject(string expr) => AssertAgrees(expr, "unit");

    [Theory]
    [MemberData(nameof(IndividualNumbers))]
    public void IndividualNumber_CompiledAndInterpreted_AgreeToTheBit(string expr)
    {
        var rules = TestRules.RuleFile(TestRules.Award("probe", "(" + expr + ") >= 0"));
        var compiled = TestRules.Compile(rules);
        var result = compiled.Evaluate(Population.Value, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });
        var frame = (EvalFrame)typeof(EvaluationResult).GetField("_frame", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(result)!;
        var node = ((ThiDua.Rules.Expressions.Binding.BoundBinary)compiled.Awards.Single().Criteria[0].Node!).Left;
        var value = ThiDua.Rules.Compilation.ExpressionCompiler.CompileBoxed(node);
        var interpreter = new ReferenceInterpreter(frame);
        int known = 0, unknown = 0;
        for (var s = 0; s < frame.Population.Individuals.Count; s++)
        {
            var interpreted = (decimal?)interpreter.Evaluate(node, s);
            var actual = (decimal?)value(frame, s);
            Assert.True(interpreted is null ? actual is null : actual is { } a && decimal.GetBits(a).SequenceEqual(decimal.GetBits(interpreted.Value)),
                $"'{expr}' on subject {s}: compiled {actual} and interpreted {interpreted} differ");
            _ = interpreted is null ? unknown++ : known++;
        }

        Assert.True(known > 0 && unknown > 0, $"'{expr}': the sample should give both known ({known}) and unknown ({unknown}) values");
    }

    private static void AssertAgrees(string expr, string subject)
    {
        var rules = TestRules.RuleFile(
            TestRules.Award("base", "rating >= 'HTTNV' && conduct") + "," + TestRules.Award("probe", expr, subject));
        var compiled = TestRules.Compile(rules);
        var result = compiled.Evaluate(Population.Value, EvaluationOptions.Default with { MaxDegreeOfParallelism = 1 });
        var probe = compiled.Awards.Single(a => a.Id == "probe");
        var frame = (EvalFrame)typeof(EvaluationResult).GetField("_frame", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(result)!;
        var interpreter = new ReferenceInterpreter(frame);
        var individual = subject == "individual";
        var count = individual ? frame.Population.Individuals.Count : frame.Population.Units.Count;
        for (var s = 0; s < count; s++)
        {
            var interpreted = (bool?)interpreter.Evaluate(probe.Criteria[0].Node!, s);
            Assert.True(probe.Criteria[0].Evaluate(frame, s) == interpreted, $"'{expr}' on subject {s}: compiled and interpreted differ");
            var id = individual ? frame.Population.Individuals.Id[s] : frame.Population.Units.Id[s];
            var expected = interpreted switch { true => CriterionStatus.Pass, false => CriterionStatus.Fail, _ => CriterionStatus.Unknown };
            Assert.Equal(expected, result.Explain(id, "probe")!.Criteria[0].Status);
        }

        Assert.True(count > 0);
    }
}
