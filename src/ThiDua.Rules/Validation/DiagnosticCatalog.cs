using System.Collections.Frozen;

namespace ThiDua.Rules.Validation;

/// <summary>
/// The stable codes of every diagnostic the library reports, to match on (<c>d.Code == DiagnosticCodes.UnknownField</c>).
/// Codes 1–99 are about rule files, 101–199 about data, 201–259 about spreadsheets, 260–269 about the command line (usage
/// errors and plug-ins). A code never changes meaning.
/// </summary>
/// <remarks>Each summary gives the English template; <c>{0}</c>, <c>{1}</c>… are the diagnostic's
/// <see cref="Diagnostic.Arguments"/>.</remarks>
public static partial class DiagnosticCodes
{
    /// <summary><c>TDR001</c> (error): invalid JSON: {0}.</summary>
    public static readonly DiagnosticCode InvalidJson = new(1);

    /// <summary><c>TDR002</c> (error): unknown member '{0}' in {1}.</summary>
    public static readonly DiagnosticCode UnknownMember = new(2);

    /// <summary><c>TDR003</c> (error): missing required member '{0}' in {1}.</summary>
    public static readonly DiagnosticCode MissingMember = new(3);

    /// <summary><c>TDR004</c> (error): '{0}' must be {1}, but is {2}.</summary>
    public static readonly DiagnosticCode WrongJsonType = new(4);

    /// <summary><c>TDR005</c> (error): invalid date '{0}': use YYYY-MM-DD.</summary>
    public static readonly DiagnosticCode InvalidDate = new(5);

    /// <summary><c>TDR006</c> (error): invalid id '{0}': use lower-case letters without diacritics, digits and hyphens (kebab-case).</summary>
    public static readonly DiagnosticCode InvalidId = new(6);

    /// <summary><c>TDR007</c> (error): duplicate id '{0}' (first declared at {1}).</summary>
    public static readonly DiagnosticCode DuplicateId = new(7);

    /// <summary><c>TDR008</c> (error): invalid effective period: {0}.</summary>
    public static readonly DiagnosticCode InvalidEffectivePeriod = new(8);

    /// <summary><c>TDR009</c> (error): invalid value for '{0}': {1}.</summary>
    public static readonly DiagnosticCode InvalidValue = new(9);

    /// <summary><c>TDR010</c> (error): expression syntax error: {0}. No longer reported: each kind of syntax error has its
    /// own code (TDR086–TDR093, TDR034, TDR011); the number keeps its meaning and is not reused.</summary>
    public static readonly DiagnosticCode ExpressionSyntax = new(10);

    /// <summary><c>TDR011</c> (error): expression too long or too deeply nested: {0} (its length and the limit, the depth
    /// of nesting, or the depth of nested aggregates).</summary>
    public static readonly DiagnosticCode ExpressionTooComplex = new(11);

    /// <summary><c>TDR012</c> (error): unknown field '{0}' on {1}.</summary>
    public static readonly DiagnosticCode UnknownField = new(12);

    /// <summary><c>TDR013</c> (error): unknown function '{0}' (known functions: {1}).</summary>
    public static readonly DiagnosticCode UnknownFunction = new(13);

    /// <summary><c>TDR014</c> (error): type mismatch: {0}. No longer reported: each kind of type error has its own code
    /// (TDR094–TDR099, TDR270–TDR279); the number keeps its meaning and is not reused.</summary>
    public static readonly DiagnosticCode TypeMismatch = new(14);

    /// <summary><c>TDR015</c> (error): '{0}' is not a level of scale '{1}' (levels: {2}).</summary>
    public static readonly DiagnosticCode ScaleLiteralNotOnScale = new(15);

    /// <summary><c>TDR016</c> (error): unknown award '{0}'.</summary>
    public static readonly DiagnosticCode UnknownAward = new(16);

    /// <summary><c>TDR017</c> (error): award dependency cycle: {0}.</summary>
    public static readonly DiagnosticCode AwardDependencyCycle = new(17);

    /// <summary><c>TDR018</c> (error): criterion '{0}' must give true/false, but gives {1}.</summary>
    public static readonly DiagnosticCode CriterionNotBoolean = new(18);

    /// <summary><c>TDR019</c> (error): unknown criterion type '{0}' (known types: {1}).</summary>
    public static readonly DiagnosticCode UnknownCriterionType = new(19);

    /// <summary><c>TDR020</c> (error): invalid quota: {0}.</summary>
    public static readonly DiagnosticCode InvalidQuota = new(20);

    /// <summary><c>TDR021</c> (error): unknown scale '{0}'.</summary>
    public static readonly DiagnosticCode UnknownScale = new(21);

    /// <summary><c>TDR022</c> (error): unknown parameter '{0}'.</summary>
    public static readonly DiagnosticCode UnknownParameter = new(22);

    /// <summary><c>TDR023</c> (error): cannot read file: {0}.</summary>
    public static readonly DiagnosticCode FileNotReadable = new(23);

    /// <summary><c>TDR024</c> (error): unknown scoring table '{0}'.</summary>
    public static readonly DiagnosticCode UnknownScoring = new(24);

    /// <summary><c>TDR025</c> (error): '{0}' cannot be used for subject {1}.</summary>
    public static readonly DiagnosticCode WrongSubject = new(25);

    /// <summary><c>TDR026</c> (error): two versions of rule set '{0}' have overlapping effective periods (see {1}).</summary>
    public static readonly DiagnosticCode OverlappingVersions = new(26);

    /// <summary><c>TDR027</c> (error): no version of rule set '{0}' is in force on {1} (versions: {2}).</summary>
    public static readonly DiagnosticCode NoVersionInForce = new(27);

    /// <summary><c>TDR028</c> (error): the path holds several rule sets ({0}); name one file or folder.</summary>
    public static readonly DiagnosticCode AmbiguousRuleSet = new(28);

    /// <summary><c>TDR029</c> (error): criterion '{0}' must have exactly one of 'expr' or 'type'.</summary>
    public static readonly DiagnosticCode CriterionNeedsExprOrType = new(29);

    /// <summary><c>TDR030</c> (error): cannot use base rule set '{0}': {1}.</summary>
    public static readonly DiagnosticCode ExtendsProblem = new(30);

    /// <summary><c>TDR031</c> (error): fact '{0}' has the name of a built-in field.</summary>
    public static readonly DiagnosticCode FactShadowsField = new(31);

    /// <summary><c>TDR032</c> (error): input exceeds a limit: {0}.</summary>
    public static readonly DiagnosticCode InputTooLarge = new(32);

    /// <summary><c>TDR033</c> (error): test '{0}' names a subject that does not exist: '{1}'.</summary>
    public static readonly DiagnosticCode TestUnknownSubject = new(33);

    /// <summary><c>TDR034</c> (error): a lambda '{0} => …' can only be an argument of count, ratio, all, any, sum, avg, min or max, as in members.count(m => …).</summary>
    public static readonly DiagnosticCode UnknownLambdaUse = new(34);

