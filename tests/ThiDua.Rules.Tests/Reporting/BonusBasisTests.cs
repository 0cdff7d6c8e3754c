using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

/// <summary>
/// The basis cell of the bonus totals (HTML and XLSX) names where the base salary comes from: the national pack's
/// dated <c>mucLuongCoSo</c> in force on the as-of date with its date and basis, or the value set for the run.
/// </summary>
public sealed class BonusBasisTests
{
    private static EvaluationResult EvaluateSample(LocalDate asOf, ImmutableDictionary<string, object?>? parameters = null)
    {
        var root = ShippedRulesTests.RepositoryRoot;
        var data = SubjectDataLoader.Load(Path.Combine(root, "rules", "samples", "ban-quan-ly-2024.json")).GetValueOrThrow();
        var library = RuleSetLoader.Load(Path.Combine(root, "rules", "vn")).GetValueOrThrow();
        var rules = RuleSetCompiler.Compile(library.Select(asOf).GetValueOrThrow()).GetValueOrThrow();
        return rules.Evaluate(data, EvaluationOptions.Default with { AsOf = asOf, Parameters = parameters ?? ImmutableDictionary<string, object?>.Empty });
    }

    private static string Html(EvaluationResult result)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(result, writer, ResultInclusion.Decided, Language.Vi);
        return writer.ToString();
    }

    private static List<string> XlsxBasisCells(EvaluationResult result)
    {
        using var stream = new MemoryStream();
        XlsxResultWriter.Write(result, stream, ResultInclusion.Decided, Language.Vi);
        using var book = new XlsxResultWriterTests.Book(stream.ToArray());
        var rows = book.Rows("Tiền thưởng theo hình thức");
        var column = Array.IndexOf(rows[0], "Căn cứ");
        return [.. rows.Skip(1).Select(r => r[column]).Where(c => c.Length > 0)];
    }

    [Theory]
    [InlineData(2024, 12, 31, "01/07/2024")]
    [InlineData(2024, 3, 31, "01/07/2023")]
    public void Write_DatedBaseSalary_BasisCellSaysTheValueInForceItsDateAndBasis(int year, int month, int day, string from)
    {
        var result = EvaluateSample(new LocalDate(year, month, day));
        var salary = Assert.Single(result.ParametersInForce, p => p.Id == "mucLuongCoSo");
        Assert.True(salary.Dated);
        Assert.False(string.IsNullOrWhiteSpace(salary.Basis));
        var expected = "Nghị định 98/2023/NĐ-CP, Điều 54; mức lương cơ sở: áp dụng từ " + from + "; " + salary.Basis;

        var html = Html(result);
        var cells = XlsxBasisCells(result);

        Assert.Contains("<td class=\"basis-cell\">" + expected + "</td>", html, StringComparison.Ordinal);
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal(expected, c));
    }

    [Fact]
    public void Write_BaseSalarySetForTheRun_BasisCellSaysSo()
    {
        var result = EvaluateSample(new LocalDate(2024, 12, 31), ImmutableDictionary<string, object?>.Empty.Add("mucLuongCoSo", 2_000_000m));

        var cells = XlsxBasisCells(result);

        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal("Nghị định 98/2023/NĐ-CP, Điều 54; mức lương cơ sở: đặt cho lần chạy này (--set)", c));
    }
}
