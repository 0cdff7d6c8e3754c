using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Writing;

internal static partial class ReportCatalog
{
    /// <summary>The key of an outcome's short report word (a heading, a sheet name, a CSV cell).</summary>
    public static string OutcomeKey(Outcome outcome) => outcome switch
    {
        Outcome.Recommended => "report.recommended",
        Outcome.EligibleOverQuota => "report.over-quota",
        Outcome.InsufficientData => "report.insufficient-data",
        _ => "report.not-eligible",
    };

    /// <summary>The key of a subject kind's word.</summary>
    public static string KindKey(SubjectKind kind) => kind switch
    {
        SubjectKind.Individual => "kind.individual",
        SubjectKind.Unit => "kind.unit",
        _ => "kind.enterprise",
    };

    /// <summary>The key of a council decision's word.</summary>
    public static string CouncilKey(CouncilDecision decision) =>
        decision == CouncilDecision.Approved ? "council.approved" : "council.not-approved";

    /// <summary>Words every report shares: subject kinds, the council's decisions and the CSV headers.</summary>
    private static (string Key, string Vi, string En)[] CommonWords() =>
    [
        ("kind.individual", "cá nhân", "individual"),
        ("kind.unit", "tập thể", "collective"),
        ("kind.enterprise", "doanh nghiệp", "enterprise"),
        ("council.approved", "thông qua", "approved"),
        ("council.not-approved", "không thông qua", "not approved"),
        ("council.line", "hội đồng: {0} ({1}/{2})", "council: {0} ({1}/{2})"),
        ("council.superseded-line", "đề nghị hình thức cao hơn: {0}", "proposed for the higher form {0}"),
        ("council.rank-line", "hạng {0}/{1} suất", "rank {0}/{1} places"),

        // CSV headers: Vietnamese with --lang vi; with --lang en the fixed names other tools read (CsvResultWriter.Columns).
        ("csv.subject", "Mã", "subject"),
        ("csv.name", "Họ tên / Tên", "name"),
        ("csv.subjectKind", "Đối tượng", "subjectKind"),
        ("csv.unit", "Đơn vị", "unit"),
        ("csv.award", "Mã danh hiệu", "award"),
        ("csv.awardName", "Tên danh hiệu", "awardName"),
        ("csv.outcome", "Kết quả", "outcome"),
        ("csv.rank", "Hạng", "rank"),
        ("csv.quotaPlaces", "Số suất", "quotaPlaces"),
        ("csv.reasons", "Lý do", "reasons"),
        ("csv.basis", "Căn cứ", "basis"),
        ("csv.supersededBy", "Đề nghị hình thức cao hơn", "supersededBy"),
        ("csv.council", "Hội đồng", "council"),
        ("csv.position", "Chức vụ", "position"),
    ];
}