    /// <summary><c>TDR070</c> (error): exclusive group '{0}' lists award '{1}' twice.</summary>
    public static readonly DiagnosticCode ExclusiveGroupRepeatsAward = new(70);

    /// <summary><c>TDR071</c> (error): exclusive group '{0}' mixes individuals and collectives: '{1}' and '{2}' are for different subjects.</summary>
    public static readonly DiagnosticCode ExclusiveGroupMixesSubjects = new(71);

    /// <summary><c>TDR072</c> (error): award '{0}' is in exclusive group '{1}' and in '{2}': an award belongs to one group at most.</summary>
    public static readonly DiagnosticCode AwardInTwoExclusiveGroups = new(72);

    /// <summary><c>TDR073</c> (error): exclusive group '{0}' needs at least two awards.</summary>
    public static readonly DiagnosticCode ExclusiveGroupTooSmall = new(73);

    /// <summary><c>TDR080</c> (error): cannot use RulesEngine workflow file '{0}': {1}.</summary>
    public static readonly DiagnosticCode WorkflowFileProblem = new(80);

    /// <summary><c>TDR081</c> (error): workflow '{0}' is not in '{1}' (workflows there: {2}).</summary>
    public static readonly DiagnosticCode WorkflowNotFound = new(81);

    /// <summary><c>TDR082</c> (error): rule '{0}' of workflow '{1}': the expression does not compile: {2}.</summary>
    public static readonly DiagnosticCode WorkflowRuleInvalid = new(82);

    /// <summary><c>TDR083</c> (error): rule '{0}' of workflow '{1}' reads input1.{2}, which is neither a built-in field nor a declared fact of {3}.</summary>
    public static readonly DiagnosticCode WorkflowUnknownInput = new(83);

    /// <summary><c>TDR084</c> (error): rule '{0}' of workflow '{1}' uses {2}, which a rule may not: only input1's fields, literals, operators and the listed methods ({3}).</summary>
    public static readonly DiagnosticCode WorkflowNotAllowed = new(84);

    /// <summary><c>TDR085</c> (error): rule '{0}' of workflow '{1}': {2} is not supported as a criterion.</summary>
    public static readonly DiagnosticCode WorkflowUnsupported = new(85);

    /// <summary><c>TDR101</c> (error): unknown member '{0}' in {1}.</summary>
    public static readonly DiagnosticCode DataUnknownMember = new(101);

    /// <summary><c>TDR102</c> (error): duplicate subject id '{0}' (first at {1}).</summary>
    public static readonly DiagnosticCode DataDuplicateId = new(102);

    /// <summary><c>TDR103</c> (error): unit does not exist: '{0}'.</summary>
    public static readonly DiagnosticCode DataUnknownUnit = new(103);

    /// <summary><c>TDR104</c> (error): '{0}' is not a level of scale '{1}' (levels: {2}).</summary>
    public static readonly DiagnosticCode DataValueNotOnScale = new(104);

    /// <summary><c>TDR105</c> (error): invalid date '{0}': use YYYY-MM-DD.</summary>
    public static readonly DiagnosticCode DataInvalidDate = new(105);

    /// <summary><c>TDR106</c> (error): the unit tree loops: {0}.</summary>
    public static readonly DiagnosticCode DataParentCycle = new(106);

    /// <summary><c>TDR107</c> (error): invalid number for '{0}': {1}.</summary>
    public static readonly DiagnosticCode DataInvalidNumber = new(107);

    /// <summary><c>TDR108</c> (error): '{0}' must be {1}, but is {2}.</summary>
    public static readonly DiagnosticCode DataWrongType = new(108);

    /// <summary><c>TDR109</c> (error): missing required member '{0}' in {1}.</summary>
    public static readonly DiagnosticCode DataMissingMember = new(109);

    /// <summary><c>TDR110</c> (warning): these facts are not declared by the rule set and are ignored: {0}.</summary>
    public static readonly DiagnosticCode DataUndeclaredFact = new(110);

    /// <summary><c>TDR111</c> (warning): award '{0}' in the history is not in the rule set and is ignored.</summary>
    public static readonly DiagnosticCode DataUnknownAward = new(111);

    /// <summary><c>TDR113</c> (warning): as-of date {0} is outside the evaluated year {1}: the rules in force on {0} are applied; check that this is intended (year-{1} achievements decided after a change of regime are an ambiguous case).</summary>
    public static readonly DiagnosticCode AsOfOutsideYear = new(113);

    /// <summary><c>TDR114</c> (error): {0} without an id: give every subject a unique, non-empty id.</summary>
    public static readonly DiagnosticCode DataEmptyId = new(114);

    /// <summary><c>TDR115</c> (warning): the id '{1}' ({0}) has spaces around it and is read as '{2}'.</summary>
    public static readonly DiagnosticCode DataIdSpaces = new(115);

    /// <summary><c>TDR116</c> (error): '{0}' of {1} '{2}' must be from {3} to {4}, but is {5}.</summary>
    public static readonly DiagnosticCode DataOutOfRange = new(116);

    /// <summary><c>TDR117</c> (error): '{0}' of {1} '{2}' must be one of {3}, but is '{4}'.</summary>
    public static readonly DiagnosticCode DataNotInVocabulary = new(117);

    /// <summary><c>TDR118</c> (warning): the history of {0} '{1}' names year {2}, after the evaluated year {3}: a past year is expected.</summary>
    public static readonly DiagnosticCode DataFutureHistoryYear = new(118);

    /// <summary><c>TDR119</c> (error): {0} '{1}' is not a year from {2} to {3}.</summary>
    public static readonly DiagnosticCode DataYearOutOfRange = new(119);

    /// <summary><c>TDR120</c> (error): the file is not UTF-8 text: the bytes at offset {0} are not UTF-8; save the file as UTF-8.</summary>
    public static readonly DiagnosticCode DataNotUtf8 = new(120);

    /// <summary><c>TDR121</c> (error): {0} number {1} is null: remove it or give its data.</summary>
    public static readonly DiagnosticCode DataNullSubject = new(121);

    /// <summary><c>TDR122</c> (error): the file is empty: it must hold one JSON object.</summary>
    public static readonly DiagnosticCode JsonEmptyFile = new(122);

    /// <summary><c>TDR123</c> (error): there is text after the end of the JSON document: a file holds exactly one JSON value; delete what follows.</summary>
    public static readonly DiagnosticCode JsonTextAfterDocument = new(123);

    /// <summary><c>TDR124</c> (error): the number {0} is out of range: numbers must lie within ±79228162514264337593543950335.</summary>
    public static readonly DiagnosticCode JsonNumberOutOfRange = new(124);

    /// <summary><c>TDR125</c> (error): {0} is not a number in JSON: write a finite number, or null when the value is not known.</summary>
    public static readonly DiagnosticCode JsonNotANumber = new(125);

    /// <summary><c>TDR126</c> (error): invalid number {0}: write a plain number such as 12 or 0.7 (decimal point, at most 28 significant digits).</summary>
    public static readonly DiagnosticCode JsonInvalidNumber = new(126);

