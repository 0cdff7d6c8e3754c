using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;

using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Schema;

/// <summary>What a built-in field of the data holds (design §3).</summary>
public enum SubjectValueType
{
    /// <summary>The subject's id: text, required, not empty, without surrounding spaces, unique.</summary>
    Id,

    /// <summary>Free text (a name, a position).</summary>
    Text,

    /// <summary>The id of another subject (an individual's unit, a unit's parent).</summary>
    Reference,

    /// <summary>A number, with the field's range.</summary>
    Number,

    /// <summary>A date (ISO <c>YYYY-MM-DD</c> in JSON).</summary>
    Date,

    /// <summary>True or false (có / không).</summary>
    YesNo,

    /// <summary>A level of one of the rule set's scales (<see cref="SubjectField.Scale"/>).</summary>
    ScaleLevel,

    /// <summary>One word of a fixed vocabulary (<see cref="SubjectField.Vocabulary"/>).</summary>
    Vocabulary,

    /// <summary>A structured value read by its own reader: discipline, initiatives, research works, history, facts.</summary>
    Structured,

    /// <summary>A list derived from the organisation tree (members, all members, subunits); never read from data.</summary>
    Derived,

    /// <summary>A list of award ids or names (the awards the unit itself proposes); never read by expressions.</summary>
    AwardList,
}

/// <summary>
/// One built-in field of individuals or units, declared once: its names in expressions, JSON and spreadsheets, its
/// labels, what it holds and what a valid value is. Every reader (JSON, CSV, XLSX, objects built in C#), the type
/// checker, the compiler, data binding and the explanations take what they need from here.
/// </summary>
/// <remarks>Immutable and thread-safe. Obtain the declarations from <see cref="SubjectSchema"/>.</remarks>
public sealed class SubjectField
{
    internal SubjectField(string name, bool individual, SubjectValueType type, string labelVi, string labelEn)
    {
        Name = name;
        ForIndividuals = individual;
        Type = type;
        LabelVi = labelVi;
        LabelEn = labelEn;
        ExpressionName = name;
    }

    /// <summary>The canonical name: the JSON member of design §3 (also accepted as a spreadsheet header).</summary>
    public string Name { get; }

    /// <summary>Whether the field belongs to individuals (otherwise to units and enterprises).</summary>
    public bool ForIndividuals { get; }

    /// <summary>What the field holds.</summary>
    public SubjectValueType Type { get; }

    /// <summary>The Vietnamese label (a report header, the name in an explanation).</summary>
    public string LabelVi { get; }

    /// <summary>The English label.</summary>
    public string LabelEn { get; }

    /// <summary>The name in criterion expressions (<c>unitId</c> for the JSON member <c>unit</c>), or null when
    /// expressions cannot read the field.</summary>
    public string? ExpressionName { get; private set; }

    /// <summary>For <see cref="SubjectValueType.ScaleLevel"/>: the id of the scale the rule set declares.</summary>
    public string? Scale { get; private set; }

    /// <summary>For <see cref="SubjectValueType.Vocabulary"/>: the words accepted.</summary>
    public ImmutableArray<string> Vocabulary { get; private set; } = [];

    /// <summary>For numbers: the smallest valid value, or null.</summary>
    public decimal? Minimum { get; private set; }

    /// <summary>For numbers: the largest valid value, or null.</summary>
    public decimal? Maximum { get; private set; }

    /// <summary>Whether every subject must have the field.</summary>
    public bool Required { get; private set; }

    /// <summary>The spreadsheet headers accepted, preferred first (compared without case, spacing or diacritics).</summary>
    public ImmutableArray<string> Headers { get; private set; } = [];

    /// <summary>For a structured value: whether JSON writes it as an array (initiatives) rather than an object (discipline,
    /// history, facts).</summary>
    internal bool IsJsonArray { get; private set; }

    /// <summary>How a spreadsheet cell is written, for the documentation and the template.</summary>
    public string CellFormat { get; private set; } = "";

    /// <summary>The column of the bound population that holds the field (a property of the internal column types), or
    /// null when the field is bound generically from <see cref="Read"/> into a plain column.</summary>
    internal string? Column { get; private set; }

