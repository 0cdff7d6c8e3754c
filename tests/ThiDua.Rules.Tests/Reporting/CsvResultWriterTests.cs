using System.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

public sealed class CsvResultWriterTests
{
    private static readonly string[] Header =
        ["subject", "name", "subjectKind", "unit", "award", "awardName", "outcome", "rank", "quotaPlaces", "reasons", "basis", "supersededBy", "council", "position", "proposalCheck"];

    private static readonly string[] VietnameseHeader =
        ["Mã", "Họ tên / Tên", "Đối tượng", "Đơn vị", "Mã danh hiệu", "Tên danh hiệu", "Kết quả", "Hạng", "Số suất", "Lý do", "Căn cứ", "Đề nghị hình thức cao hơn", "Hội đồng", "Chức vụ", "Đối chiếu đề nghị của đơn vị"];

    private static string Write(EvaluationResult result, ResultInclusion include = ResultInclusion.Decided, Language language = Language.Vi)
    {
        using var writer = new StringWriter();
        CsvResultWriter.Write(result, writer, include, language);
        return writer.ToString();
    }

    private static Dictionary<(string Subject, string Award), Dictionary<string, string>> Rows(string csv)
    {
        var records = Rfc4180.Parse(csv);
        return records.Skip(1).ToDictionary(r => (r[0], r[4]), r => Header.Zip(r).ToDictionary(p => p.First, p => p.Second));
    }

    [Fact]
    public void Write_English_StartsWithTheFixedHeader()
    {
        var records = Rfc4180.Parse(Write(ReportFixtures.Evaluate(), language: Language.En));

        Assert.Equal(Header, records[0]);
        Assert.Equal(Header, CsvResultWriter.Columns);
    }

