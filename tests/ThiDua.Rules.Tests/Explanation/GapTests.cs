using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Explanation;

/// <summary>What a near miss is missing (shown by <c>thidua explain</c>).</summary>
public sealed class GapTests
{
    private static readonly ExplanationRenderer Vi = new(Language.Vi);
    private static readonly ExplanationRenderer En = new(Language.En);

    private static CriterionResult Failed(object actual, string op, object required, bool percent = false, CriterionStatus status = CriterionStatus.Fail) => new()
    {
        Id = "c",
        Name = "Tiêu chí",
        Basis = "Điều 1",
        Status = status,
        Actual = new ExplainedValue(actual, percent),
        Required = new Requirement(op, new ExplainedValue(required, percent || required is decimal { } d && d < 1)),
    };

    [Theory]
    [InlineData(15, 22, "≥", 0.7, "cần thêm 1 trên 22", "1 more of 22 needed")]   // 16/22 = 72.7%
    [InlineData(14, 20, ">", 0.7, "cần thêm 1 trên 20", "1 more of 20 needed")]   // 14/20 is exactly 70%: strictly more needs 15
    [InlineData(10, 20, "≥", 0.7, "cần thêm 4 trên 20", "4 more of 20 needed")]
    [InlineData(0, 3, "≥", 1.0, "cần thêm 3 trên 3", "3 more of 3 needed")]
    public void Gap_ShareShortOfItsTarget_SaysHowManyMoreSubjectsAreNeeded(long count, long of, string op, double share, string vi, string en)
    {
        var criterion = Failed(new Fraction(count, of), op, (decimal)share);

        Assert.Equal(vi, Vi.Gap(criterion));
        Assert.Equal(en, En.Gap(criterion));
    }

    [Fact]
    public void Gap_ShareThatNoNumberOfSubjectsCanReach_IsNull()
    {
        // More than 100% of 10 cannot be reached by adding members of the same 10.
        Assert.Null(Vi.Gap(Failed(new Fraction(10, 10), ">", 1m)));
    }

    [Theory]
    [InlineData(8, "≥", 10, "còn thiếu 2", "short by 2")]
    [InlineData(10, ">", 10, "cần vượt 10", "must exceed 10")]
    [InlineData(9.5, "≥", 10, "còn thiếu 0,5", "short by 0.5")]
    public void Gap_NumberShortOfItsBound_SaysByHowMuch(double actual, string op, double bound, string vi, string en)
    {
        var criterion = Failed((decimal)actual, op, (decimal)bound);

        Assert.Equal(vi, Vi.Gap(criterion));
        Assert.Equal(en, En.Gap(criterion));
    }

    [Fact]
    public void Gap_NotANearMiss_IsNull()
    {
        Assert.Null(Vi.Gap(Failed(8m, "≥", 10m, status: CriterionStatus.Pass)));
        Assert.Null(Vi.Gap(Failed(8m, "≥", 10m, status: CriterionStatus.Unknown)));
        Assert.Null(Vi.Gap(Failed(12m, "≤", 10m)));
        Assert.Null(Vi.Gap(Failed(12m, "≥", 10m)));
        Assert.Null(Vi.Gap(Failed(10m, "≥", 10m)));
        Assert.Null(Vi.Gap(Failed(0.6m, "≥", 0.7m, percent: true)));
        Assert.Null(Vi.Gap(Failed("HTNV", "≥", "HTTNV")));
        Assert.Throws<ArgumentNullException>(() => Vi.Gap(null!));
    }
}