    /// <summary>Whether the field is bound generically: read with <see cref="Read"/>, held in a plain column.</summary>
    internal bool IsPlain => Column is null && Type is SubjectValueType.Text or SubjectValueType.Number or SubjectValueType.Date or SubjectValueType.YesNo or SubjectValueType.AwardList;

    /// <summary>Reads the field from an <see cref="Individual"/> or a <see cref="Unit"/>.</summary>
    internal Func<object, object?> Read { get; private set; } = _ => null;

    /// <summary>Returns a copy of the subject with the field set (readers use it for plain fields).</summary>
    internal Func<object, object?, object>? With { get; private set; }

    /// <summary>The position of the field in its subject kind's declarations (<see cref="SubjectSchema.Individuals"/> or
    /// <see cref="SubjectSchema.Units"/>).</summary>
    internal int Ordinal { get; set; }

    /// <summary>For a plain field: its index among the plain columns of its subject kind; otherwise -1.</summary>
    internal int PlainSlot { get; set; } = -1;

    /// <summary>The label in <paramref name="english"/> or Vietnamese.</summary>
    internal string Label(bool english) => english ? LabelEn : LabelVi;

    /// <summary>The CLR type of a plain column's values.</summary>
    internal Type PlainClrType => Type switch
    {
        SubjectValueType.Number => typeof(decimal?),
        SubjectValueType.Date => typeof(LocalDate?),
        SubjectValueType.YesNo => typeof(bool?),
        SubjectValueType.AwardList => typeof(string[]),
        _ => typeof(string),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal sealed class Builder(SubjectField declared)
    {
        public Builder Expression(string? name)
        {
            declared.ExpressionName = name;
            return this;
        }

        public Builder Column(string column)
        {
            declared.Column = column;
            return this;
        }

        public Builder OnScale(string scale)
        {
            declared.Scale = scale;
            return this;
        }

        public Builder Words(params string[] words)
        {
            declared.Vocabulary = [.. words];
            return this;
        }

        public Builder Range(decimal? minimum, decimal? maximum)
        {
            declared.Minimum = minimum;
            declared.Maximum = maximum;
            return this;
        }

        public Builder JsonArray()
        {
            declared.IsJsonArray = true;
            return this;
        }

        public Builder IsRequired()
        {
            declared.Required = true;
            return this;
        }

        public Builder Cells(string format, params string[] headers)
        {
            declared.CellFormat = format;
            declared.Headers = [.. headers];
            return this;
        }

        public Builder Get<TSubject>(Func<TSubject, object?> read)
        {
            declared.Read = subject => read((TSubject)subject);
            return this;
        }

        public Builder Set<TSubject, TValue>(Func<TSubject, TValue, TSubject> with)
        {
            declared.With = (subject, value) => with((TSubject)subject, (TValue)value!)!;
            return this;
        }

        public SubjectField Field => declared;
    }
}

/// <summary>
/// The subject schema: every built-in field of individuals and of units (design §3), declared once. Adding a field is
/// one declaration here (and a property on <see cref="Individual"/> or <see cref="Unit"/>): the readers, the type
/// checker, the compiler, data binding, the spreadsheet columns and the explanations follow.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class SubjectSchema
{
    private const string DateCell = "dd/MM/yyyy (15/03/2015), yyyy-MM-dd or an Excel date";

    private const string ProposalCell = "award ids or names separated by ';' or line breaks, e.g. 'lao-dong-tien-tien; Chiến sĩ thi đua cơ sở' (blank: none proposed)";

    private static readonly string[] ProposalHeaders = ["Đề nghị", "Đề nghị khen thưởng", "Hình thức đề nghị", "Danh hiệu đề nghị"];

    /// <summary>The smallest number of months worked in a year.</summary>
    public const int MinMonths = 0;

    /// <summary>The largest number of months worked in a year.</summary>
    public const int MaxMonths = 12;

    /// <summary>The earliest year data may name (evaluated or history).</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year data may name (evaluated or history).</summary>
    public const int MaxYear = 2200;

    /// <summary>The words of <c>employeeType</c>.</summary>
    public static ImmutableArray<string> EmployeeTypes { get; } = ["cong-chuc", "vien-chuc", "nguoi-lao-dong"];

    /// <summary>The words of a unit's <c>kind</c>.</summary>
    public static ImmutableArray<string> UnitKinds { get; } = ["unit", "enterprise"];

    private static SubjectField.Builder Person(string name, SubjectValueType type, string vi, string en) => new(new SubjectField(name, true, type, vi, en));

    private static SubjectField.Builder Collective(string name, SubjectValueType type, string vi, string en) => new(new SubjectField(name, false, type, vi, en));

    /// <summary>The built-in fields of individuals, in the order reports and templates show them.</summary>
    public static ImmutableArray<SubjectField> Individuals { get; } = Number(
    [
        Person("id", SubjectValueType.Id, "Mã cán bộ", "Id").Column("Id").IsRequired().Get<Individual>(i => i.Id)
            .Cells("text (required)", "Mã cán bộ", "Mã", "Mã CB", "Mã CBCCVC", "Mã nhân viên", "Mã số", "Mã định danh").Field,
        Person("name", SubjectValueType.Text, "Họ và tên", "Name").Column("Name").Get<Individual>(i => i.Name)
            .Cells("text", "Họ và tên", "Họ tên", "Tên").Field,
        Person("position", SubjectValueType.Text, "Chức vụ", "Position").Get<Individual>(i => i.Position).Set<Individual, string?>((i, v) => i with { Position = v })
            .Cells("text", "Chức vụ", "Chức danh", "Chức vụ, chức danh").Field,
        Person("unit", SubjectValueType.Reference, "Đơn vị", "Unit").Expression("unitId").Column("UnitId").Get<Individual>(i => i.Unit)
            .Cells("the id of a unit on the units sheet", "Đơn vị", "Mã đơn vị", "Đơn vị công tác").Field,
        Person("rating", SubjectValueType.ScaleLevel, "Xếp loại", "Rating").OnScale("rating").Column("Rating").Get<Individual>(i => i.Rating)
            .Cells("HTXSNV, HTTNV, HTNV, KHTNV (or HTXS…, or the full Vietnamese words)", "Xếp loại", "Xếp loại chất lượng").Field,
        Person("employeeType", SubjectValueType.Vocabulary, "Loại cán bộ", "Employee type").Words([.. EmployeeTypes]).Column("EmployeeType").Get<Individual>(i => i.EmployeeType)
            .Cells("Công chức / cong-chuc, Viên chức / vien-chuc, Người lao động / nguoi-lao-dong", "Loại cán bộ", "Đối tượng", "Loại CBCCVC").Field,
        Person("startDate", SubjectValueType.Date, "Ngày tuyển dụng", "Start date").Column("StartDate").Get<Individual>(i => i.StartDate)
            .Cells(DateCell, "Ngày tuyển dụng", "Ngày bắt đầu công tác", "Ngày vào làm", "Ngày, tháng, năm tuyển dụng", "Tháng, năm tuyển dụng", "Thời gian tuyển dụng").Field,
        Person("monthsWorked", SubjectValueType.Number, "Số tháng công tác", "Months worked").Range(MinMonths, MaxMonths).Column("MonthsWorked").Get<Individual>(i => i.MonthsWorked)
            .Cells("a number from 0 to 12", "Số tháng công tác", "Số tháng làm việc").Field,
        Person("daysAbsent", SubjectValueType.Number, "Số ngày nghỉ", "Days absent").Range(0, 366).Column("DaysAbsent").Get<Individual>(i => i.DaysAbsent)
            .Cells("a number from 0 to 366", "Số ngày nghỉ", "Số ngày nghỉ việc").Field,
        Person("pendingReview", SubjectValueType.YesNo, "Đang xem xét kỷ luật", "Under review").Column("PendingReview").Get<Individual>(i => i.PendingReview)
            .Cells("có / không (blank: không)", "Đang xem xét kỷ luật", "Đang bị xem xét kỷ luật").Field,
        Person("discipline", SubjectValueType.Structured, "Kỷ luật", "Discipline").Expression(null).OnScale("discipline").Get<Individual>(i => i.Discipline).Field,
        Person("initiatives", SubjectValueType.Structured, "Sáng kiến", "Initiatives").JsonArray().Column("Initiatives").Get<Individual>(i => i.Initiatives)
            .Cells("items separated by ';' or line breaks, each 'scope date: name', e.g. 'co-so 15/10/2024: Số hóa hồ sơ; tinh 01/03/2024'", "Sáng kiến").Field,
        Person("researchWorks", SubjectValueType.Structured, "Đề tài nghiên cứu", "Research works").JsonArray().Column("ResearchWorks").Get<Individual>(i => i.ResearchWorks)
            .Cells("as Sáng kiến", "Đề tài", "Đề tài nghiên cứu", "Đề tài khoa học").Field,
        Person("proposals", SubjectValueType.AwardList, "Đề nghị", "Proposals").Expression(null).Get<Individual>(i => i.Proposals?.ToArray()).Set<Individual, string[]>((i, v) => i with { Proposals = [.. v] })
            .Cells(ProposalCell, ProposalHeaders).Field,
        Person("facts", SubjectValueType.Structured, "Dữ kiện", "Facts").Expression(null).Get<Individual>(i => i.Facts).Field,
        Person("history", SubjectValueType.Structured, "Lịch sử", "History").Expression(null).Get<Individual>(i => i.History).Field,
    ]);

    /// <summary>The built-in fields of units and enterprises.</summary>
    public static ImmutableArray<SubjectField> Units { get; } = Number(
    [
        Collective("id", SubjectValueType.Id, "Mã đơn vị", "Id").Column("Id").IsRequired().Get<Unit>(u => u.Id)
            .Cells("text (required)", "Mã đơn vị", "Mã").Field,
        Collective("name", SubjectValueType.Text, "Tên đơn vị", "Name").Column("Name").Get<Unit>(u => u.Name)
            .Cells("text", "Tên đơn vị", "Tên", "Đơn vị", "Tên tập thể").Field,
        Collective("parent", SubjectValueType.Reference, "Đơn vị cấp trên", "Parent").Expression("parentId").Column("ParentId").Get<Unit>(u => u.Parent)
            .Cells("the id of another unit", "Đơn vị cấp trên", "Mã đơn vị cấp trên", "Cấp trên").Field,
        Collective("kind", SubjectValueType.Vocabulary, "Loại", "Kind").Words([.. UnitKinds]).Column("Kind").Get<Unit>(u => u.Kind == SubjectKind.Enterprise ? "enterprise" : "unit")
            .Cells("Đơn vị / unit, Doanh nghiệp / enterprise (blank: unit)", "Loại", "Loại đơn vị").Field,
        Collective("cluster", SubjectValueType.Text, "Cụm, khối thi đua", "Cluster").Column("Cluster").Get<Unit>(u => u.Cluster)
            .Cells("text", "Cụm thi đua", "Khối thi đua", "Cụm, khối thi đua").Field,
        Collective("rating", SubjectValueType.ScaleLevel, "Xếp loại", "Rating").OnScale("rating").Column("Rating").Get<Unit>(u => u.Rating)
            .Cells("HTXSNV, HTTNV, HTNV, KHTNV (or HTXS…, or the full Vietnamese words)", "Xếp loại", "Xếp loại chất lượng").Field,
        Collective("members", SubjectValueType.Derived, "Thành viên", "Members").Column("Members").Field,
        Collective("allMembers", SubjectValueType.Derived, "Mọi thành viên (cả đơn vị trực thuộc)", "All members").Column("AllMembers").Field,
        Collective("subunits", SubjectValueType.Derived, "Đơn vị trực thuộc", "Subunits").Column("Subunits").Field,
        Collective("proposals", SubjectValueType.AwardList, "Đề nghị", "Proposals").Expression(null).Get<Unit>(u => u.Proposals?.ToArray()).Set<Unit, string[]>((u, v) => u with { Proposals = [.. v] })
            .Cells(ProposalCell, ProposalHeaders).Field,
        Collective("facts", SubjectValueType.Structured, "Dữ kiện", "Facts").Expression(null).Get<Unit>(u => u.Facts).Field,
        Collective("history", SubjectValueType.Structured, "Lịch sử", "History").Expression(null).Get<Unit>(u => u.History).Field,
    ]);

    /// <summary>
    /// The facts of the standard vocabulary (design §3) that the national packs read, with the spreadsheet headers
    /// clerks write for them (preferred first): a column headed <c>Tự lực, đoàn kết, tích cực thi đua</c> is the fact
    /// <c>conduct</c>. The rule set still declares each fact (its type and label); this only names its column.
    /// </summary>
    internal static ImmutableArray<StandardFact> StandardFacts { get; } =
    [
        new("conduct", true, ["Tự lực, đoàn kết, tích cực thi đua", "Tự lực, tự cường, đoàn kết, tương trợ, tích cực thi đua", "Tự lực, tự cường, đoàn kết, tương trợ", "Tinh thần tự lực, đoàn kết, thi đua"]),
        new("movement", false, ["Phong trào thi đua thường xuyên, hiệu quả", "Phong trào thi đua thường xuyên, thiết thực, hiệu quả", "Phong trào thi đua"]),
        new("solidarity", false, ["Nội bộ đoàn kết", "Đoàn kết nội bộ"]),
        new("exceededTargets", false, ["Hoàn thành vượt mức chỉ tiêu", "Hoàn thành vượt mức các chỉ tiêu thi đua", "Vượt mức chỉ tiêu"]),
        new("clusterLeader", false, ["Dẫn đầu cụm, khối thi đua", "Dẫn đầu cụm thi đua", "Dẫn đầu khối thi đua"]),
    ];

    private static readonly FrozenDictionary<string, SubjectField> IndividualByExpression = ByExpression(Individuals);
    private static readonly FrozenDictionary<string, SubjectField> UnitByExpression = ByExpression(Units);
    private static readonly FrozenDictionary<string, SubjectField> IndividualByName = Individuals.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, SubjectField> UnitByName = Units.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The fields of individuals (<paramref name="individual"/>) or of units.</summary>
    public static ImmutableArray<SubjectField> Of(bool individual) => individual ? Individuals : Units;

    /// <summary>The field that expressions name <paramref name="expressionName"/>, or null.</summary>
    public static SubjectField? FindByExpression(bool individual, string expressionName) =>
        (individual ? IndividualByExpression : UnitByExpression).GetValueOrDefault(expressionName);

    /// <summary>The field whose canonical (JSON) name is <paramref name="name"/>, or null.</summary>
    public static SubjectField? Find(bool individual, string name) => (individual ? IndividualByName : UnitByName).GetValueOrDefault(name);

    /// <summary>Every name expressions can use on individuals (<paramref name="individual"/>) or on units.</summary>
    internal static IEnumerable<string> ExpressionNames(bool individual) => Of(individual).Where(f => f.ExpressionName is not null).Select(f => f.ExpressionName!);

    /// <summary>The plain fields (bound generically) of individuals or units, in declaration order.</summary>
    internal static ImmutableArray<SubjectField> PlainFields(bool individual) => individual ? IndividualPlain : UnitPlain;

    private static readonly ImmutableArray<SubjectField> IndividualPlain = [.. Individuals.Where(f => f.IsPlain)];
    private static readonly ImmutableArray<SubjectField> UnitPlain = [.. Units.Where(f => f.IsPlain)];

    private static ImmutableArray<SubjectField> Number(SubjectField[] fields)
    {
        var plain = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i].Ordinal = i;
            fields[i].PlainSlot = fields[i].IsPlain ? plain++ : -1;
        }

        return [.. fields];
    }

    private static FrozenDictionary<string, SubjectField> ByExpression(ImmutableArray<SubjectField> fields) =>
        fields.Where(f => f.ExpressionName is not null).ToFrozenDictionary(f => f.ExpressionName!, StringComparer.Ordinal);
}

/// <summary>A fact of the standard vocabulary and the spreadsheet headers that name its column (preferred first).</summary>
/// <param name="Id">The fact id, as rule sets declare it.</param>
/// <param name="ForIndividuals">Whether individuals have it (otherwise units).</param>
/// <param name="Headers">The Vietnamese headers accepted.</param>
internal sealed record StandardFact(string Id, bool ForIndividuals, ImmutableArray<string> Headers);
