using System.Globalization;
using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

public sealed class ExplanationRendererTests
{
    private static readonly ExplanationRenderer Vi = new(Language.Vi);
    private static readonly ExplanationRenderer En = new(Language.En);

    /// <summary>Values and how each is shown in Vietnamese and in English.</summary>
    public static TheoryData<ExplainedValue?, string, string> FormatsAs => new()
    {
        { new ExplainedValue(new Fraction(15, 22)), "68,2% (15/22)", "68.2% (15/22)" },
        { new ExplainedValue(new Fraction(7, 10)), "70% (7/10)", "70% (7/10)" },
        { new ExplainedValue(new Fraction(2, 3)), "66,7% (2/3)", "66.7% (2/3)" },
        { new ExplainedValue(new Fraction(273, 400)), "68,3% (273/400)", "68.3% (273/400)" },
        { new ExplainedValue(new Fraction(22, 22)), "100% (22/22)", "100% (22/22)" },
        { new ExplainedValue(0.7m, IsPercent: true), "70%", "70%" },
        { new ExplainedValue(0.685m, IsPercent: true), "68,5%", "68.5%" },
        { new ExplainedValue(1234.5m), "1.234,5", "1,234.5" },
        { new ExplainedValue(1234567m), "1.234.567", "1,234,567" },
        { new ExplainedValue(12m), "12", "12" },
        { new ExplainedValue(0.25m), "0,25", "0.25" },
        { new ExplainedValue(-3.5m), "-3,5", "-3.5" },
        { new ExplainedValue(new LocalDate(2024, 6, 30)), "30/06/2024", "2024-06-30" },
        { new ExplainedValue(new LocalDate(2025, 1, 5)), "05/01/2025", "2025-01-05" },
        { new ExplainedValue(true), "có", "yes" },
        { new ExplainedValue(false), "không", "no" },
        { new ExplainedValue("HTTNV", Label: "Hoàn thành tốt nhiệm vụ"), "HTTNV", "HTTNV" },
        { new ExplainedValue(null), "(không có dữ liệu)", "(no data)" },
        { null, "(không có dữ liệu)", "(no data)" },
    };