    /// <summary><c>TDR127</c> (error): the file ends inside a text: close the double quote (was the file cut short?).</summary>
    public static readonly DiagnosticCode JsonUnterminatedString = new(127);

    /// <summary><c>TDR128</c> (error): the file ends too early: a closing }} or ] is missing (was the file cut short?).</summary>
    public static readonly DiagnosticCode JsonUnexpectedEnd = new(128);

    /// <summary><c>TDR129</c> (error): the member '{0}' appears twice in one object: delete one of them.</summary>
    public static readonly DiagnosticCode JsonDuplicateMember = new(129);

    /// <summary><c>TDR130</c> (error): a member name must be in double quotes, as in "id".</summary>
    public static readonly DiagnosticCode JsonUnquotedName = new(130);

    /// <summary><c>TDR131</c> (error): unexpected character {0}: text goes in double quotes; numbers in digits; true, false and null as they are.</summary>
    public static readonly DiagnosticCode JsonUnexpectedCharacter = new(131);

    /// <summary><c>TDR132</c> (error): a comma is missing before {0}: two elements are separated by a comma.</summary>
    public static readonly DiagnosticCode JsonMissingComma = new(132);

    /// <summary><c>TDR133</c> (error): a member name must be followed by a colon ':'.</summary>
    public static readonly DiagnosticCode JsonMissingColon = new(133);

    /// <summary><c>TDR134</c> (error): invalid escape (\\) in a text: write \\\\ for one \\ and \\" for a double quote.</summary>
    public static readonly DiagnosticCode JsonBadEscape = new(134);

    /// <summary><c>TDR135</c> (error): a comma before '{0}': delete it (JSON allows no trailing comma).</summary>
    public static readonly DiagnosticCode JsonTrailingComma = new(135);

    /// <summary><c>TDR136</c> (error): a comma with no element before it: delete the extra comma.</summary>
    public static readonly DiagnosticCode JsonEmptyElement = new(136);

    /// <summary><c>TDR137</c> (error): the JSON is nested more than {0} levels of brackets deep: no rule or data file needs that many.</summary>
    public static readonly DiagnosticCode JsonTooDeep = new(137);

    /// <summary><c>TDR150</c> (error): vote for '{0}' / '{1}': the pair is {2}, not recommended; the council votes on recommended pairs only.</summary>
    public static readonly DiagnosticCode VoteOnPairNotRecommended = new(150);

    /// <summary><c>TDR151</c> (error): more 'yes' votes ({0}) than council members ({1}).</summary>
    public static readonly DiagnosticCode VoteMoreYesThanMembers = new(151);

    /// <summary><c>TDR152</c> (error): the vote names an award that is not in the rule set: '{0}'.</summary>
    public static readonly DiagnosticCode VoteUnknownAward = new(152);

    /// <summary><c>TDR153</c> (error): the vote names a subject that is not in the data: '{0}'.</summary>
    public static readonly DiagnosticCode VoteUnknownSubject = new(153);

    /// <summary><c>TDR154</c> (error): invalid vote count '{0}' for '{1}': {2}.</summary>
    public static readonly DiagnosticCode VoteInvalidCount = new(154);

    /// <summary><c>TDR155</c> (error): a second vote for '{0}' / '{1}' (the first is at {2}).</summary>
    public static readonly DiagnosticCode VoteDuplicate = new(155);

    /// <summary><c>TDR156</c> (warning): the rule set gives no vote threshold for '{0}' (councilVote): the vote is shown but not judged.</summary>
    public static readonly DiagnosticCode VoteNoThreshold = new(156);

    /// <summary><c>TDR157</c> (warning): the history of '{0}' for {1} in the data file ({2}) differs from the archive ({3}): the data file's is used.</summary>
    public static readonly DiagnosticCode HistoryDiffersFromArchive = new(157);

    /// <summary><c>TDR158</c> (error): the archive cannot be used: {0}.</summary>
    public static readonly DiagnosticCode ArchiveUnusable = new(158);

    /// <summary><c>TDR201</c> (error): '{0}' must be {1}, but is {2}.</summary>
    public static readonly DiagnosticCode SheetInvalidCell = new(201);

    /// <summary><c>TDR202</c> (warning): unknown column '{0}' is ignored.</summary>
    public static readonly DiagnosticCode SheetUnknownColumn = new(202);

    /// <summary><c>TDR203</c> (warning): column '{0}' is not a built-in field and is read as the fact '{1}'.</summary>
    public static readonly DiagnosticCode SheetColumnReadAsFact = new(203);

    /// <summary><c>TDR204</c> (error): missing required column '{0}' (accepted headers: {1}).</summary>
    public static readonly DiagnosticCode SheetMissingColumn = new(204);

    /// <summary><c>TDR205</c> (error): column '{0}' means the same as column '{1}' (both are '{2}').</summary>
    public static readonly DiagnosticCode SheetDuplicateColumn = new(205);

    /// <summary><c>TDR206</c> (error): no sheet of individuals or units: name a sheet 'Cá nhân' (individuals) or 'Đơn vị' (units) (sheets found: {0}).</summary>
    public static readonly DiagnosticCode SheetNotFound = new(206);

    /// <summary><c>TDR207</c> (error): '{0}' must be the same throughout the file: {1} here, but {3} at {2}.</summary>
    public static readonly DiagnosticCode SheetInconsistentValue = new(207);

    /// <summary><c>TDR208</c> (error): the evaluated year is missing: add a sheet 'Thông tin' with the rows 'Năm' (year) and 'Ngày tính' (as-of date), or a column 'Năm'.</summary>
    public static readonly DiagnosticCode SheetMissingYear = new(208);

    /// <summary><c>TDR209</c> (error): not a valid .xlsx workbook: {0}.</summary>
    public static readonly DiagnosticCode SpreadsheetInvalid = new(209);

    /// <summary><c>TDR210</c> (error): unsupported data file type '{0}': use .json, .csv, .txt (Unicode Text) or .xlsx (an old .xls workbook: open it in Excel and save it as .xlsx).</summary>
    public static readonly DiagnosticCode DataFormatNotSupported = new(210);

    /// <summary><c>TDR211</c> (error): the CSV file is not UTF-8 text: in Excel, save it as 'CSV UTF-8 (Comma delimited)'.</summary>
    public static readonly DiagnosticCode CsvNotUtf8 = new(211);

    /// <summary><c>TDR212</c> (error): malformed CSV: {0}.</summary>
    public static readonly DiagnosticCode CsvMalformed = new(212);
}

/// <summary>One entry of the catalog: default severity and the Vietnamese and English templates.</summary>
internal sealed record DiagnosticTemplate(DiagnosticCode Code, string Name, Severity Severity, string Vi, string En);

