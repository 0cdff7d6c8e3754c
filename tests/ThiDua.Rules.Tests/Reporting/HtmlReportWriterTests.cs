using System.Text.RegularExpressions;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Reporting.Writing;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    private static string Write(EvaluationResult result, ResultInclusion include = ResultInclusion.Decided, Language language = Language.Vi)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(result, writer, include, language);
        return writer.ToString();
    }

    private static readonly Lazy<string> Fixture = new(() => Write(ReportFixtures.Evaluate()));

    private static readonly Lazy<string> FixtureAll = new(() => Write(ReportFixtures.Evaluate(), ResultInclusion.All));

    /// <summary>The HTML of one section (by its id), to check what is inside it.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{id}'");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Write_Fixture_IsOneSelfContainedVietnameseDocument()
    {
        var html = Fixture.Value;

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4; margin: 15mm; }", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);
        Assert.Contains("tr { break-inside: avoid;", html, StringComparison.Ordinal);
        foreach (var external in new[] { "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "http:", "https:" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Fixture_HasTheTitleRuleSetVersionAndAsOfDate()
    {
        var html = Fixture.Value;

        Assert.Contains("<title>Báo cáo xét thi đua, khen thưởng năm 2024</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Báo cáo xét thi đua, khen thưởng năm 2024</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Bộ quy tắc kiểm thử báo cáo", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"code\">bao-cao-kiem-thu</span> · phiên bản <strong class=\"version\">2024-01-01</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"as-of\">31/12/2024</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tong-hop", "I.</span> Tổng hợp kết quả")]
    [InlineData("de-nghi", "II.</span> Danh sách đề nghị khen thưởng")]
    [InlineData("suyt-dat", "III.</span> Suýt đạt")]
    [InlineData("chua-du-du-lieu", "IV.</span> Chưa đủ dữ liệu")]
    [InlineData("chi-tieu", "V.</span> Chỉ tiêu kế hoạch")]
    public void Write_Fixture_HasEverySectionInOrder(string id, string heading)
    {
        Assert.Contains("<h2><span class=\"no\">" + heading + "</h2>", Section(Fixture.Value, id), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MarkupInAName_IsEscaped()
    {
        var html = FixtureAll.Value;

        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Phòng &quot;Kế hoạch&quot;, Đầu tư", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Summary_CountsEachOutcomePerAwardAndRecommendationsPerUnit()
    {
        var summary = Section(Fixture.Value, "tong-hop");

        // LĐTT: 8 recommended, 0 over quota, 1 insufficient, 3 not eligible, 12 in all.
        Assert.Contains("<td>Lao động tiên tiến</td><td class=\"kind\">cá nhân</td><td class=\"num strong\">8</td><td class=\"num zero\">–</td>" +
            "<td class=\"num\">1</td><td class=\"num\">3</td><td class=\"num total\">12</td>", summary, StringComparison.Ordinal);
        // Phòng Tổng hợp (a child of the root, indented): 7 LĐTT and 1 CSTĐCS.
        Assert.Contains("<tr><td class=\"unit depth-1\">Phòng Tổng hợp</td><td class=\"num\">7</td><td class=\"num\">1</td>", summary, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"unit depth-0\">Ban Quản lý</td>", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Nominations_ListCollectiveAwardsFirstThenIndividualsByUnitAndRank()
    {
        var nominations = Section(Fixture.Value, "de-nghi");

        var headings = H4().Matches(nominations).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Tập thể lao động tiên tiến", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"], headings);
        Assert.True(nominations.IndexOf("A. Khen thưởng tập thể", StringComparison.Ordinal) < nominations.IndexOf("B. Khen thưởng cá nhân", StringComparison.Ordinal));

        // The quota winner is listed with its rank; those over the quota follow, best rank first.
        var cstd = nominations[nominations.IndexOf("Chiến sĩ thi đua cơ sở", StringComparison.Ordinal)..];
        Assert.Contains("<td class=\"name\">Nguyễn Văn An<span class=\"id\">A01</span></td><td class=\"position\"></td><td class=\"num rank\">1 / 1</td>", cstd, StringComparison.Ordinal);
        Assert.True(cstd.IndexOf(">A03<", StringComparison.Ordinal) < cstd.IndexOf(">A02<", StringComparison.Ordinal));
        Assert.Contains("ngoài số lượng tối đa", cstd, StringComparison.Ordinal);

        // Within a unit, people are ordered by given name: An, Bình, Cường, Dung, … (not by family name: Đặng, Hoàng, Lê, …).
        var ldtt = nominations[nominations.IndexOf("Lao động tiên tiến <span", StringComparison.Ordinal)..nominations.IndexOf("Chiến sĩ thi đua cơ sở", StringComparison.Ordinal)];
        var names = Name().Matches(ldtt).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "B01"], names.Order(StringComparer.Ordinal));
        Assert.Equal(["A01", "A02", "A03", "A04", "A05", "A06", "A07"], names.Take(7));
    }

    [Fact]
    public void Write_NotEligible_GivesEveryReasonWithItsCitation()
    {
        var section = Section(FixtureAll.Value, "khong-du-dieu-kien");

        Assert.Contains("<li class=\"fail\"><span class=\"mark\">✗</span>Hoàn thành tốt nhiệm vụ trở lên: HTNV — yêu cầu ≥ HTTNV (không đạt)" +
            "<cite>Căn cứ: Điều 24 khoản 1</cite></li>", section, StringComparison.Ordinal);
        // A share short of its requirement also says what is missing (the renderer's gap) before the citation.
        Assert.Matches("Tỷ lệ đạt Lao động tiên tiến: 50% \\(1/2\\) — yêu cầu ≥ 70% \\(không đạt\\) — [^<]+<cite>Căn cứ: Điều 28 khoản 2</cite>", section);
        // Every "no" of the listed results is there.
        var result = ReportFixtures.Evaluate();
        foreach (var no in result.Results().Where(r => r.Outcome == Outcome.NotEligible))
        {
            Assert.Contains($"<span class=\"id\">{no.Subject}</span>", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_Decided_ListsNearMissesInsteadOfEveryNo()
    {
        var html = Fixture.Value;
        var nearMisses = Section(html, "suyt-dat");

        Assert.DoesNotContain("<section id=\"khong-du-dieu-kien\">", html, StringComparison.Ordinal);
        var result = ReportFixtures.Evaluate();
        var renderer = new ThiDua.Rules.Explanation.ExplanationRenderer(Language.Vi);
        var noes = result.Results().Where(r => r.Outcome == Outcome.NotEligible).ToList();
        Assert.Contains(noes, r => !renderer.IsNearMiss(r));
        foreach (var no in noes.Where(renderer.IsNearMiss))
        {
            Assert.Contains($"<span class=\"id\">{no.Subject}</span>", nearMisses, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_InsufficientData_ListsTheMissingValues()
    {
        var section = Section(Fixture.Value, "chua-du-du-lieu");

        Assert.Contains("<span class=\"code\">A09.rating</span>", section, StringComparison.Ordinal);
        Assert.Contains("<span class=\"code\">A09.has(&#39;ldtt&#39;)</span>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Targets_DrawABarFromTheActualValue()
    {
        var section = Section(Fixture.Value, "chi-tieu");

        // 2 people against a minimum of 5: a 40% bar, marked as missed.
        Assert.Contains("<span class=\"chip fail\">Không đạt</span></td><td><div class=\"achievement\"><div class=\"bar fail\"", section, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fill\" style=\"width:40%\"></span>", section, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fill\" style=\"width:100%\"></span>", section, StringComparison.Ordinal);
        // An undecided share has no value to draw: text only, with the missing values.
        Assert.Contains("<div class=\"achievement text-only\"><span class=\"actual\">(không có dữ liệu)</span>", section, StringComparison.Ordinal);
        Assert.Contains("Hạn: 31/12/2024", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ShareTarget_DrawsTheShareWithAMarkAtTheRequiredShare()
    {
        var html = Write(ReportFixtures.EvaluateSample("rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json"));
        var section = Section(html, "chi-tieu");

        Assert.Contains("<span class=\"fill\" style=\"width:100%\"></span><span class=\"target-mark\" style=\"left:100%\"></span>", section, StringComparison.Ordinal);
        Assert.Contains("100% (120/120)", section, StringComparison.Ordinal);
        Assert.Contains("kế thừa vn-tdkt 2024-01-01", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoTargets_SaysSo()
    {
        var html = Write(ReportFixtures.EvaluateSample("rules/vn"));

        Assert.Contains("Bộ quy tắc không đặt chỉ tiêu kế hoạch nào.", Section(html, "chi-tieu"), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_English_TranslatesTheReport()
    {
        var html = Write(ReportFixtures.Evaluate(), ResultInclusion.All, Language.En);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Emulation and commendation review report, 2024</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Nominations", Section(html, "de-nghi"), StringComparison.Ordinal);
        Assert.Contains("Advanced worker", html, StringComparison.Ordinal);
        Assert.Contains("Rated well or better: HTNV — required ≥ HTTNV (fail)", html, StringComparison.Ordinal);
        Assert.Contains("2024-12-31", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameResultTwice_GivesTheSameText()
    {
        var result = ReportFixtures.Evaluate();

        Assert.Equal(Write(result), Write(result));
        Assert.Equal(Fixture.Value, Write(ReportFixtures.Evaluate()));
    }

    [Fact]
    public void Write_NoSubjects_WritesEverySectionWithItsEmptyNote()
    {
        var html = Write(ReportFixtures.EvaluateEmpty());

        Assert.Contains("Dữ liệu không có đơn vị.", Section(html, "tong-hop"), StringComparison.Ordinal);
        Assert.Contains("Không có trường hợp nào suýt đạt.", Section(html, "suyt-dat"), StringComparison.Ordinal);
        Assert.Contains("Không có trường hợp nào không đủ điều kiện.", Section(Write(ReportFixtures.EvaluateEmpty(), ResultInclusion.All), "khong-du-dieu-kien"), StringComparison.Ordinal);
        Assert.Contains("Không có trường hợp nào thiếu dữ liệu.", Section(html, "chua-du-du-lieu"), StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_EveryMarkupCharacter_IsReplaced()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", HtmlReportWriter.Escape("<a href=\"x\" title='y'>&</a>"));
        Assert.Equal("ab", HtmlReportWriter.Escape("a\u0001b"));
        Assert.Equal("\"\\3C /style\\3E \"", HtmlReportWriter.CssString("</style>"));
    }

    [GeneratedRegex("<h4><span class=\"no\">[^<]*</span> ([^<]+) <span")]
    private static partial Regex H4();

    [GeneratedRegex("<span class=\"id\">([^<]+)</span>")]
    private static partial Regex Name();
}
