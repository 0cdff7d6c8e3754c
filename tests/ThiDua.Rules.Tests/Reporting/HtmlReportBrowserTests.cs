using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ThiDua.Rules.Reporting.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Reporting;

/// <summary>
/// The sample report rendered by a real browser (headless Chromium): it loads without errors, paints an A4-sized page
/// and shows every section with the rule set version and the as-of date. Requires the Debian package <c>chromium</c>;
/// without it these tests fail and say how to install it.
/// </summary>
public sealed partial class HtmlReportBrowserTests
{
    /// <summary>The national pack alone, and the Sóc Trăng plan that extends it with plan targets (bars).</summary>
    public static TheoryData<string, string> Samples => new()
    {
        { "rules/vn", "2024-01-01" },
        { "rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json", "2021-01-01" },
    };

    private static string WriteSample(string folder, string rules)
    {
        var path = Path.Combine(folder, "bao-cao.html");
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        HtmlReportWriter.Write(ReportFixtures.EvaluateSample(rules), writer);
        return path;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleReport_ScreenshotInChromium_PaintsAnA4SizedPage(string rules, string version)
    {
        _ = version;
        var folder = Directory.CreateTempSubdirectory("thidua-report-");
        try
        {
            var html = WriteSample(folder.FullName, rules);
            var png = Path.Combine(folder.FullName, "bao-cao.png");

            Chromium.Screenshot(html, png, 1240, 1754).Succeeded();

            Assert.True(File.Exists(png), "Chromium wrote no screenshot");
            var bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
            Assert.Equal((1240u, 1754u), (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20))));
            // A blank or unstyled page compresses to a few kilobytes; the report's text and tables do not.
            Assert.True(bytes.Length > 40_000, $"the screenshot is only {bytes.Length} bytes: the page looks empty");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleReport_RenderedInChromium_ShowsEverySectionTheVersionAndTheAsOfDate(string rules, string version)
    {
        var folder = Directory.CreateTempSubdirectory("thidua-report-");
        try
        {
            var html = WriteSample(folder.FullName, rules);

            var dom = Chromium.DumpDom(html).Succeeded().Output;
            var text = Text(dom);

            foreach (var expected in new[]
            {
                "Báo cáo xét thi đua, khen thưởng năm 2024",
                "I. Tổng hợp kết quả", "1. Theo danh hiệu", "2. Số đề nghị theo đơn vị",
                "II. Danh sách đề nghị khen thưởng", "A. Khen thưởng tập thể", "B. Khen thưởng cá nhân",
                "III. Đối chiếu với đề nghị của đơn vị", "IV. Suýt đạt", "V. Chưa đủ dữ liệu", "VI. Chỉ tiêu kế hoạch",
                "phiên bản " + version, "Tính đến ngày 31/12/2024",
                "Lao động tiên tiến", "Nguyễn Minh Duy", "Căn cứ: Luật Thi đua, khen thưởng 06/2022/QH15",
            })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            if (rules.Contains("plans", StringComparison.Ordinal))
            {
                Assert.Contains("kế thừa vn-tdkt 2024-01-01", text, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("class=\"bar pass\"", dom, StringComparison.Ordinal);
                Assert.Contains("class=\"bar fail\"", dom, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The page's visible text: the body without tags, entities decoded, white space collapsed.</summary>
    private static string Text(string dom)
    {
        var body = dom[dom.IndexOf("<body", StringComparison.Ordinal)..];
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(body, " ")), " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