    [Theory]
    [MemberData(nameof(FormatsAs))]
    public void Format_Value_RendersInEachLanguage(ExplainedValue? value, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, Vi.Format(value));
        Assert.Equal(english, En.Format(value));
    }

    [Fact]
    public void Format_UnderAnotherCurrentCulture_UsesItsOwnCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("1.234,5", Vi.Format(new ExplainedValue(1234.5m)));
            Assert.Equal("1,234.5", En.Format(new ExplainedValue(1234.5m)));
            Assert.Equal("30/06/2024", Vi.Format(new ExplainedValue(new LocalDate(2024, 6, 30))));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Format_Requirement_ShowsOperatorAndValue()
    {
        var requirement = new Requirement("≥", new ExplainedValue(0.7m, IsPercent: true));

        Assert.Equal("≥ 70%", Vi.Format(requirement));
        Assert.Equal("≥ 70%", En.Format(requirement));
    }

    [Fact]
    public void Message_FailingRatio_ShowsActualRequiredAndVerdict()
    {
        var criterion = new CriterionResult
        {
            Id = "ty-le-ldtt",
            Name = "Tỷ lệ LĐTT",
            NameEn = "Share at LĐTT",
            Status = CriterionStatus.Fail,
            Actual = new ExplainedValue(new Fraction(15, 22)),
            Required = new Requirement("≥", new ExplainedValue(0.7m, IsPercent: true)),
            Basis = "Luật 06/2022/QH15, Điều 28",
        };

        Assert.Equal("Tỷ lệ LĐTT: 68,2% (15/22) — yêu cầu ≥ 70% (không đạt)", Vi.Message(criterion));
        Assert.Equal("Share at LĐTT: 68.2% (15/22) — required ≥ 70% (fail)", En.Message(criterion));
    }

    [Fact]
    public void Message_PassingComparison_ShowsPass()
    {
        var criterion = new CriterionResult
        {
            Id = "thoi-gian",
            Name = "Số tháng công tác",
            Status = CriterionStatus.Pass,
            Actual = new ExplainedValue(12m),
            Required = new Requirement("≥", new ExplainedValue(10m)),
            Basis = "Nghị định 98/2023/NĐ-CP, Điều 4",
        };

        Assert.Equal("Số tháng công tác: 12 — yêu cầu ≥ 10 (đạt)", Vi.Message(criterion));

        // Without an English name the Vietnamese one is shown.
        Assert.Equal("Số tháng công tác: 12 — required ≥ 10 (pass)", En.Message(criterion));
    }

    [Fact]
    public void Message_UnknownWithMissingValues_ListsThem()
    {
        var criterion = new CriterionResult
        {
            Id = "xep-loai",
            Name = "Xếp loại",
            NameEn = "Rating",
            Status = CriterionStatus.Unknown,
            Actual = null,
            Required = new Requirement("≥", new ExplainedValue("HTTNV")),
            Missing = ["NV001.rating", "NV001.monthsWorked"],
            Basis = "Điều 24",
        };

        Assert.Equal("Xếp loại: (không có dữ liệu) — yêu cầu ≥ HTTNV (chưa đủ dữ liệu); thiếu dữ liệu: NV001.rating, NV001.monthsWorked", Vi.Message(criterion));
        Assert.Equal("Rating: (no data) — required ≥ HTTNV (unknown); missing: NV001.rating, NV001.monthsWorked", En.Message(criterion));
    }

    [Fact]
    public void Message_WithoutComparison_ShowsNameAndVerdictOnly()
    {
        var criterion = new CriterionResult { Id = "c", Name = "Không đang bị xem xét kỷ luật", Status = CriterionStatus.Fail, Basis = "Điều 4" };

        Assert.Equal("Không đang bị xem xét kỷ luật (không đạt)", Vi.Message(criterion));
        Assert.Equal("Không đang bị xem xét kỷ luật (fail)", En.Message(criterion));
    }

    [Fact]
    public void Message_ActualWithoutRequirement_ShowsTheActualValue()
    {
        var criterion = new CriterionResult
        {
            Id = "requires:ldtt",
            Name = "Đạt danh hiệu «LĐTT» trong năm",
            Status = CriterionStatus.Pass,
            Actual = new ExplainedValue(true),
            Basis = "Điều 24",
        };

        Assert.Equal("Đạt danh hiệu «LĐTT» trong năm: có (đạt)", Vi.Message(criterion));
    }

    [Fact]
    public void Message_Target_ShowsActualAndRequired()
    {
        var target = new TargetResult
        {
            Unit = "BQL",
            Target = "lao-dong-tien-tien-tren-80",
            Name = "Trên 80% CBCCVC đạt LĐTT",
            Status = CriterionStatus.Fail,
            Actual = new ExplainedValue(new Fraction(78, 100)),
            Required = new Requirement(">", new ExplainedValue(0.8m, IsPercent: true)),
            Basis = "KH 31/KH-BQLKKT, mục II.1",
        };

        Assert.Equal("Trên 80% CBCCVC đạt LĐTT: 78% (78/100) — yêu cầu > 80% (không đạt)", Vi.Message(target));
        Assert.Equal("Trên 80% CBCCVC đạt LĐTT: 78% (78/100) — required > 80% (fail)", En.Message(target));
    }

    [Theory]
    [InlineData(CriterionStatus.Pass, "đạt", "pass")]
    [InlineData(CriterionStatus.Fail, "không đạt", "fail")]
    [InlineData(CriterionStatus.Unknown, "chưa đủ dữ liệu", "unknown")]
    public void Status_EachStatus_HasAWordInEachLanguage(CriterionStatus status, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, Vi.Status(status));
        Assert.Equal(english, En.Status(status));
    }

    [Theory]
    [InlineData(Outcome.Recommended, "đề nghị", "recommended")]
    [InlineData(Outcome.EligibleOverQuota, "đủ tiêu chuẩn nhưng vượt chỉ tiêu", "eligible, over quota")]
    [InlineData(Outcome.NotEligible, "không đủ tiêu chuẩn", "not eligible")]
    [InlineData(Outcome.InsufficientData, "chưa đủ dữ liệu", "insufficient data")]
    public void Outcome_EachOutcome_HasALabelInEachLanguage(Outcome outcome, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, Vi.Outcome(outcome));
        Assert.Equal(english, En.Outcome(outcome));
    }
}
