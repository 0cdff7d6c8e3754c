namespace ThiDua.Rules.Writing;

internal static partial class ReportCatalog
{
    /// <summary>
    /// The council's documents (design §8): the administrative formulas of Nghị định 30/2020/NĐ-CP (Quốc hiệu, tiêu
    /// ngữ, số/ký hiệu, place and date, signature block) and the documents' own phrases. The documents a council signs
    /// are Vietnamese; with <c>--lang en</c> the same documents are written with the English texts, as a translation.
    /// </summary>
    private static (string Key, string Vi, string En)[] DocumentWords() =>
    [
        // Nghị định 30/2020/NĐ-CP, Phụ lục I: Quốc hiệu and tiêu ngữ, số and ký hiệu, place and date, signature.
        ("doc.national-title", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
        ("doc.motto", "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
        ("doc.council", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "EMULATION AND COMMENDATION COUNCIL"),
        ("doc.number-blank", "Số:        /{0}", "No.:        /{0}"),
        ("doc.place-date-blank", "……………, ngày …… tháng …… năm ……", "……………, date …… month …… year ……"),
        ("doc.recipients", "Nơi nhận:", "Recipients:"),
        ("doc.recipient-above", "- Như trên;", "- As above;"),
        ("doc.recipient-file", "- Lưu: VT, HĐTĐKT.", "- Filed: records office, council."),
        ("doc.on-behalf", "TM. HỘI ĐỒNG", "ON BEHALF OF THE COUNCIL"),
        ("doc.chair", "CHỦ TỊCH", "CHAIR"),
        ("doc.secretary", "THƯ KÝ", "SECRETARY"),
        ("doc.sign-note", "(Ký, ghi rõ họ tên)", "(Signature and full name)"),
        ("doc.sign-seal-note", "(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name and seal)"),
        ("doc.dots", "……………………………", "……………………………"),

        // The proposal list.
        ("doc.list-title", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {0}", "LIST OF PROPOSED COMMENDATIONS, {0}"),
        ("doc.list-subtitle", "(Kèm theo Tờ trình số        /{0} của Hội đồng Thi đua - Khen thưởng)", "(Attached to submission No.        /{0} of the Emulation and Commendation Council)"),
        ("doc.list-symbol", "DS-HĐTĐKT", "DS-HĐTĐKT"),
        ("doc.col-no", "STT", "No."),
        ("doc.col-name", "Họ và tên", "Full name"),
        ("doc.col-collective", "Tên tập thể", "Collective"),
        ("doc.col-position", "Chức vụ", "Position"),
        ("doc.col-unit", "Đơn vị", "Unit"),
        ("doc.col-parent", "Đơn vị cấp trên", "Parent unit"),
        ("doc.col-vote", "Kết quả bỏ phiếu", "Ballot"),
        ("doc.col-award", "Danh hiệu, hình thức", "Title or form"),
        ("doc.col-yes", "Số phiếu đồng ý / tổng số thành viên", "Yes votes / all members"),
        ("doc.col-share", "Tỷ lệ", "Share"),
        ("doc.col-result", "Kết quả", "Result"),
        ("doc.vote-cell", "{0}/{1} phiếu ({2})", "{0}/{1} votes ({2})"),
        ("doc.approved", "Đạt", "Approved"),
        ("doc.not-approved", "Không đạt", "Not approved"),
        ("doc.not-judged", "Chưa có ngưỡng", "No threshold"),
        ("doc.form-heading", "{0}. {1}: {2}", "{0}. {1}: {2}"),
        ("doc.none", "Không có trường hợp đề nghị.", "No one is proposed."),
        ("doc.bonus-line", "Tiền thưởng: {0} × mức lương cơ sở mỗi trường hợp, cộng {1} × mức lương cơ sở ({2} đồng).", "Bonus: {0} × the base salary each, {1} × the base salary in all (VND {2})."),
        ("doc.bonus-line-multiple", "Tiền thưởng: {0} × mức lương cơ sở mỗi trường hợp, cộng {1} × mức lương cơ sở.", "Bonus: {0} × the base salary each, {1} × the base salary in all."),

        // The submission.
        ("doc.submission", "TỜ TRÌNH", "SUBMISSION"),
        ("doc.submission-symbol", "TTr-HĐTĐKT", "TTr-HĐTĐKT"),
        ("doc.submission-about", "Về việc đề nghị khen thưởng năm {0}", "On the commendations proposed for {0}"),
        ("doc.submission-to-blank", "Kính gửi: ……………………………", "To: ……………………………"),
        ("doc.basis-line", "Căn cứ {0};", "Pursuant to {0};"),
        ("doc.basis-meeting", "Căn cứ kết quả họp và bỏ phiếu kín của Hội đồng Thi đua - Khen thưởng,", "Pursuant to the meeting and secret ballot of the Emulation and Commendation Council,"),
        ("doc.basis-meeting-no-votes", "Căn cứ kết quả họp của Hội đồng Thi đua - Khen thưởng,", "Pursuant to the meeting of the Emulation and Commendation Council,"),
        ("doc.submission-body", "Hội đồng Thi đua - Khen thưởng {0} kính trình xem xét, quyết định khen thưởng cho {1} tập thể và {2} cá nhân có thành tích trong năm {3}, cụ thể như sau:", "The Emulation and Commendation Council {0} submits for decision the commendation of {1} collectives and {2} individuals for their achievements in {3}, as follows:"),
        ("doc.submission-form", "- {0}: {1} tập thể, {2} cá nhân;", "- {0}: {1} collectives, {2} individuals;"),
        ("doc.submission-attached", "(Có danh sách và biên bản họp Hội đồng kèm theo)", "(The list and the minutes of the council's meeting are attached)"),
        ("doc.submission-closing", "Kính trình xem xét, quyết định./.", "Submitted for decision./."),

        // The minutes.
        ("doc.minutes", "BIÊN BẢN", "MINUTES"),
        ("doc.minutes-symbol", "BB-HĐTĐKT", "BB-HĐTĐKT"),
        ("doc.minutes-about", "Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm {0}", "Meeting of the Emulation and Commendation Council on the commendations proposed for {0}"),
        ("doc.minutes-time", "Thời gian: ……… giờ ……… ngày …… tháng …… năm …….", "Time: ……… hours ……… date …… month …… year ……."),
        ("doc.minutes-place", "Địa điểm: ……………………………", "Place: ……………………………"),
        ("doc.minutes-members", "Thành phần: tổng số thành viên Hội đồng: {0}; có mặt: ………; vắng mặt: ……… (thành viên vắng mặt cho ý kiến bằng văn bản).", "Present: council members in all: {0}; present: ………; absent: ……… (absent members give their opinion in writing)."),
        ("doc.minutes-members-blank", "Thành phần: tổng số thành viên Hội đồng: ………; có mặt: ………; vắng mặt: ………", "Present: council members in all: ………; present: ………; absent: ………"),
        ("doc.minutes-chair", "Chủ trì: ……………………………; thư ký: ……………………………", "Chair: ……………………………; secretary: ……………………………"),
        ("doc.minutes-content", "Nội dung: Hội đồng xem xét danh sách đề nghị khen thưởng năm {0} và bỏ phiếu kín.", "Business: the council reviews the list of commendations proposed for {0} and holds a secret ballot."),
        ("doc.minutes-results", "Kết quả bỏ phiếu kín:", "Results of the secret ballot:"),
        ("doc.minutes-no-votes", "Không có kết quả bỏ phiếu (không có tệp --votes).", "No ballot results (no --votes file)."),
        ("doc.minutes-rule", "Tỷ lệ phiếu đồng ý tính trên tổng số thành viên của Hội đồng.", "The share of yes votes is counted over all members of the council."),
        ("doc.minutes-conclusion", "Kết luận: Hội đồng thống nhất đề nghị khen thưởng {0} trường hợp theo danh sách kèm theo.", "Conclusion: the council agrees to propose {0} commendations as in the attached list."),
        ("doc.minutes-proposals", "Đối chiếu với đề nghị của các đơn vị: {0} trường hợp đơn vị đề nghị nhưng không đủ điều kiện đề nghị; {1} trường hợp đủ điều kiện nhưng đơn vị không đề nghị:", "Compared with the units' own proposals: {0} proposed by a unit but not allowed; {1} allowed but not proposed by the unit:"),
        ("doc.minutes-proposal-line", "- {0} ({1}), {2}: {3};", "- {0} ({1}), {2}: {3};"),
        ("doc.minutes-end", "Cuộc họp kết thúc vào lúc ……… giờ ……… cùng ngày. Biên bản đã được thông qua trước Hội đồng./.", "The meeting closed at ……… hours ……… the same day. The minutes were read to and approved by the council./."),
    ];
}
