using System.Collections.Frozen;

namespace ThiDua.Rules.Reporting.Writing.Council;

/// <summary>
/// Every word the council's documents print (design §8), in one catalog: the administrative formulas of Nghị định
/// 30/2020/NĐ-CP (Quốc hiệu, tiêu ngữ, số/ký hiệu, place and date, signature block) and the documents' own phrases.
/// The documents are Vietnamese administrative documents, so the catalog is Vietnamese; templates take <c>{0}</c>, <c>{1}</c>….
/// </summary>
internal static class DocumentWords
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Nghị định 30/2020/NĐ-CP, Phụ lục I: Quốc hiệu and tiêu ngữ, số and ký hiệu, place and date, signature.
        ["national-title"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ["motto"] = "Độc lập - Tự do - Hạnh phúc",
        ["council"] = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        ["number"] = "Số: {0}",
        ["number-blank"] = "Số:        /{0}",
        ["place-date-blank"] = "……………, ngày …… tháng …… năm ……",
        ["place-date"] = "{0}, ngày {1} tháng {2} năm {3}",
        ["recipients"] = "Nơi nhận:",
        ["recipient-above"] = "- Như trên;",
        ["recipient-file"] = "- Lưu: VT, HĐTĐKT.",
        ["on-behalf"] = "TM. HỘI ĐỒNG",
        ["chair"] = "CHỦ TỊCH",
        ["secretary"] = "THƯ KÝ",
        ["sign-note"] = "(Ký, ghi rõ họ tên)",
        ["sign-seal-note"] = "(Ký, ghi rõ họ tên, đóng dấu)",
        ["dots"] = "……………………………",

        // The proposal list.
        ["list-title"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {0}",
        ["list-subtitle"] = "(Kèm theo Tờ trình số        /{0} của Hội đồng Thi đua - Khen thưởng)",
        ["list-symbol"] = "DS-HĐTĐKT",
        ["part-collective"] = "Tập thể",
        ["part-individual"] = "Cá nhân",
        ["col-no"] = "STT",
        ["col-name"] = "Họ và tên",
        ["col-collective"] = "Tên tập thể",
        ["col-position"] = "Chức vụ",
        ["col-unit"] = "Đơn vị",
        ["col-parent"] = "Đơn vị cấp trên",
        ["col-vote"] = "Kết quả bỏ phiếu",
        ["col-award"] = "Danh hiệu, hình thức",
        ["col-yes"] = "Số phiếu đồng ý / tổng số thành viên",
        ["col-share"] = "Tỷ lệ",
        ["col-required"] = "Yêu cầu",
        ["col-result"] = "Kết quả",
        ["col-basis"] = "Căn cứ",
        ["vote-cell"] = "{0}/{1} phiếu ({2})",
        ["approved"] = "Đạt",
        ["not-approved"] = "Không đạt",
        ["not-judged"] = "Chưa có ngưỡng",
        ["not-voted"] = "",
        ["count-line"] = "{0} ({1} tập thể, {2} cá nhân)",
        ["form-heading"] = "{0}. {1}: {2}",
        ["none"] = "Không có trường hợp đề nghị.",

        // The submission.
        ["submission"] = "TỜ TRÌNH",
        ["submission-symbol"] = "TTr-HĐTĐKT",
        ["submission-about"] = "Về việc đề nghị khen thưởng năm {0}",
        ["submission-to"] = "Kính gửi: {0}",
        ["submission-to-blank"] = "Kính gửi: ……………………………",
        ["basis-line"] = "Căn cứ {0};",
        ["basis-rules"] = "Căn cứ {0} (bộ quy tắc {1}, phiên bản {2});",
        ["basis-meeting"] = "Căn cứ kết quả họp và bỏ phiếu kín của Hội đồng Thi đua - Khen thưởng,",
        ["basis-meeting-no-votes"] = "Căn cứ kết quả họp của Hội đồng Thi đua - Khen thưởng,",
        ["submission-body"] = "Hội đồng Thi đua - Khen thưởng {0} kính trình xem xét, quyết định khen thưởng cho {1} tập thể và {2} cá nhân có thành tích trong năm {3}, cụ thể như sau:",
        ["submission-form"] = "- {0}: {1} tập thể, {2} cá nhân;",
        ["submission-attached"] = "(Có danh sách và biên bản họp Hội đồng kèm theo)",
        ["submission-closing"] = "Kính trình xem xét, quyết định./.",

        // The minutes.
        ["minutes"] = "BIÊN BẢN",
        ["minutes-symbol"] = "BB-HĐTĐKT",
        ["minutes-about"] = "Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm {0}",
        ["minutes-time"] = "Thời gian: ……… giờ ……… ngày …… tháng …… năm …….",
        ["minutes-place"] = "Địa điểm: ……………………………",
        ["minutes-members"] = "Thành phần: tổng số thành viên Hội đồng: {0}; có mặt: ………; vắng mặt: ……… (thành viên vắng mặt cho ý kiến bằng văn bản).",
        ["minutes-members-blank"] = "Thành phần: tổng số thành viên Hội đồng: ………; có mặt: ………; vắng mặt: ………",
        ["minutes-chair"] = "Chủ trì: ……………………………; thư ký: ……………………………",
        ["minutes-content"] = "Nội dung: Hội đồng xem xét danh sách đề nghị khen thưởng năm {0} và bỏ phiếu kín.",
        ["minutes-results"] = "Kết quả bỏ phiếu kín:",
        ["minutes-no-votes"] = "Không có kết quả bỏ phiếu (không có tệp --votes).",
        ["minutes-rule"] = "Tỷ lệ phiếu đồng ý tính trên tổng số thành viên của Hội đồng.",
        ["minutes-conclusion"] = "Kết luận: Hội đồng thống nhất đề nghị khen thưởng {0} trường hợp theo danh sách kèm theo.",
        ["minutes-end"] = "Cuộc họp kết thúc vào lúc ……… giờ ……… cùng ngày. Biên bản đã được thông qua trước Hội đồng./.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The word or template with the given id.</summary>
    /// <exception cref="KeyNotFoundException">No such id (a programming error, caught by a test over every id used).</exception>
    public static string Get(string id) => Words[id];

    /// <summary>The template with its arguments (invariant formatting; numbers are formatted by the caller).</summary>
    public static string Format(string id, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Words[id], args);

    /// <summary>Every id, for the catalog test.</summary>
    public static IEnumerable<string> Ids => Words.Keys;
}
