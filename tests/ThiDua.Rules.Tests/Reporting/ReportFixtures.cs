using System.Runtime.CompilerServices;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;

namespace ThiDua.Rules.Tests.Reporting;

/// <summary>
/// The evaluations the report writers are tested on: a small agency whose data exercises every outcome, a quota, a
/// unit award, an agency target and names that need quoting or escaping; and the bundled sample.
/// </summary>
internal static class ReportFixtures
{
    public const string Rules = """
        {
          "id": "bao-cao-kiem-thu",
          "name": "Bộ quy tắc kiểm thử báo cáo",
          "effective": { "from": "2024-01-01" },
        """ + TestRules.StandardDeclarations + """
        ,
          "awards": [
            { "id": "ldtt", "name": "Lao động tiên tiến", "nameEn": "Advanced worker", "subject": "individual", "basis": "Điều 24",
              "criteria": [ { "id": "xep-loai", "name": "Hoàn thành tốt nhiệm vụ trở lên", "nameEn": "Rated well or better",
                              "expr": "rating >= 'HTTNV'", "basis": "Điều 24 khoản 1" } ] },
            { "id": "cstd", "name": "Chiến sĩ thi đua cơ sở", "subject": "individual", "basis": "Điều 23", "requires": ["ldtt"],
              "criteria": [ { "id": "xuat-sac", "name": "Hoàn thành xuất sắc nhiệm vụ", "expr": "rating >= 'HTXSNV'", "basis": "Điều 23 khoản 1" } ],
              "quota": { "max": "params.cap", "per": "unit", "rounding": "floor", "rankBy": [ { "expr": "bonusPoints", "order": "desc" } ] } },
            { "id": "tap-the", "name": "Tập thể lao động tiên tiến", "subject": "unit", "basis": "Điều 28",
              "criteria": [ { "id": "ty-le", "name": "Tỷ lệ đạt Lao động tiên tiến", "expr": "members.ratio(m => m.has('ldtt')) >= 70%",
                              "basis": "Điều 28 khoản 2" } ] }
          ],
          "targets": [
            { "id": "ldtt-tren-80", "name": "Trên 80% đạt Lao động tiên tiến", "basis": "Kế hoạch 31, mục II.1",
              "expr": "allMembers.ratio(m => m.has('ldtt')) > 80%" },
            { "id": "it-nhat-5-nguoi", "name": "Mỗi phòng có ít nhất 5 người", "subject": "unit", "basis": "Kế hoạch 31, mục II.2",
              "expr": "members.count() >= 5", "due": "2024-12-31" }
          ]
        }
        """;

    /// <summary>
    /// Unit U: ten people, A01–A03 excellent (one quota place: A01 in, A03 and A02 over), A09 without a rating but with fewer points than A01, so A01's place does not depend on it
    /// (insufficient data). Unit V: a name with a comma and quotes, and a name that is markup.
    /// </summary>
    public const string Data = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [
            { "id": "BAN", "name": "Ban Quản lý", "rating": "HTXSNV" },
            { "id": "U", "name": "Phòng Tổng hợp", "parent": "BAN", "rating": "HTTNV" },
            { "id": "V", "name": "Phòng \"Kế hoạch\", Đầu tư", "parent": "BAN", "rating": "HTTNV" } ],
          "individuals": [
            { "id": "A01", "name": "Nguyễn Văn An", "unit": "U", "rating": "HTXSNV", "facts": { "bonusPoints": 3 } },
            { "id": "A02", "name": "Trần Thị Bình", "unit": "U", "rating": "HTXSNV", "facts": { "bonusPoints": 1 } },
            { "id": "A03", "name": "Lê Văn Cường", "unit": "U", "rating": "HTXSNV", "facts": { "bonusPoints": 2 } },
            { "id": "A04", "name": "Phạm Thị Dung", "unit": "U", "rating": "HTTNV" },
            { "id": "A05", "name": "Hoàng Văn Em", "unit": "U", "rating": "HTTNV" },
            { "id": "A06", "name": "Vũ Thị Giang", "unit": "U", "rating": "HTTNV" },
            { "id": "A07", "name": "Đặng Văn Hùng", "unit": "U", "rating": "HTTNV" },
            { "id": "A08", "name": "Bùi Thị Lan", "unit": "U", "rating": "HTNV" },
            { "id": "A09", "name": "Đỗ Văn Minh", "unit": "U", "facts": { "bonusPoints": 0 } },
            { "id": "A10", "name": "Hồ Thị Ngọc", "unit": "U", "rating": "KHTNV" },
            { "id": "B01", "name": "Nguyễn \"Út\", Văn Phúc", "unit": "V", "rating": "HTTNV" },
            { "id": "B02", "name": "<script>alert('x')</script>", "unit": "V", "rating": "HTNV" } ] }
        """;

    /// <summary>The fixture's rules on a data set without any unit or person.</summary>
    public static EvaluationResult EvaluateEmpty() => Compiled.Value.Evaluate(TestRules.Data("""{ "year": 2024, "asOf": "2024-12-31" }"""));

    private static readonly Lazy<CompiledRuleSet> Compiled = new(() => TestRules.Compile(Rules));

    public static EvaluationResult Evaluate() => Compiled.Value.Evaluate(TestRules.Data(Data));

    /// <summary>
    /// The folder holding <c>ThiDua.Rules.sln</c>: walking up from the test binaries, or from this source file when the
    /// binaries are built elsewhere (<c>--artifacts-path</c>).
    /// </summary>
    public static string RepositoryRoot => FindSolutionFolder(AppContext.BaseDirectory) ?? FindSolutionFolder(ThisSourceFolder())
        ?? throw new InvalidOperationException("ThiDua.Rules.sln not found above " + AppContext.BaseDirectory + " or " + ThisSourceFolder());

    /// <summary>Evaluates the bundled sample data against a rule path under the repository (as <c>thidua check</c> does).</summary>
    public static EvaluationResult EvaluateSample(string rulesPath, string dataPath = "rules/samples/ban-quan-ly-2024.json")
    {
        var root = RepositoryRoot;
        var data = SubjectDataLoader.Load(Path.Combine(root, dataPath)).GetValueOrThrow();
        var library = RuleSetLoader.Load(Path.Combine(root, rulesPath)).GetValueOrThrow();
        var rules = RuleSetCompiler.Compile(library.Select(data.AsOf ?? new LocalDate(data.Year, 12, 31)).GetValueOrThrow()).GetValueOrThrow();
        return rules.Evaluate(data);
    }

    private static string? FindSolutionFolder(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ThiDua.Rules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    private static string ThisSourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