/// <summary>
/// Every message template, in one place. Templates use <c>{0}</c>, <c>{1}</c>… for their arguments; a test checks that
/// every code has both languages.
/// </summary>
internal static partial class DiagnosticCatalog
{
    private static readonly DiagnosticTemplate[] Entries =
    [
        new(DiagnosticCodes.InvalidJson, "InvalidJson", Severity.Error, "JSON không hợp lệ: {0}", "invalid JSON: {0}"),
        new(DiagnosticCodes.UnknownMember, "UnknownMember", Severity.Error, "trường không xác định '{0}' trong {1}", "unknown member '{0}' in {1}"),
        new(DiagnosticCodes.MissingMember, "MissingMember", Severity.Error, "thiếu trường bắt buộc '{0}' trong {1}", "missing required member '{0}' in {1}"),
        new(DiagnosticCodes.WrongJsonType, "WrongJsonType", Severity.Error, "'{0}' phải là {1}, nhưng là {2}", "'{0}' must be {1}, but is {2}"),
        new(DiagnosticCodes.InvalidDate, "InvalidDate", Severity.Error, "ngày không hợp lệ '{0}': dùng dạng YYYY-MM-DD", "invalid date '{0}': use YYYY-MM-DD"),
        new(DiagnosticCodes.InvalidId, "InvalidId", Severity.Error, "mã '{0}' không hợp lệ: dùng chữ thường không dấu, số và dấu gạch ngang (kebab-case)", "invalid id '{0}': use lower-case letters without diacritics, digits and hyphens (kebab-case)"),
        new(DiagnosticCodes.DuplicateId, "DuplicateId", Severity.Error, "mã '{0}' bị trùng (đã khai báo tại {1})", "duplicate id '{0}' (first declared at {1})"),
        new(DiagnosticCodes.InvalidEffectivePeriod, "InvalidEffectivePeriod", Severity.Error, "thời gian hiệu lực không hợp lệ: {0}", "invalid effective period: {0}"),
        new(DiagnosticCodes.InvalidValue, "InvalidValue", Severity.Error, "giá trị không hợp lệ cho '{0}': {1}", "invalid value for '{0}': {1}"),
        new(DiagnosticCodes.ExpressionSyntax, "ExpressionSyntax", Severity.Error, "lỗi cú pháp biểu thức: {0}", "expression syntax error: {0}"),
        new(DiagnosticCodes.ExpressionTooComplex, "ExpressionTooComplex", Severity.Error, "biểu thức quá dài hoặc lồng quá sâu: {0}", "expression too long or too deeply nested: {0}"),
        new(DiagnosticCodes.UnknownField, "UnknownField", Severity.Error, "trường không xác định '{0}' của {1}", "unknown field '{0}' on {1}"),
        new(DiagnosticCodes.UnknownFunction, "UnknownFunction", Severity.Error, "hàm không xác định '{0}' (các hàm có: {1})", "unknown function '{0}' (known functions: {1})"),
        new(DiagnosticCodes.TypeMismatch, "TypeMismatch", Severity.Error, "sai kiểu: {0}", "type mismatch: {0}"),
        new(DiagnosticCodes.ScaleLiteralNotOnScale, "ScaleLiteralNotOnScale", Severity.Error, "'{0}' không phải là mức của thang '{1}' (các mức: {2})", "'{0}' is not a level of scale '{1}' (levels: {2})"),
        new(DiagnosticCodes.UnknownAward, "UnknownAward", Severity.Error, "danh hiệu/hình thức khen thưởng không xác định '{0}'", "unknown award '{0}'"),
        new(DiagnosticCodes.AwardDependencyCycle, "AwardDependencyCycle", Severity.Error, "vòng phụ thuộc giữa các danh hiệu: {0}", "award dependency cycle: {0}"),
        new(DiagnosticCodes.CriterionNotBoolean, "CriterionNotBoolean", Severity.Error, "tiêu chí '{0}' phải cho giá trị đúng/sai, nhưng cho {1}", "criterion '{0}' must give true/false, but gives {1}"),
        new(DiagnosticCodes.UnknownCriterionType, "UnknownCriterionType", Severity.Error, "loại tiêu chí không xác định '{0}' (các loại có: {1})", "unknown criterion type '{0}' (known types: {1})"),
        new(DiagnosticCodes.InvalidQuota, "InvalidQuota", Severity.Error, "chỉ tiêu (quota) không hợp lệ: {0}", "invalid quota: {0}"),
        new(DiagnosticCodes.UnknownScale, "UnknownScale", Severity.Error, "thang không xác định '{0}'", "unknown scale '{0}'"),
        new(DiagnosticCodes.UnknownParameter, "UnknownParameter", Severity.Error, "tham số không xác định '{0}'", "unknown parameter '{0}'"),
        new(DiagnosticCodes.FileNotReadable, "FileNotReadable", Severity.Error, "không đọc được tệp: {0}", "cannot read file: {0}"),
        new(DiagnosticCodes.UnknownScoring, "UnknownScoring", Severity.Error, "bảng chấm điểm không xác định '{0}'", "unknown scoring table '{0}'"),
        new(DiagnosticCodes.WrongSubject, "WrongSubject", Severity.Error, "'{0}' không dùng được cho đối tượng {1}", "'{0}' cannot be used for subject {1}"),
        new(DiagnosticCodes.OverlappingVersions, "OverlappingVersions", Severity.Error, "hai phiên bản của bộ quy tắc '{0}' có thời gian hiệu lực chồng nhau (xem {1})", "two versions of rule set '{0}' have overlapping effective periods (see {1})"),
        new(DiagnosticCodes.NoVersionInForce, "NoVersionInForce", Severity.Error, "không có phiên bản nào của bộ quy tắc '{0}' có hiệu lực ngày {1} (các phiên bản: {2})", "no version of rule set '{0}' is in force on {1} (versions: {2})"),
        new(DiagnosticCodes.AmbiguousRuleSet, "AmbiguousRuleSet", Severity.Error, "đường dẫn chứa nhiều bộ quy tắc ({0}); hãy chỉ định một tệp hoặc thư mục", "the path holds several rule sets ({0}); name one file or folder"),
        new(DiagnosticCodes.CriterionNeedsExprOrType, "CriterionNeedsExprOrType", Severity.Error, "tiêu chí '{0}' phải có đúng một trong 'expr' hoặc 'type'", "criterion '{0}' must have exactly one of 'expr' or 'type'"),
        new(DiagnosticCodes.ExtendsProblem, "ExtendsProblem", Severity.Error, "không dùng được bộ quy tắc cơ sở '{0}': {1}", "cannot use base rule set '{0}': {1}"),
        new(DiagnosticCodes.FactShadowsField, "FactShadowsField", Severity.Error, "dữ kiện '{0}' trùng tên với trường có sẵn", "fact '{0}' has the name of a built-in field"),
        new(DiagnosticCodes.InputTooLarge, "InputTooLarge", Severity.Error, "dữ liệu vượt giới hạn: {0}", "input exceeds a limit: {0}"),
        new(DiagnosticCodes.TestUnknownSubject, "TestUnknownSubject", Severity.Error, "kiểm thử '{0}' nhắc đến đối tượng không có '{1}'", "test '{0}' names a subject that does not exist: '{1}'"),
        new(DiagnosticCodes.UnknownLambdaUse, "UnknownLambdaUse", Severity.Error, "lambda '{0} => …' chỉ dùng làm đối số của count, ratio, all, any, sum, avg, min hoặc max, ví dụ members.count(m => …)", "a lambda '{0} => …' can only be an argument of count, ratio, all, any, sum, avg, min or max, as in members.count(m => …)"),
        new(DiagnosticCodes.ExclusiveGroupRepeatsAward, "ExclusiveGroupRepeatsAward", Severity.Error, "nhóm loại trừ '{0}' liệt kê danh hiệu/hình thức '{1}' hai lần", "exclusive group '{0}' lists award '{1}' twice"),
        new(DiagnosticCodes.ExclusiveGroupMixesSubjects, "ExclusiveGroupMixesSubjects", Severity.Error, "nhóm loại trừ '{0}' trộn cá nhân và tập thể: '{1}' và '{2}' dành cho đối tượng khác nhau", "exclusive group '{0}' mixes individuals and collectives: '{1}' and '{2}' are for different subjects"),
        new(DiagnosticCodes.AwardInTwoExclusiveGroups, "AwardInTwoExclusiveGroups", Severity.Error, "danh hiệu/hình thức '{0}' nằm trong nhóm loại trừ '{1}' và cả '{2}': mỗi danh hiệu chỉ thuộc tối đa một nhóm", "award '{0}' is in exclusive group '{1}' and in '{2}': an award belongs to one group at most"),
        new(DiagnosticCodes.ExclusiveGroupTooSmall, "ExclusiveGroupTooSmall", Severity.Error, "nhóm loại trừ '{0}' cần ít nhất hai danh hiệu/hình thức", "exclusive group '{0}' needs at least two awards"),
        new(DiagnosticCodes.WorkflowFileProblem, "WorkflowFileProblem", Severity.Error, "không dùng được tệp quy trình (workflow) RulesEngine '{0}': {1}", "cannot use RulesEngine workflow file '{0}': {1}"),
        new(DiagnosticCodes.WorkflowNotFound, "WorkflowNotFound", Severity.Error, "không có quy trình (workflow) '{0}' trong '{1}' (các quy trình có: {2})", "workflow '{0}' is not in '{1}' (workflows there: {2})"),
        new(DiagnosticCodes.WorkflowRuleInvalid, "WorkflowRuleInvalid", Severity.Error, "quy tắc '{0}' của quy trình '{1}': biểu thức không biên dịch được: {2}", "rule '{0}' of workflow '{1}': the expression does not compile: {2}"),
        new(DiagnosticCodes.WorkflowUnknownInput, "WorkflowUnknownInput", Severity.Error, "quy tắc '{0}' của quy trình '{1}' đọc input1.{2}, không phải trường có sẵn hay dữ kiện đã khai báo của {3}", "rule '{0}' of workflow '{1}' reads input1.{2}, which is neither a built-in field nor a declared fact of {3}"),
        new(DiagnosticCodes.WorkflowNotAllowed, "WorkflowNotAllowed", Severity.Error, "quy tắc '{0}' của quy trình '{1}' dùng {2}, điều mà quy tắc không được phép: chỉ được dùng các trường của input1, hằng, phép toán và các phương thức sau ({3})", "rule '{0}' of workflow '{1}' uses {2}, which a rule may not: only input1's fields, literals, operators and the listed methods ({3})"),
        new(DiagnosticCodes.WorkflowUnsupported, "WorkflowUnsupported", Severity.Error, "quy tắc '{0}' của quy trình '{1}': không hỗ trợ {2} khi dùng làm tiêu chí", "rule '{0}' of workflow '{1}': {2} is not supported as a criterion"),
        new(DiagnosticCodes.DataUnknownMember, "DataUnknownMember", Severity.Error, "trường không xác định '{0}' trong {1}", "unknown member '{0}' in {1}"),
        new(DiagnosticCodes.DataDuplicateId, "DataDuplicateId", Severity.Error, "mã đối tượng '{0}' bị trùng (đã có tại {1})", "duplicate subject id '{0}' (first at {1})"),
        new(DiagnosticCodes.DataUnknownUnit, "DataUnknownUnit", Severity.Error, "đơn vị không tồn tại '{0}'", "unit does not exist: '{0}'"),
        new(DiagnosticCodes.DataValueNotOnScale, "DataValueNotOnScale", Severity.Error, "'{0}' không phải là mức của thang '{1}' (các mức: {2})", "'{0}' is not a level of scale '{1}' (levels: {2})"),
        new(DiagnosticCodes.DataInvalidDate, "DataInvalidDate", Severity.Error, "ngày không hợp lệ '{0}': dùng dạng YYYY-MM-DD", "invalid date '{0}': use YYYY-MM-DD"),
        new(DiagnosticCodes.DataParentCycle, "DataParentCycle", Severity.Error, "cây đơn vị có vòng lặp: {0}", "the unit tree loops: {0}"),
        new(DiagnosticCodes.DataInvalidNumber, "DataInvalidNumber", Severity.Error, "số không hợp lệ cho '{0}': {1}", "invalid number for '{0}': {1}"),
        new(DiagnosticCodes.DataWrongType, "DataWrongType", Severity.Error, "'{0}' phải là {1}, nhưng là {2}", "'{0}' must be {1}, but is {2}"),
        new(DiagnosticCodes.DataMissingMember, "DataMissingMember", Severity.Error, "thiếu trường bắt buộc '{0}' trong {1}", "missing required member '{0}' in {1}"),
        new(DiagnosticCodes.DataUnknownAward, "DataUnknownAward", Severity.Warning, "danh hiệu '{0}' trong lịch sử không có trong bộ quy tắc nên bị bỏ qua", "award '{0}' in the history is not in the rule set and is ignored"),
        new(DiagnosticCodes.AsOfOutsideYear, "AsOfOutsideYear", Severity.Warning, "ngày xét {0} nằm ngoài năm đánh giá {1}: áp dụng quy định có hiệu lực ngày {0}; hãy kiểm tra đây là ý định (thành tích năm {1} xét sau khi đổi chế độ pháp lý là trường hợp chưa rõ)", "as-of date {0} is outside the evaluated year {1}: the rules in force on {0} are applied; check that this is intended (year-{1} achievements decided after a change of regime are an ambiguous case)"),
        new(DiagnosticCodes.DataUndeclaredFact, "DataUndeclaredFact", Severity.Warning, "các dữ kiện sau không được bộ quy tắc khai báo nên bị bỏ qua: {0}", "these facts are not declared by the rule set and are ignored: {0}"),
        new(DiagnosticCodes.DataEmptyId, "DataEmptyId", Severity.Error, "{0} không có mã: hãy ghi cho mỗi đối tượng một mã riêng, không để trống", "{0} without an id: give every subject a unique, non-empty id"),
        new(DiagnosticCodes.DataIdSpaces, "DataIdSpaces", Severity.Warning, "mã '{1}' ({0}) có khoảng trắng ở đầu hoặc cuối nên được đọc là '{2}'", "the id '{1}' ({0}) has spaces around it and is read as '{2}'"),
        new(DiagnosticCodes.DataOutOfRange, "DataOutOfRange", Severity.Error, "'{0}' của {1} '{2}' phải từ {3} đến {4}, nhưng là {5}", "'{0}' of {1} '{2}' must be from {3} to {4}, but is {5}"),
        new(DiagnosticCodes.DataNotInVocabulary, "DataNotInVocabulary", Severity.Error, "'{0}' của {1} '{2}' phải là một trong {3}, nhưng là '{4}'", "'{0}' of {1} '{2}' must be one of {3}, but is '{4}'"),
        new(DiagnosticCodes.DataFutureHistoryYear, "DataFutureHistoryYear", Severity.Warning, "lịch sử của {0} '{1}' có năm {2}, sau năm đánh giá {3}: lịch sử chỉ ghi các năm trước", "the history of {0} '{1}' names year {2}, after the evaluated year {3}: a past year is expected"),
        new(DiagnosticCodes.DataYearOutOfRange, "DataYearOutOfRange", Severity.Error, "{0} '{1}' không phải là năm từ {2} đến {3}", "{0} '{1}' is not a year from {2} to {3}"),
        new(DiagnosticCodes.DataNotUtf8, "DataNotUtf8", Severity.Error, "tệp không phải văn bản UTF-8: các byte tại vị trí {0} không phải UTF-8; hãy lưu tệp dạng UTF-8", "the file is not UTF-8 text: the bytes at offset {0} are not UTF-8; save the file as UTF-8"),
        new(DiagnosticCodes.DataNullSubject, "DataNullSubject", Severity.Error, "{0} thứ {1} là null: hãy bỏ đi hoặc ghi đủ dữ liệu", "{0} number {1} is null: remove it or give its data"),
        new(DiagnosticCodes.JsonEmptyFile, "JsonEmptyFile", Severity.Error, "tệp rỗng: tệp phải chứa một đối tượng JSON", "the file is empty: it must hold one JSON object"),
        new(DiagnosticCodes.JsonTextAfterDocument, "JsonTextAfterDocument", Severity.Error, "có văn bản thừa sau khi tài liệu JSON đã kết thúc: tệp chỉ chứa đúng một giá trị JSON; hãy xóa phần phía sau", "there is text after the end of the JSON document: a file holds exactly one JSON value; delete what follows"),
        new(DiagnosticCodes.JsonNumberOutOfRange, "JsonNumberOutOfRange", Severity.Error, "số {0} nằm ngoài phạm vi: số phải nằm trong khoảng ±79228162514264337593543950335", "the number {0} is out of range: numbers must lie within ±79228162514264337593543950335"),
        new(DiagnosticCodes.JsonNotANumber, "JsonNotANumber", Severity.Error, "{0} không phải là số trong JSON: hãy ghi một số hữu hạn, hoặc null khi chưa biết giá trị", "{0} is not a number in JSON: write a finite number, or null when the value is not known"),
        new(DiagnosticCodes.JsonInvalidNumber, "JsonInvalidNumber", Severity.Error, "số không hợp lệ {0}: hãy ghi số thông thường như 12 hoặc 0.7 (dấu chấm thập phân, tối đa 28 chữ số có nghĩa)", "invalid number {0}: write a plain number such as 12 or 0.7 (decimal point, at most 28 significant digits)"),
        new(DiagnosticCodes.JsonUnterminatedString, "JsonUnterminatedString", Severity.Error, "tệp kết thúc giữa một chuỗi văn bản: hãy đóng dấu nháy kép (tệp có bị cắt cụt không?)", "the file ends inside a text: close the double quote (was the file cut short?)"),
        new(DiagnosticCodes.JsonUnexpectedEnd, "JsonUnexpectedEnd", Severity.Error, "tệp kết thúc quá sớm: còn thiếu dấu đóng ngoặc (tệp có bị cắt cụt không?)", "the file ends too early: a closing bracket is missing (was the file cut short?)"),
        new(DiagnosticCodes.JsonDuplicateMember, "JsonDuplicateMember", Severity.Error, "trường '{0}' xuất hiện hai lần trong cùng một đối tượng: hãy xóa một lần", "the member '{0}' appears twice in one object: delete one of them"),
        new(DiagnosticCodes.JsonUnquotedName, "JsonUnquotedName", Severity.Error, "tên trường phải đặt trong dấu nháy kép, ví dụ \"id\"", "a member name must be in double quotes, as in \"id\""),
        new(DiagnosticCodes.JsonUnexpectedCharacter, "JsonUnexpectedCharacter", Severity.Error, "ký tự không mong đợi {0}: văn bản phải đặt trong dấu nháy kép; số viết bằng chữ số; true, false và null viết nguyên dạng", "unexpected character {0}: text goes in double quotes; numbers in digits; true, false and null as they are"),
        new(DiagnosticCodes.JsonMissingComma, "JsonMissingComma", Severity.Error, "thiếu dấu phẩy trước {0}: giữa hai phần tử phải có dấu phẩy", "a comma is missing before {0}: two elements are separated by a comma"),
        new(DiagnosticCodes.JsonMissingColon, "JsonMissingColon", Severity.Error, "sau tên trường phải là dấu hai chấm ':'", "a member name must be followed by a colon ':'"),
        new(DiagnosticCodes.JsonBadEscape, "JsonBadEscape", Severity.Error, "chuỗi thoát (\\) không hợp lệ trong văn bản: dùng \\\\ cho một dấu \\ và \\\" cho một dấu nháy kép", "invalid escape (\\) in a text: write \\\\ for one \\ and \\\" for a double quote"),
        new(DiagnosticCodes.JsonTrailingComma, "JsonTrailingComma", Severity.Error, "dấu phẩy thừa trước '{0}': hãy xóa nó (JSON không cho phép dấu phẩy ở cuối)", "a comma before '{0}': delete it (JSON allows no trailing comma)"),
        new(DiagnosticCodes.JsonEmptyElement, "JsonEmptyElement", Severity.Error, "dấu phẩy không có phần tử đứng trước: hãy xóa dấu phẩy thừa", "a comma with no element before it: delete the extra comma"),
        new(DiagnosticCodes.JsonTooDeep, "JsonTooDeep", Severity.Error, "JSON lồng quá {0} cấp ngoặc: không tệp quy tắc hay dữ liệu nào cần nhiều cấp như vậy", "the JSON is nested more than {0} levels of brackets deep: no rule or data file needs that many"),
        new(DiagnosticCodes.VoteOnPairNotRecommended, "VoteOnPairNotRecommended", Severity.Error, "phiếu bầu cho '{0}' / '{1}': cặp này có kết quả {2}, không phải đề nghị; hội đồng chỉ bỏ phiếu cho các trường hợp được đề nghị", "vote for '{0}' / '{1}': the pair is {2}, not recommended; the council votes on recommended pairs only"),
        new(DiagnosticCodes.VoteMoreYesThanMembers, "VoteMoreYesThanMembers", Severity.Error, "số phiếu đồng ý ({0}) nhiều hơn số thành viên hội đồng ({1})", "more 'yes' votes ({0}) than council members ({1})"),
        new(DiagnosticCodes.VoteUnknownAward, "VoteUnknownAward", Severity.Error, "phiếu bầu ghi danh hiệu/hình thức không có trong bộ quy tắc: '{0}'", "the vote names an award that is not in the rule set: '{0}'"),
        new(DiagnosticCodes.VoteUnknownSubject, "VoteUnknownSubject", Severity.Error, "phiếu bầu ghi đối tượng không có trong dữ liệu: '{0}'", "the vote names a subject that is not in the data: '{0}'"),
        new(DiagnosticCodes.VoteInvalidCount, "VoteInvalidCount", Severity.Error, "số phiếu không hợp lệ '{0}' cho '{1}': {2}", "invalid vote count '{0}' for '{1}': {2}"),
        new(DiagnosticCodes.VoteDuplicate, "VoteDuplicate", Severity.Error, "phiếu bầu thứ hai cho '{0}' / '{1}' (phiếu đầu tại {2})", "a second vote for '{0}' / '{1}' (the first is at {2})"),
        new(DiagnosticCodes.VoteNoThreshold, "VoteNoThreshold", Severity.Warning, "bộ quy tắc không quy định tỷ lệ phiếu cho '{0}' (councilVote): kết quả bỏ phiếu được ghi nhưng không kết luận đạt/không đạt", "the rule set gives no vote threshold for '{0}' (councilVote): the vote is shown but not judged"),
        new(DiagnosticCodes.HistoryDiffersFromArchive, "HistoryDiffersFromArchive", Severity.Warning, "lịch sử của '{0}' năm {1} trong tệp dữ liệu ({2}) khác tệp lưu trữ ({3}): dùng lịch sử trong tệp dữ liệu", "the history of '{0}' for {1} in the data file ({2}) differs from the archive ({3}): the data file's is used"),
        new(DiagnosticCodes.ArchiveUnusable, "ArchiveUnusable", Severity.Error, "không dùng được tệp lưu trữ: {0}", "the archive cannot be used: {0}"),
        new(DiagnosticCodes.SheetInvalidCell, "SheetInvalidCell", Severity.Error, "ô '{0}' phải là {1}, nhưng là {2}", "'{0}' must be {1}, but is {2}"),
        new(DiagnosticCodes.SheetUnknownColumn, "SheetUnknownColumn", Severity.Warning, "cột '{0}' không được nhận biết nên bị bỏ qua", "unknown column '{0}' is ignored"),
        new(DiagnosticCodes.SheetColumnReadAsFact, "SheetColumnReadAsFact", Severity.Warning, "cột '{0}' không phải trường có sẵn nên được đọc là dữ kiện '{1}'", "column '{0}' is not a built-in field and is read as the fact '{1}'"),
        new(DiagnosticCodes.SheetMissingColumn, "SheetMissingColumn", Severity.Error, "thiếu cột bắt buộc '{0}' (tiêu đề được chấp nhận: {1})", "missing required column '{0}' (accepted headers: {1})"),
        new(DiagnosticCodes.SheetDuplicateColumn, "SheetDuplicateColumn", Severity.Error, "cột '{0}' trùng nghĩa với cột '{1}' (cùng là '{2}')", "column '{0}' means the same as column '{1}' (both are '{2}')"),
        new(DiagnosticCodes.SheetNotFound, "SheetNotFound", Severity.Error, "không tìm thấy trang tính cá nhân hoặc đơn vị: đặt tên trang là 'Cá nhân' hoặc 'Đơn vị' (các trang hiện có: {0})", "no sheet of individuals or units: name a sheet 'Cá nhân' (individuals) or 'Đơn vị' (units) (sheets found: {0})"),
        new(DiagnosticCodes.SheetInconsistentValue, "SheetInconsistentValue", Severity.Error, "'{0}' phải giống nhau trong toàn tệp: ở đây là {1}, nhưng tại {2} là {3}", "'{0}' must be the same throughout the file: {1} here, but {3} at {2}"),
        new(DiagnosticCodes.SheetMissingYear, "SheetMissingYear", Severity.Error, "không xác định được năm đánh giá: thêm trang 'Thông tin' có dòng 'Năm' và 'Ngày tính', hoặc cột 'Năm'", "the evaluated year is missing: add a sheet 'Thông tin' with the rows 'Năm' (year) and 'Ngày tính' (as-of date), or a column 'Năm'"),
        new(DiagnosticCodes.SpreadsheetInvalid, "SpreadsheetInvalid", Severity.Error, "tệp không phải là bảng tính .xlsx hợp lệ: {0}", "not a valid .xlsx workbook: {0}"),
        new(DiagnosticCodes.DataFormatNotSupported, "DataFormatNotSupported", Severity.Error, "không hỗ trợ loại tệp dữ liệu '{0}': dùng .json, .csv, .txt (Unicode Text) hoặc .xlsx (tệp .xls cũ: mở bằng Excel và lưu thành .xlsx)", "unsupported data file type '{0}': use .json, .csv, .txt (Unicode Text) or .xlsx (an old .xls workbook: open it in Excel and save it as .xlsx)"),
        new(DiagnosticCodes.CsvNotUtf8, "CsvNotUtf8", Severity.Error, "tệp CSV không phải văn bản UTF-8: trong Excel, chọn Lưu thành 'CSV UTF-8 (Comma delimited)'", "the CSV file is not UTF-8 text: in Excel, save it as 'CSV UTF-8 (Comma delimited)'"),
        new(DiagnosticCodes.CsvMalformed, "CsvMalformed", Severity.Error, "dòng CSV không hợp lệ: {0}", "malformed CSV: {0}"),
        .. LimitEntries,
        .. QuantityEntries,
        .. WorkbookEntries,
        .. CommandLineEntries,
        .. DatedValueEntries,
        .. LanguageEntries,
        .. ExpressionEntries,
        .. TestDataEntries,
    ];

