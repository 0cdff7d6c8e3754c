using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Syntax;
using Xunit;

namespace ThiDua.Rules.Tests.Evaluation;

/// <summary>The three-valued primitives the compiled criteria call: unknown in, unknown out; overflow is unknown.</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void Compare_EachType_OrdersKnownValuesAndIsUnknownWithANull()
    {
        Assert.Equal(-1, Math.Sign(Runtime.Compare(1m, 2m)!.Value));
        Assert.Null(Runtime.Compare((decimal?)null, 2m));
        Assert.Null(Runtime.Compare(1m, (decimal?)null));

        var sevenTenths = new Fraction(7, 10);
        Assert.Equal(0, Runtime.Compare(sevenTenths, 0.7m));
        Assert.Equal(1, Math.Sign(Runtime.Compare(sevenTenths, 0.69m)!.Value));
        Assert.Equal(-1, Math.Sign(Runtime.Compare(0.69m, sevenTenths)!.Value));
        Assert.Equal(1, Math.Sign(Runtime.Compare(0.71m, sevenTenths)!.Value));
        Assert.Null(Runtime.Compare((Fraction?)null, 0.7m));
        Assert.Null(Runtime.Compare(sevenTenths, (decimal?)null));
        Assert.Null(Runtime.Compare((decimal?)null, sevenTenths));
        Assert.Null(Runtime.Compare(0.7m, (Fraction?)null));
        Assert.Equal(-1, Math.Sign(Runtime.Compare(new Fraction(2, 3), new Fraction(3, 4))!.Value));
        Assert.Null(Runtime.Compare(new Fraction(2, 3), (Fraction?)null));
        Assert.Null(Runtime.Compare((Fraction?)null, new Fraction(2, 3)));

        Assert.Equal(1, Math.Sign(Runtime.Compare(3, 2)!.Value));
        Assert.Null(Runtime.Compare((int?)null, 2));
        Assert.Null(Runtime.Compare(3, (int?)null));
        Assert.Equal(-1, Math.Sign(Runtime.Compare(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2))!.Value));
        Assert.Null(Runtime.Compare((LocalDate?)null, new LocalDate(2024, 1, 2)));
        Assert.Null(Runtime.Compare(new LocalDate(2024, 1, 1), (LocalDate?)null));
        Assert.Equal(1, Math.Sign(Runtime.Compare(true, false)!.Value));
        Assert.Null(Runtime.Compare((bool?)null, false));
        Assert.Null(Runtime.Compare(true, (bool?)null));
        Assert.Equal(-1, Math.Sign(Runtime.Compare("HTNV", "HTTNV")!.Value));
        Assert.Equal(0, Runtime.Compare("a", "a"));
        Assert.Null(Runtime.Compare(null, "a"));
        Assert.Null(Runtime.Compare("a", null));
    }

    [Theory]
    [InlineData((int)BinaryOperator.Equal, false, true, false)]
    [InlineData((int)BinaryOperator.NotEqual, true, false, true)]
    [InlineData((int)BinaryOperator.Less, true, false, false)]
    [InlineData((int)BinaryOperator.LessOrEqual, true, true, false)]
    [InlineData((int)BinaryOperator.Greater, false, false, true)]
    [InlineData((int)BinaryOperator.GreaterOrEqual, false, true, true)]
    public void Test_EachOperator_ReadsTheComparison(int code, bool whenLess, bool whenEqual, bool whenGreater)
    {
        var op = (BinaryOperator)code;
        Assert.Equal(whenLess, Runtime.Test(-1, op));
        Assert.Equal(whenEqual, Runtime.Test(0, op));
        Assert.Equal(whenGreater, Runtime.Test(1, op));
        Assert.Null(Runtime.Test(null, op));
    }

    [Fact]
    public void TruthValues_AreTheCriterionStatusBytes_AndOrderFalseUnknownTrue()
    {
        // Award kernels write a criterion's truth value as its status byte and take the outcome from the minimum.
        Assert.Equal((int)CriterionStatus.Fail, Runtime.False);
        Assert.Equal((int)CriterionStatus.Unknown, Runtime.Unknown);
        Assert.Equal((int)CriterionStatus.Pass, Runtime.True);
        Assert.Equal((int)Outcome.NotEligible, Runtime.False);
        Assert.Equal((int)Outcome.InsufficientData, Runtime.Unknown);
        foreach (var value in new bool?[] { false, null, true })
        {
            Assert.Equal(value, Runtime.FromTri(Runtime.Tri(value)));
        }

        Assert.True(Runtime.False < Runtime.Unknown && Runtime.Unknown < Runtime.True);
    }

    [Fact]
    public void Arithmetic_KnownValues_AreExactAndUnknownSpreads()
    {
        Assert.Equal(5.5m, Runtime.Add(2.25m, 3.25m));
        Assert.Equal(-1m, Runtime.Subtract(2.25m, 3.25m));
        Assert.Equal(7.3125m, Runtime.Multiply(2.25m, 3.25m));
        Assert.Equal(0.25m, Runtime.Divide(1m, 4m));
        Assert.Equal(-2m, Runtime.Negate(2m));
        Assert.Equal(false, Runtime.Not(true));
        Assert.Null(Runtime.Not(null));
        Assert.Null(Runtime.Negate(null));
        foreach (var op in new Func<decimal?, decimal?, decimal?>[] { Runtime.Add, Runtime.Subtract, Runtime.Multiply, Runtime.Divide })
        {
            Assert.Null(op(null, 1m));
            Assert.Null(op(1m, null));
        }
    }

    [Fact]
    public void Arithmetic_BeyondTheDecimalRange_IsUnknownAndLargeButSafeValuesAreExact()
    {
        Assert.Null(Runtime.Add(decimal.MaxValue, 1e28m));
        Assert.Null(Runtime.Subtract(decimal.MinValue, 1e28m));
        Assert.Null(Runtime.Multiply(1e20m, 1e20m));
        Assert.Null(Runtime.Divide(decimal.MaxValue, 0.1m));
        Assert.Null(Runtime.Divide(1m, 0m));
        Assert.Equal(2e27m, Runtime.Add(1e27m, 1e27m));
        Assert.Equal(0m, Runtime.Subtract(1e27m, 1e27m));
        Assert.Equal(1e28m, Runtime.Multiply(1e14m, 1e14m));
        Assert.Equal(-1e28m, Runtime.Multiply(-1e14m, 1e14m));
    }

    [Fact]
    public void Conversions_OfDatesAndFractions_AreUnknownForNull()
    {
        var date = new LocalDate(2024, 2, 29);
        Assert.Equal((2024m, 2m, 29m), (Runtime.DateYear(date), Runtime.DateMonth(date), Runtime.DateDay(date)));
        Assert.Null(Runtime.DateYear(null));
        Assert.Null(Runtime.DateMonth(null));
        Assert.Null(Runtime.DateDay(null));
        Assert.Equal(0.75m, Runtime.ToNumber(new Fraction(3, 4)));
        Assert.Null(Runtime.ToNumber(null));
        Assert.Equal(3m, Runtime.Count(3));
        Assert.Equal("enterprise", Runtime.SubjectKindName(Model.SubjectKind.Enterprise));
        Assert.Equal("unit", Runtime.SubjectKindName(Model.SubjectKind.Unit));
    }

    [Fact]
    public void Small_ReadsTheHighWordOfTheMantissa_AsGetBitsDoes()
    {
        var random = new Random(11);
        var values = new List<decimal> { 0m, 1m, -1m, decimal.MaxValue, decimal.MinValue, 18446744073709551615m, 18446744073709551616m, 0.0000000001m, 1e27m, -1e20m };
        for (var i = 0; i < 10_000; i++)
        {
            values.Add(new decimal(random.Next(), random.Next(), random.Next(4) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(29)));
        }

        Assert.All(values, d => Assert.Equal(decimal.GetBits(d)[2] == 0, Runtime.Small(d)));
    }

    [Fact]
    public void Add_AnyTwoDecimals_GivesTheSameBitsAsDecimalAddition()
    {
        var random = new Random(23);
        decimal Any() => random.Next(6) switch
        {
            0 => 0m,
            1 => new decimal(0, 0, 0, random.Next(2) == 0, (byte)random.Next(29)),
            2 => new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29)),
            _ => new decimal(random.Next(), random.Next(3) == 0 ? random.Next() : 0, 0, random.Next(2) == 0, (byte)random.Next(29)),
        };

        for (var i = 0; i < 50_000; i++)
        {
            var (x, y) = (Any(), Any());
            Assert.Equal(Bits(Exact(() => x + y)), Bits(Runtime.Add(x, y)));
        }

        static string Bits(decimal? d) => d is { } v ? string.Join(",", decimal.GetBits(v)) : "null";
    }

    [Theory]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("-18446744073709551615", "-18446744073709551615")]
    [InlineData("39614081257132168796771975167", "-1")]
    [InlineData("79228162514264337593543950335", "-79228162514264337593543950335")]
    public void AddAndSubtract_AtAndBeyondTheFastPath_GiveTheExactResultOrUnknownOnOverflow(string x, string y)
    {
        var a = decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture);
        var b = decimal.Parse(y, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Exact(() => a + b), Runtime.Add(a, b));
        Assert.Equal(Exact(() => a - b), Runtime.Subtract(a, b));
    }

    private static decimal? Exact(Func<decimal> operation)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
