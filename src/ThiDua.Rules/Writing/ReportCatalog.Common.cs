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

    /// <summary>The key of a proposal comparison's words.</summary>
    public static string ProposalKey(ProposalCheck check) =>
        check == ProposalCheck.ProposedNotEligible ? "proposal.proposed-not-eligible" : "proposal.eligible-not-proposed";

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
        ("council.out-is-file", "--out: '{0}' là một tệp; hãy cho một thư mục", "--out: '{0}' is a file; give a folder"),
        ("council.decision-missing", "--decision: hãy cho số quyết định khen thưởng", "--decision: give the decision's number"),
        ("council.decided-on-missing", "--decided-on: hãy cho ngày của quyết định", "--decided-on: give the decision's date"),

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
        ("csv.proposalCheck", "Đối chiếu đề nghị của đơn vị", "proposalCheck"),

        // Bonuses (multiples of the base salary) totalled per form.
        ("report.bonus", "Tiền thưởng theo hình thức", "Bonuses by form"),
        ("report.bonus-lead", "Tiền thưởng của các trường hợp được đề nghị, là bội số của mức lương cơ sở; hệ số, mức lương cơ sở và căn cứ lấy từ bộ quy tắc.", "The bonuses of the proposed cases, as multiples of the base salary; the multiples, the base salary and the basis come from the rule set."),
        ("report.bonus-cases", "Số trường hợp", "Cases"),
        ("report.bonus-multiple", "Hệ số (× lương cơ sở)", "Multiple (× base salary)"),
        ("report.bonus-total-multiple", "Tổng hệ số", "Total multiple"),
        ("report.bonus-base-salary", "Mức lương cơ sở (đồng)", "Base salary (VND)"),
        ("report.bonus-amount", "Thành tiền (đồng)", "Amount (VND)"),
        ("report.bonus-salary-basis", "{0}; mức lương cơ sở: {1}", "{0}; base salary: {1}"),
        ("report.bonus-unknown-salary", "Bộ quy tắc không cho mức lương cơ sở: chỉ tính theo hệ số.", "The rule set gives no base salary: multiples only."),
        ("table.bonus", "Tiền thưởng: {0} trường hợp × {1} = {2} × mức lương cơ sở{3}", "Bonus: {0} cases × {1} = {2} × the base salary{3}"),
        ("table.bonus-amount", " = {0} đồng", " = VND {0}"),

        // The unit's own proposals (column Đề nghị) compared with what the rules allow.
        ("proposal.proposed-not-eligible", "đơn vị đề nghị nhưng không đủ điều kiện đề nghị", "proposed by the unit but not allowed by the rules"),
        ("proposal.eligible-not-proposed", "đủ điều kiện nhưng đơn vị không đề nghị", "allowed by the rules but not proposed by the unit"),
        ("report.proposal-check", "Đối chiếu với đề nghị của đơn vị", "Compared with the units' own proposals"),
        ("report.proposal-check-lead", "Cột Đề nghị của dữ liệu so với kết quả xét: các trường hợp đơn vị đề nghị nhưng không đủ điều kiện đề nghị (kèm lý do), và các trường hợp đủ điều kiện nhưng đơn vị không đề nghị.", "The data's proposals column against the check: pairs the unit proposes that the rules do not allow (with the reasons), and pairs the rules allow that the unit does not propose."),
        ("report.proposal-check-none", "Đề nghị của đơn vị khớp với kết quả xét.", "The units' proposals agree with the check."),
        ("report.proposal-check-no-data", "Dữ liệu không có cột Đề nghị (proposals) nên không đối chiếu.", "The data has no proposals column, so nothing is compared."),
        ("report.position", "Chức vụ", "Position"),
        ("report.outcome", "Kết quả xét", "Outcome"),
        ("report.near-misses", "Suýt đạt", "Near misses"),
        ("report.near-misses-lead", "Các trường hợp chỉ thiếu một tiêu chuẩn, kèm điều còn thiếu. Danh sách đầy đủ các trường hợp không đủ điều kiện được in khi thêm --include all.", "Cases short of a single criterion, with what is missing. The full list of ineligible cases is printed with --include all."),
        ("report.no-near-misses", "Không có trường hợp nào suýt đạt.", "No near misses."),
        ("report.sheet-proposal-check", "Đối chiếu đề nghị", "Proposal check"),
        ("report.proposal-comparison", "Đối chiếu", "Comparison"),
    ];
}