    private static readonly FrozenDictionary<DiagnosticCode, DiagnosticTemplate> ByCode = Entries.ToFrozenDictionary(e => e.Code);

    /// <summary>Marks an argument as a term to translate (an object kind such as "award" or a type such as "individual").</summary>
    internal const char TermMarker = '\u0001';

    private static readonly FrozenDictionary<string, string> VietnameseTerms = new Dictionary<string, string>
    {
        ["rule set"] = "bộ quy tắc", ["effective"] = "thời gian hiệu lực", ["period"] = "thời kỳ", ["legal document"] = "văn bản pháp lý",
        ["parameter"] = "tham số", ["scale"] = "thang", ["scale level"] = "mức của thang", ["fact"] = "dữ kiện", ["award"] = "danh hiệu/hình thức khen thưởng",
        ["criterion"] = "tiêu chí", ["criterion arguments (args)"] = "các tham số của tiêu chí (args)", ["quota"] = "chỉ tiêu số lượng", ["rank key"] = "khóa xếp hạng", ["scoring table"] = "bảng chấm điểm",
        ["scoring item"] = "mục chấm điểm", ["exclusive group"] = "nhóm loại trừ (một thành tích, một hình thức)", ["council vote"] = "tỷ lệ phiếu của hội đồng", ["vote"] = "phiếu bầu", ["an array"] = "một mảng", ["an object"] = "một đối tượng",
        ["no such file"] = "không có tệp này", ["not an SQLite database, or a damaged one"] = "không phải cơ sở dữ liệu SQLite, hoặc tệp đã hỏng",
        ["an SQLite database of another program (no 'archive' table)"] = "cơ sở dữ liệu SQLite của chương trình khác (không có bảng 'archive')",
        ["written by a newer version of thidua"] = "được ghi bởi phiên bản thidua mới hơn",
        ["damaged: an award without its subject's rating"] = "tệp hỏng: có danh hiệu mà không có xếp loại của đối tượng",
        ["more entries than the data limits allow (--max-subjects, 100 years each)"] = "nhiều mục hơn giới hạn dữ liệu cho phép (--max-subjects, mỗi đối tượng 100 năm)",
        ["a text longer than the data limit allows"] = "có đoạn văn bản dài hơn giới hạn dữ liệu cho phép",
        ["damaged: an unknown subject kind"] = "tệp hỏng: loại đối tượng không xác định",
        ["the file is in use by another program"] = "tệp đang được chương trình khác sử dụng", ["the file cannot be written"] = "không ghi được tệp",
        ["the file cannot be read or written"] = "không đọc hoặc ghi được tệp",
        ["not-eligible"] = "không đủ tiêu chuẩn (not-eligible)", ["insufficient-data"] = "chưa đủ dữ liệu (insufficient-data)",
        ["eligible-over-quota"] = "đủ tiêu chuẩn nhưng vượt chỉ tiêu (eligible-over-quota)",
        ["a whole number, at least 1"] = "số nguyên, ít nhất là 1", ["a whole number, not negative"] = "số nguyên không âm", ["target"] = "chỉ tiêu kế hoạch", ["test"] = "kiểm thử", ["test defaults"] = "giá trị mặc định của kiểm thử",
        ["expectation"] = "kết quả mong đợi", ["target expectation"] = "kết quả chỉ tiêu mong đợi", ["data"] = "dữ liệu", ["unit"] = "đơn vị",
        ["individual"] = "cá nhân", ["enterprise"] = "doanh nghiệp", ["discipline"] = "kỷ luật", ["initiative"] = "sáng kiến",
        ["research work"] = "đề tài nghiên cứu", ["history year"] = "năm trong lịch sử", ["award record"] = "danh hiệu đã nhận",
        ["true/false"] = "đúng/sai", ["number"] = "số", ["ratio"] = "tỷ lệ", ["text"] = "văn bản", ["date"] = "ngày",

        // Spreadsheet cells (TDR2xx): what a cell was expected to hold, and what it held.
        ["an id (not empty)"] = "một mã (không để trống)", ["empty"] = "ô trống",
        ["a date such as 15/03/2015"] = "ngày dạng dd/MM/yyyy, ví dụ 15/03/2015",
        ["a number such as 12 or 12,5"] = "số, ví dụ 12 hoặc 12,5", ["a number, not negative"] = "số không âm",
        ["a year such as 2024"] = "năm, ví dụ 2024", ["yes or no (có/không, x, đúng/sai)"] = "có hoặc không (có/không, x, đúng/sai)",
        ["'Đơn vị' (unit) or 'Doanh nghiệp' (enterprise)"] = "'Đơn vị' (unit) hoặc 'Doanh nghiệp' (enterprise)",
        ["a list such as 'co-so 15/10/2024: name; tinh 01/03/2024'"] = "danh sách dạng 'co-so 15/10/2024: tên; tinh 01/03/2024'",
        ["award ids such as 'lao-dong-tien-tien; bang-khen-cap-tinh (20/05/2023)'"] = "các mã danh hiệu, ví dụ 'lao-dong-tien-tien; bang-khen-cap-tinh (20/05/2023)'",
        ["a discipline level, since a discipline date is given"] = "hình thức kỷ luật, vì đã có ngày kỷ luật",
        ["a value"] = "một giá trị",
    }.Concat(QuantityTerms).Concat(DatedValueTerms).Concat(TestDataTerms).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Wraps a term so that <see cref="Localize"/> translates it when the message is rendered.</summary>
    internal static string Term(string term) => TermMarker + term;