    [Fact]
    public void Write_Vietnamese_UsesTheCatalogsHeadersAndWords()
    {
        var records = Rfc4180.Parse(Write(ReportFixtures.Evaluate()));

        Assert.Equal(VietnameseHeader, records[0]);
        Assert.Equal(new[] { "Chưa đủ dữ liệu", "Không đủ điều kiện", "Vượt chỉ tiêu", "Đề nghị" }, records.Skip(1).Select(r => r[6]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(records.Skip(1), r => r[2] == "cá nhân");
        Assert.Contains(records.Skip(1), r => r[2] == "tập thể");
        Assert.DoesNotContain(records.Skip(1), r => r[2] == "individual" || r[6] == "recommended");
    }

    [Fact]
    public void Write_Fixture_WritesOneRowPerListedPairInResultOrder()
    {
        var result = ReportFixtures.Evaluate();
        var records = Rfc4180.Parse(Write(result, ResultInclusion.All));

        var expected = result.Results(ResultInclusion.All).Select(r => (r.Subject, r.Award)).ToList();
        Assert.Equal(expected, records.Skip(1).Select(r => (r[0], r[4])).ToList());
        Assert.All(records, r => Assert.Equal(Header.Length, r.Count));
    }

    [Fact]
    public void Write_English_UsesTheFixedOutcomeNames()
    {
        var outcomes = Rfc4180.Parse(Write(ReportFixtures.Evaluate(), language: Language.En)).Skip(1).Select(r => r[6]).ToHashSet();

        Assert.Equal(new[] { "eligible-over-quota", "insufficient-data", "not-eligible", "recommended" }, outcomes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_CommaAndQuotesInName_QuotesTheFieldAndDoublesTheQuotes()
    {
        var csv = Write(ReportFixtures.Evaluate());

        Assert.Contains("B01,\"Nguyễn \"\"Út\"\", Văn Phúc\",cá nhân,V,ldtt,", csv, StringComparison.Ordinal);
        Assert.Equal("Nguyễn \"Út\", Văn Phúc", Rows(csv)[("B01", "ldtt")]["name"]);
        Assert.Equal("Phòng \"Kế hoạch\", Đầu tư", Rows(csv)[("V", "tap-the")]["name"]);
    }

    [Fact]
    public void Write_Fixture_EndsEveryRecordWithCrLf()
    {
        var csv = Write(ReportFixtures.Evaluate());

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OverQuota_WritesRankPlacesAndTheQuotaReason()
    {
        var rows = Rows(Write(ReportFixtures.Evaluate()));

        var a01 = rows[("A01", "cstd")];
        Assert.Equal(("Đề nghị", "1", "1", ""), (a01["outcome"], a01["rank"], a01["quotaPlaces"], a01["reasons"]));
        var a03 = rows[("A03", "cstd")];
        Assert.Equal(("Vượt chỉ tiêu", "2", "1"), (a03["outcome"], a03["rank"], a03["quotaPlaces"]));
        Assert.Equal("Trong chỉ tiêu: tối đa params.cap = 15% × 10 = 1,5 → 1 suất (làm tròn xuống); thứ tự xét theo bonusPoints (cao trước); xếp hạng: 2 — yêu cầu ≤ 1 (không đạt)", a03["reasons"]);
        Assert.Equal("Điều 23", a03["basis"]);
    }

    [Fact]
    public void Write_NotEligible_JoinsTheNonPassingCriteriaWithSemicolons()
    {
        var rows = Rows(Write(ReportFixtures.Evaluate()));

        var b02 = rows[("B02", "cstd")];
        Assert.Equal("Không đủ điều kiện", b02["outcome"]);
        Assert.Equal(
            "Đạt danh hiệu «Lao động tiên tiến» trong năm (không đạt); Hoàn thành xuất sắc nhiệm vụ: HTNV — yêu cầu ≥ HTXSNV (không đạt)",
            b02["reasons"]);
        Assert.Equal(("", ""), (b02["rank"], b02["quotaPlaces"]));
    }

    [Fact]
    public void Write_InsufficientData_NamesTheMissingValue()
    {
        var a09 = Rows(Write(ReportFixtures.Evaluate()))[("A09", "ldtt")];

        Assert.Equal("Chưa đủ dữ liệu", a09["outcome"]);
        Assert.EndsWith("thiếu dữ liệu: A09.rating", a09["reasons"], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_English_UsesTheEnglishAwardNameAndReasons()
    {
        var rows = Rows(Write(ReportFixtures.Evaluate(), language: Language.En));

        var b02 = rows[("B02", "ldtt")];
        Assert.Equal("Advanced worker", b02["awardName"]);
        Assert.Equal("Rated well or better: HTNV — required ≥ HTTNV (fail)", b02["reasons"]);
        // An award without an English name keeps its Vietnamese one.
        Assert.Equal("Chiến sĩ thi đua cơ sở", rows[("B02", "cstd")]["awardName"]);
    }

    [Fact]
    public void Write_Decided_LeavesOutPairsFailingOnlyOnAPrerequisite()
    {
        var result = ReportFixtures.Evaluate();

        var decided = Rows(Write(result));
        var all = Rows(Write(result, ResultInclusion.All));

        Assert.Equal(result.Results().Count(), decided.Count);
        Assert.True(all.Count >= decided.Count);
    }

    [Fact]
    public void Write_SameResultTwice_GivesTheSameText()
    {
        var result = ReportFixtures.Evaluate();

        Assert.Equal(Write(result), Write(result));
        Assert.Equal(Write(result), Write(ReportFixtures.Evaluate()));
    }

    [Fact]
    public void Write_NoSubjects_WritesTheHeaderOnly()
    {
        Assert.Equal(string.Join(",", Header) + "\r\n", Write(ReportFixtures.EvaluateEmpty(), language: Language.En));
        Assert.Equal(string.Join(",", VietnameseHeader) + "\r\n", Write(ReportFixtures.EvaluateEmpty()));
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CsvResultWriter.Write(null!, TextWriter.Null));
        Assert.Throws<ArgumentNullException>(() => CsvResultWriter.Write(ReportFixtures.Evaluate(), null!));
    }

    /// <summary>A strict RFC 4180 reader, independent of the library under test.</summary>
    private static class Rfc4180
    {
        public static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (quoted)
                {
                    if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (ch == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(ch);
                    }
                }
                else if (ch == '"')
                {
                    Assert.True(field.Length == 0, "a quote inside an unquoted field at " + i);
                    quoted = true;
                }
                else if (ch == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                }
                else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i++;
                }
                else
                {
                    Assert.False(ch is '\r' or '\n', "a bare line break outside quotes at " + i);
                    field.Append(ch);
                }
            }

            Assert.False(quoted, "an unterminated quoted field");
            Assert.True(record.Count == 0 && field.Length == 0, "the last record does not end with CRLF");
            return records;
        }
    }
}
