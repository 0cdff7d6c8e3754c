namespace ThiDua.Rules.Writing;

internal static partial class ReportCatalog
{
    /// <summary>The words of <c>thidua describe</c>'s reference of a rule set: headings, table headers, subjects and the
    /// JSON types of the built-in fields (their labels come from the subject schema).</summary>
    private static (string Key, string Vi, string En)[] DescribeWords() =>
    [
        ("describe.extends", "Kế thừa {0}.", "Extends {0}."),
        ("describe.fields", "Trường có sẵn của đối tượng", "Built-in subject fields"),
        ("describe.fields-header", "trường | đối tượng | kiểu | ý nghĩa", "field | subject | type | meaning"),
        ("describe.facts", "Dữ kiện (facts)", "Facts"),
        ("describe.facts-header", "mã | đối tượng | kiểu | nhãn | nhãn tiếng Anh", "id | subject | type | label | English label"),
        ("describe.scales", "Thang và mức (thấp đến cao)", "Scales and levels (lowest to highest)"),
        ("describe.scales-header", "thang | các mức", "scale | levels"),
        ("describe.awards", "Danh hiệu, hình thức khen thưởng", "Awards"),
        ("describe.awards-header", "mã | tên | tên tiếng Anh | đối tượng | cần có trước | căn cứ", "id | name | English name | subject | requires | basis"),
        ("describe.parameters", "Tham số", "Parameters"),
        ("describe.parameters-header", "mã | kiểu | giá trị | nhãn | căn cứ", "id | type | value | label | basis"),
        ("describe.plugin-types", "Loại tiêu chí plug-in", "Plug-in criterion types"),
        ("describe.plugin-types-header", "loại | dùng ở", "type | used by"),
        ("describe.none", "Không có.", "None."),
        ("describe.dated-value", "{0} (từ {1})", "{0} (from {1})"),
        ("describe.dated-value-basis", "{0} (từ {1}, {2})", "{0} (from {1}, {2})"),
        ("describe.subject-individual", "cá nhân", "individual"),
        ("describe.subject-unit", "đơn vị, doanh nghiệp", "unit, enterprise"),
        ("describe.subject-both", "cá nhân, đơn vị", "individual, unit"),
        ("describe.expression-name", "trong biểu thức: {0}", "in expressions: {0}"),
        ("describe.required", "bắt buộc", "required"),
        ("describe.range", "từ {0} đến {1}", "from {0} to {1}"),
    ];
}