    /// <summary>Marks a whole diagnostic quoted inside another (the first error of a base rule set), so that it is rendered
    /// in the language of the message that quotes it, never frozen in English.</summary>
    internal const char NestedMarker = '\u0003';

    private const char NestedSeparator = '\u0004';

    /// <summary>Wraps <paramref name="diagnostic"/> (its place, code and arguments) as an argument of another diagnostic.</summary>
    internal static string Nested(Diagnostic diagnostic) =>
        NestedMarker + string.Join(NestedSeparator, [diagnostic.Span.ToString(), diagnostic.Code.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. diagnostic.Arguments.Select(a => a.Replace(NestedSeparator, ' '))]);

    private static string RenderNested(string argument, Language language)
    {
        var parts = argument[1..].Split(NestedSeparator);
        var code = new DiagnosticCode(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var nested = new Diagnostic(code, Get(code).Severity, Model.SourceSpan.None, [.. parts[2..]], null);
        return (parts[0].Length > 0 ? parts[0] + " " : "") + code + " " + nested.Message(language);
    }

    /// <summary>Renders an argument: terms and catalog phrases in the language asked for, other values (ids, numbers,
    /// names, quoted text) as they are; nothing is translated from English.</summary>
    internal static string Localize(string argument, Language language)
    {
        if (argument.Length == 0)
        {
            return argument;
        }

        if (argument[0] == NestedMarker)
        {
            return RenderNested(argument, language);
        }

        if (argument[0] == PhraseMarker)
        {
            return RenderPhrase(argument, language);
        }

        if (argument[0] == TermMarker)
        {
            var term = argument[1..];
            return language == Language.Vi && IsTerm(term, out var vietnamese) ? vietnamese : term;
        }

        return argument;
    }

    /// <summary>Whether <paramref name="term"/> is a term of the catalog, and its Vietnamese.</summary>
    internal static bool IsTerm(string term, out string vietnamese) =>
        VietnameseTerms.TryGetValue(term, out vietnamese!) || WorkbookTerms.TryGetValue(term, out vietnamese!) || CommandLineTerms.TryGetValue(term, out vietnamese!);

    /// <summary>Every catalog entry.</summary>
    internal static IReadOnlyList<DiagnosticTemplate> All => Entries;

    /// <summary>The codes no longer reported (their numbers keep their meaning and are not reused); the guide's table of
    /// codes lists every other code and none of these.</summary>
    internal static IReadOnlySet<DiagnosticCode> Retired { get; } = new HashSet<DiagnosticCode> { DiagnosticCodes.ExpressionSyntax, DiagnosticCodes.TypeMismatch };

    /// <summary>Returns the entry for a code.</summary>
    internal static DiagnosticTemplate Get(DiagnosticCode code) => ByCode[code];

    /// <summary>Whether the catalog has an entry for a code.</summary>
    internal static bool Contains(DiagnosticCode code) => ByCode.ContainsKey(code);
}
