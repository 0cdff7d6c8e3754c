namespace ThiDua.Rules.Writing;

/// <content>The command line's help: each command's description (with its examples), each option's and argument's, and
/// System.CommandLine's own headings. Keys: <c>help.COMMAND</c>, <c>help.COMMAND.OPTION</c> (an option of one command),
/// <c>help.option.OPTION</c> (an option several commands share), <c>help.COMMAND.arg</c> (its argument).</content>
internal static partial class ReportCatalog
{
    private static (string Key, string Vi, string En)[] HelpWords() =>
    [
        // System.CommandLine's headings and markers.
        ("help.heading-description", "Mô tả:", "Description:"),
        ("help.heading-usage", "Cách dùng:", "Usage:"),
        ("help.heading-arguments", "Đối số:", "Arguments:"),
        ("help.heading-options", "Tùy chọn:", "Options:"),
        ("help.heading-commands", "Lệnh:", "Commands:"),
        ("help.heading-additional", "Đối số thêm:", "Additional Arguments:"),
        ("help.marker-options", "[tùy chọn]", "[options]"),
        ("help.marker-command", "[lệnh]", "[command]"),
        ("help.marker-required", "(bắt buộc)", "(REQUIRED)"),
        ("help.marker-default", "[mặc định: ", "[default: "),

        // The tool and its options for every command.
        ("help.thidua", "thidua — kiểm tra tiêu chuẩn thi đua, khen thưởng theo bộ quy tắc", "thidua — checks emulation titles and commendations against a rule set (Vietnamese emulation and commendation rules engine)"),
        ("help.option.help", "Hiện trợ giúp và cách dùng", "Show help and usage information"),
        ("help.option.version", "Hiện phiên bản", "Show version information"),
        ("help.option.verbose", "Cho biết mỗi bước mất bao lâu, và in vết ngăn xếp (stack trace) của lỗi nội bộ.", "Show how long each step took, and stack traces of internal errors."),
        ("help.option.lang", "Ngôn ngữ của thông báo: vi (mặc định) hoặc en.", "Language of messages: vi (default) or en."),
        ("help.option.plugin", "Nạp loại tiêu chí và hàm từ một plug-in (.dll); lặp lại khi có nhiều plug-in.", "Load criterion types and functions from a plug-in assembly (.dll); repeat for several."),
        ("help.option.max-file-size", "Từ chối tệp dữ liệu lớn hơn mức này (byte, hoặc kèm KB, MB, GB); mặc định 2GB.", "Refuse data files larger than this (bytes, or with KB, MB, GB); default 2GB."),
        ("help.option.max-subjects", "Từ chối dữ liệu có nhiều đơn vị và cá nhân hơn mức này; mặc định 10000000.", "Refuse data with more units and individuals than this; default 10000000."),
        ("help.option.max-criterion-work", "Từ chối tiêu chí mà các phép tổng hợp lồng nhau phải duyệt nhiều phần tử danh sách hơn mức này trên dữ liệu; mặc định 1000000000.", "Refuse a criterion whose nested aggregates would visit more list elements than this on the data; default 1000000000."),
        ("help.option.votes", "Phiếu bầu kín của hội đồng: CSV, XLSX hoặc JSON với các cột 'subject', 'award', 'members', 'yes' (nhận cả tiêu đề tiếng Việt).", "The council's secret ballots: CSV, XLSX or JSON with the columns subject, award, members, yes (Vietnamese headers accepted)."),
        ("help.option.history", "Tệp lưu trữ do 'thidua record' ghi: điền lịch sử của từng đối tượng (theo mã); lịch sử trong tệp dữ liệu được ưu tiên.", "An archive written by 'thidua record': fills each subject's history (matching by id); history in the data file wins."),
        ("help.option.set", "Giá trị tham số cho lần chạy này, lặp lại được: --set cstdcsMaxShareOfLdtt=12% (tỷ lệ phải có dấu %; null = bỏ giá trị).", "A parameter's value for this run, repeatable: --set cstdcsMaxShareOfLdtt=12% (a share needs its percent sign; null removes the value)."),
        ("help.option.rules", "Tệp hoặc thư mục quy tắc (dùng phiên bản có hiệu lực vào ngày tính).", "Rule file or folder (the version in force on the as-of date is used)."),
        ("help.option.data", "Tệp dữ liệu: JSON chuẩn, CSV hoặc XLSX.", "Data file: canonical JSON, CSV or XLSX."),
        ("help.option.as-of", "Ngày tính (YYYY-MM-DD); mặc định: asOf của dữ liệu.", "As-of date (YYYY-MM-DD); default: the data's asOf."),
        ("help.arg.path", "Tệp hoặc thư mục quy tắc.", "Rule file or folder."),

        // check.
        ("help.check", """
            Xét một tệp dữ liệu và liệt kê ai được đề nghị danh hiệu, hình thức khen thưởng nào, kèm lý do và căn cứ pháp lý.
            Ví dụ:
              thidua check --rules rules/vn --data rules/samples/ban-quan-ly-2024.json
              thidua check --rules rules/vn --data data.json --as-of 2023-12-31 --format json --include all --out r.json
              thidua check --rules rules/vn --data tinh-2024.json --format json --detail reasons --out r.json
              thidua check --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --set cstdcsMaxShareOfLdtt=12%
            """, """
            Evaluate a data file and list who is proposed for which award, with reasons and legal basis.
            Examples:
              thidua check --rules rules/vn --data rules/samples/ban-quan-ly-2024.json
              thidua check --rules rules/vn --data data.json --as-of 2023-12-31 --format json --include all --out r.json
              thidua check --rules rules/vn --data tinh-2024.json --format json --detail reasons --out r.json
              thidua check --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --set cstdcsMaxShareOfLdtt=12%
            """),
        ("help.check.data", "Tệp dữ liệu: JSON chuẩn, CSV hoặc XLSX (xem docs/spreadsheets.md).", "Data file: canonical JSON, CSV or XLSX (see docs/spreadsheets.md)."),
        ("help.check.format", "Định dạng kết quả: table (mặc định), json, csv, xlsx hoặc html; xlsx cần --out.", "Output format: table (default), json, csv, xlsx or html; xlsx needs --out."),
        ("help.check.out", "Ghi vào tệp này (trọn vẹn, không ghi dở) thay vì ra màn hình.", "Write to this file (atomically) instead of standard output."),
        ("help.check.include", "decided (mặc định): bỏ các cặp chỉ không đạt vì thiếu danh hiệu điều kiện; all: mọi cặp.", "decided (default): omit pairs that fail only on a prerequisite award; all: every pair."),
        ("help.check.detail", "Với --format json: 'full' (mặc định; mọi tiêu chí kèm thông báo và căn cứ, có thụt lề), 'reasons' (tiêu chí của mỗi danh hiệu nêu một lần kèm căn cứ, rồi kết quả của từng cặp và, khi không được đề nghị, các tiêu chí không đạt kèm giá trị; không thụt lề) hoặc 'outcomes' (căn cứ của mỗi danh hiệu một lần, rồi đối tượng, danh hiệu, kết quả và thứ hạng của từng cặp; không thụt lề) — cho các lần chạy rất lớn.", "For --format json: full (default; every criterion with message and basis, indented), reasons (each award's criteria named once with their basis, then each pair's outcome and, when not recommended, the criteria not passed with their values; no indentation) or outcomes (each award's basis once, then subject, award, outcome and rank of each pair, no indentation) — for very large runs."),

        // validate, test.
        ("help.validate", """
            Kiểm tra tệp quy tắc và liệt kê mọi lỗi theo dạng tệp:dòng:cột TDR### thông báo.
            Ví dụ:
              thidua validate rules
              thidua validate rules/vn/vn-tdkt-2024.json --lang en
            """, """
            Check rule files and list every problem as file:line:col TDR### message.
            Examples:
              thidua validate rules
              thidua validate rules/vn/vn-tdkt-2024.json --lang en
            """),
        ("help.test", """
            Chạy các kiểm thử viết trong tệp quy tắc và báo từng trường hợp sai kèm vị trí.
            Ví dụ:
              thidua test rules
              thidua test rules/vn/vn-tdkt-2024.json
            """, """
            Run the tests written inside rule files and report each failure with its position.
            Examples:
              thidua test rules
              thidua test rules/vn/vn-tdkt-2024.json
            """),

        // explain.
        ("help.explain", """
            Giải thích vì sao một đối tượng được hoặc không được đề nghị: từng danh hiệu, từng tiêu chí, giá trị thực tế và
            yêu cầu, căn cứ pháp lý, và với trường hợp suýt đạt thì còn thiếu gì.
            Ví dụ:
              thidua explain --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --subject NV001
              thidua explain --rules rules/vn --data data.json --subject QLDT --award tap-the-lao-dong-tien-tien --lang en
              thidua explain --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --subject NV070 --set cstdcsMaxShareOfLdtt=12%
            """, """
            Show why a subject is or is not proposed: every award, every criterion, actual and required values,
            legal basis, and for a near miss what is missing.
            Examples:
              thidua explain --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --subject NV001
              thidua explain --rules rules/vn --data data.json --subject QLDT --award tap-the-lao-dong-tien-tien --lang en
              thidua explain --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --subject NV070 --set cstdcsMaxShareOfLdtt=12%
            """),
        ("help.explain.rules", "Tệp hoặc thư mục quy tắc.", "Rule file or folder."),
        ("help.explain.data", "Tệp dữ liệu.", "Data file."),
        ("help.explain.subject", "Mã của cá nhân hoặc đơn vị.", "The individual's or unit's id."),
        ("help.explain.award", "Chỉ danh hiệu, hình thức này.", "Only this award."),

        // diff.
        ("help.diff", """
            Liệt kê mọi kết quả thay đổi giữa hai phiên bản quy tắc trên cùng dữ liệu, kèm tiêu chí tạo ra khác biệt và số
            lượng theo từng danh hiệu.
            Ví dụ:
              thidua diff --rules rules/vn --against rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json --data rules/samples/ban-quan-ly-2024.json
              thidua diff --rules rules/vn --as-of 2023-12-31 --against rules/vn --as-of-against 2024-12-31 --data rules/samples/ban-quan-ly-2024.json
              thidua diff --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --set cstdcsMaxShareOfLdtt=12%
            --set áp dụng cho vế thứ hai (phương án giả định); không có --against thì vế thứ hai chính là --rules.
            """, """
            List every outcome that changes between two rule versions on the same data, with the criterion that made the
            difference and a count per award.
            Examples:
              thidua diff --rules rules/vn --against rules/plans/soc-trang-bqlkcn-thi-dua-2021-2025.json --data rules/samples/ban-quan-ly-2024.json
              thidua diff --rules rules/vn --as-of 2023-12-31 --against rules/vn --as-of-against 2024-12-31 --data rules/samples/ban-quan-ly-2024.json
              thidua diff --rules rules/vn --data rules/samples/ban-quan-ly-2024.json --set cstdcsMaxShareOfLdtt=12%
            --set applies to the second side (the what-if); without --against the second side is --rules itself.
            """),
        ("help.diff.rules", "Tệp hoặc thư mục quy tắc thứ nhất.", "The first rule file or folder."),
        ("help.diff.against", "Tệp hoặc thư mục quy tắc thứ hai; mặc định: giống --rules (phương án giả định với --set).", "The second rule file or folder; default: the same as --rules (a what-if with --set)."),
        ("help.diff.data", "Tệp dữ liệu.", "Data file."),
        ("help.diff.as-of", "Ngày tính cho cả hai vế (YYYY-MM-DD); mặc định: asOf của dữ liệu.", "As-of date for both sides (YYYY-MM-DD); default: the data's asOf."),
        ("help.diff.as-of-against", "Ngày tính khác cho vế thứ hai (để so sánh hai chế độ của cùng một thư mục).", "A different as-of date for the second side (to compare regimes of the same folder)."),
        ("help.diff.format", "table (mặc định) hoặc json.", "table (default) or json."),

        // record.
        ("help.record", """
            Lưu các danh hiệu đã quyết định trong năm và xếp loại của mọi đối tượng vào tệp lưu trữ, dùng cho --history năm sau.
            Ví dụ:
              thidua record --rules rules/vn --data ban-quan-ly-2024.xlsx --votes phieu-bau.csv --decision 125/QĐ-BQL --decided-on 2025-01-15 --archive thi-dua.db
            """, """
            Keep the year's decided awards and every subject's rating in an archive, for next year's --history.
            Example:
              thidua record --rules rules/vn --data ban-quan-ly-2024.xlsx --votes phieu-bau.csv --decision 125/QĐ-BQL --decided-on 2025-01-15 --archive thi-dua.db
            """),
        ("help.record.decision", "Số quyết định khen thưởng, ví dụ 125/QĐ-BQL.", "The number of the decision that awards them (số quyết định), for example 125/QĐ-BQL."),
        ("help.record.decided-on", "Ngày của quyết định (YYYY-MM-DD hoặc dd/MM/yyyy).", "The date of the decision (YYYY-MM-DD or dd/MM/yyyy)."),
        ("help.record.archive", "Tệp lưu trữ (SQLite; tạo mới khi chưa có). Ghi lại một năm đã có sẽ thay năm đó.", "The archive file (SQLite; created when missing). Recording a year again replaces that year."),

        // documents.
        ("help.documents", """
            Lập hồ sơ của hội đồng: danh sách đề nghị, tờ trình và biên bản họp, bằng tiếng Việt (với --lang en, bản dịch
            tiếng Anh của cùng các văn bản).
            Ví dụ:
              thidua documents --rules rules/vn --data ban-quan-ly-2024.xlsx --votes phieu-bau.csv --out ho-so-2024
            """, """
            Write the council's documents: the proposal list, the submission (tờ trình) and the minutes (biên bản họp),
            in Vietnamese (with --lang en, an English translation of the same documents).
            Example:
              thidua documents --rules rules/vn --data ban-quan-ly-2024.xlsx --votes phieu-bau.csv --out ho-so-2024
            """),
        ("help.documents.out", "Thư mục ghi ba tệp .docx (tạo mới khi chưa có).", "The folder to write the three .docx files into (created when missing)."),

        // import-rulesengine.
        ("help.import-rulesengine", """
            Chuyển mỗi quy trình (workflow) của tệp Microsoft RulesEngine thành một danh hiệu, mỗi quy tắc thành một tiêu chí.
            Phần không dịch được được liệt kê tại dòng và cột của nó; danh hiệu đó còn chạy chính quy trình gốc.
            Ví dụ:
              thidua import-rulesengine ldtt.workflow.json --extends rules/vn --out ldtt.rules.json
              thidua validate ldtt.rules.json
            """, """
            Turn each workflow of a Microsoft RulesEngine workflow file into an award, and each rule into a criterion.
            What cannot be translated is listed at its line and column; such an award also runs the workflow itself.
            Examples:
              thidua import-rulesengine ldtt.workflow.json --extends rules/vn --out ldtt.rules.json
              thidua validate ldtt.rules.json
            """),
        ("help.import-rulesengine.arg", "Tệp quy trình RulesEngine (JSON).", "A RulesEngine workflow file (JSON)."),
        ("help.import-rulesengine.extends", "Bộ quy tắc (tệp hoặc thư mục) mà tệp quy tắc mới kế thừa: dùng dữ kiện và thang của nó.", "A rule set (file or folder) the new rule file extends: its facts and scales are used."),
        ("help.import-rulesengine.out", "Tệp quy tắc sẽ ghi.", "The rule file to write."),

        // describe.
        ("help.describe", """
            Liệt kê những gì bộ quy tắc khai báo: trường và dữ kiện của đối tượng, thang và mức, danh hiệu, tham số, loại
            của plug-in.
            Ví dụ:
              thidua describe rules/vn
              thidua describe rules/vn --format json --lang en --out vn.json
            """, """
            List what a rule set declares: subject fields and facts, scales and levels, awards, parameters, plug-in types.
            Examples:
              thidua describe rules/vn
              thidua describe rules/vn --format json --lang en --out vn.json
            """),
        ("help.describe.format", "md (Markdown, mặc định) hoặc json.", "md (Markdown, default) or json."),
        ("help.describe.out", "Ghi vào tệp này thay vì ra màn hình.", "Write to this file instead of the console."),

        // template.
        ("help.template", """
            Lập sổ tính mẫu trống cho một bộ quy tắc: trang Cá nhân và Đơn vị với mọi cột mà quy tắc đọc (tiêu đề tiếng Việt,
            danh sách chọn, định dạng ngày và số), trang Thông tin (năm, ngày tính, cơ quan) và Hướng dẫn (bằng tiếng Anh với
            --lang en). Mẫu đã điền được 'check' đọc không có cảnh báo.
            Năm lấy theo --as-of, nếu không thì theo --year, nếu không thì theo bộ quy tắc: năm cuối của phiên bản mới nhất
            (31 tháng 12 của năm đầu khi phiên bản đó không có ngày kết thúc), không bao giờ lấy năm hiện tại của lịch.
            Ví dụ:
              thidua template --rules rules/vn --out mau-2024.xlsx --year 2024
              thidua template --rules rules/vn --out mau-2024.xlsx --as-of 2024-12-31
              thidua check --rules rules/vn --data mau-2024.xlsx
            """, """
            Write a blank workbook for a rule set: sheets Cá nhân and Đơn vị with every column the rules read (Vietnamese
            headers, drop-down lists, date and number formats), Thông tin (year, as-of date, agency) and Hướng dẫn
            (instructions; in English with --lang en). A filled template is read by 'check' without a warning.
            The year is --as-of's, else --year's, else the rule set's: the last year of its newest version (31 December
            of the first year when that version has no end), never the current calendar year.
            Examples:
              thidua template --rules rules/vn --out mau-2024.xlsx --year 2024
              thidua template --rules rules/vn --out mau-2024.xlsx --as-of 2024-12-31
              thidua check --rules rules/vn --data mau-2024.xlsx
            """),
        ("help.template.rules", "Bộ quy tắc (tệp hoặc thư mục) quyết định các cột của sổ tính.", "The rule set (file or folder) whose columns the workbook has."),
        ("help.template.out", "Sổ tính sẽ ghi (.xlsx).", "The workbook to write (.xlsx)."),
        ("help.template.as-of", "Ngày tính (YYYY-MM-DD): chọn phiên bản quy tắc, năm của trang thông tin và của các cột lịch sử.", "The evaluation date (YYYY-MM-DD): picks the rule version, the year of the information sheet and of the history columns."),
        ("help.template.year", "Năm được xét (ngày tính là 31 tháng 12 của năm đó), khi không có --as-of.", "The evaluated year (as-of date 31 December of it), when --as-of is not given."),
    ];
}
