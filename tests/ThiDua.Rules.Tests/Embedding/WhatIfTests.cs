using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// What-if through the public API: the national pack's parameters overridden per evaluation, without editing files,
/// on one shared compiled rule set; <see cref="OutcomeDiff"/> shows what the change does.
/// </summary>
public sealed class WhatIfTests
{
    private static readonly Lazy<CompiledRuleSet> NationalPack2024 = new(() =>
        RuleSetCompiler.Compile(RuleSetLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn")).GetValueOrThrow()
            .Select(new LocalDate(2024, 12, 31)).GetValueOrThrow()).GetValueOrThrow());

    private static SubjectData Sample() =>
        SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json")).GetValueOrThrow();

    private static EvaluationOptions With(string parameter, object? value) =>
        EvaluationOptions.Default with { Parameters = ImmutableDictionary<string, object?>.Empty.Add(parameter, value) };

    [Fact]
    public void Evaluate_ShorterMinimumService_RecommendsANewcomerWithoutChangingTheRuleSet()
    {
        var newcomer = new Individual { Id = "NV900", Name = "Người mới", Rating = "HTXSNV", MonthsWorked = 4, Facts = ImmutableDictionary<string, object?>.Empty.Add("conduct", true) };
        var data = new SubjectData { Year = 2024, Individuals = [newcomer] };

        var asWritten = NationalPack2024.Value.Evaluate(data);
        var whatIf = NationalPack2024.Value.Evaluate(data, With("ldttSoThangToiThieu", 3m));

        Assert.Equal(Outcome.NotEligible, asWritten.GetOutcome("NV900", "lao-dong-tien-tien"));
        Assert.Equal(Outcome.Recommended, whatIf.GetOutcome("NV900", "lao-dong-tien-tien"));
        Assert.Equal(6m, NationalPack2024.Value.RuleSet.Parameters.Single(p => p.Id == "ldttSoThangToiThieu").Value);
    }

    [Fact]
    public void Compare_LocalCapOnChienSiThiDuaCoSo_PushesSubjectsOverTheQuota()
    {
        var data = Sample();

        var changes = OutcomeDiff.Compare(NationalPack2024.Value.Evaluate(data), NationalPack2024.Value.Evaluate(data, With("cstdcsMaxShareOfLdtt", "15%")));

        // The cap only takes CSTĐCS away (over the quota, or undecided where the quota's base is unknown); the awards
        // that build on CSTĐCS follow, and the criteria of LĐTT are untouched.
        var capped = changes.Where(c => c.Award == "chien-si-thi-dua-co-so").ToList();
        Assert.Contains(capped, c => c.After == Outcome.EligibleOverQuota);
        Assert.All(capped, change =>
        {
            Assert.Equal(Outcome.Recommended, change.Before);
            Assert.Contains(change.After, new[] { Outcome.EligibleOverQuota, Outcome.InsufficientData });
        });
        Assert.DoesNotContain(changes, c => c.Award == "lao-dong-tien-tien");
    }

    [Fact]
    public void Evaluate_MisspeltParameter_ThrowsWithTheCodeAndADidYouMean()
    {
        var ex = Assert.Throws<RuleSetValidationException>(() => NationalPack2024.Value.Evaluate(Sample(), With("ldttSoThangToiThieuu", 3m)));

        var diagnostic = Assert.Single(ex.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnknownParameter, diagnostic.Code);
        Assert.Equal("ldttSoThangToiThieu", diagnostic.Suggestion);
    }

    [Fact]
    public void CheckData_ParameterOfTheWrongType_IsReportedWithoutEvaluating()
    {
        var report = NationalPack2024.Value.CheckData(Sample(), With("ldttLoaiTruKyLuat", "có"));

        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors, d => d.Code == DiagnosticCodes.OverrideInvalid);
        Assert.StartsWith("giá trị thay thế ldttLoaiTruKyLuat=có: không phải giá trị đúng kiểu của tham số", error.Message(Language.Vi), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckData_ShareWithoutPercentSign_IsRefusedWithTheFix()
    {
        var report = NationalPack2024.Value.CheckData(Sample(), With("cstdcsMaxShareOfLdtt", "12"));

        var error = Assert.Single(report.Errors);
        Assert.Equal(DiagnosticCodes.OverrideInvalid, error.Code);
        Assert.Equal("cstdcsMaxShareOfLdtt=12%", error.Suggestion);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(12)]
    public void CheckData_ShareAsNumberAboveOne_IsRefused(double share)
    {
        var report = NationalPack2024.Value.CheckData(Sample(), With("cstdcsMaxShareOfLdtt", (decimal)share));

        Assert.Contains(report.Errors, d => d.Code == DiagnosticCodes.OverrideInvalid);
    }

    [Fact]
    public void CheckData_ShareAsFractionOrPercentText_IsAccepted()
    {
        Assert.True(NationalPack2024.Value.CheckData(Sample(), With("cstdcsMaxShareOfLdtt", 0.12m)).Succeeded);
        Assert.True(NationalPack2024.Value.CheckData(Sample(), With("cstdcsMaxShareOfLdtt", "12%")).Succeeded);
    }
}
