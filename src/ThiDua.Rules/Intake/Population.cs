using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Intake;

/// <summary>One initiative or research work, with its scope resolved to a level index of the <c>scope</c> scale.</summary>
internal sealed record InitiativeRow(string? Name, int? Scope, LocalDate? RecognizedOn);

/// <summary>One past year: rating level index and the indices of the awards received (sorted).</summary>
internal sealed record HistoryRow(int Year, int? Rating, int[] Awards)
{
    /// <summary>The year's facts by slot (of the subject kind's declared facts), typed as this year's columns are (a
    /// level as its index); null when the year records none, or none the rules read.</summary>
    public object?[]? Facts { get; init; }

    public bool Has(int award) => Array.BinarySearch(Awards, award) >= 0;
}

/// <summary>
/// The data bound to a compiled rule set, in columns (one array per field) so that compiled criteria read a field with
/// one array access. Built once per data file by <c>CompiledRuleSet.Bind</c>; immutable afterwards.
/// </summary>
internal sealed class Population
{
    public const int NoDiscipline = -1;
    public const int DisciplineUnknown = -2;

    public required int Year { get; init; }

    public required LocalDate AsOf { get; init; }

    public required IndividualColumns Individuals { get; init; }

    public required UnitColumns Units { get; init; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool, string), System.Reflection.PropertyInfo> ColumnProperties = new();

    /// <summary>
    /// The value of a schema field for subject <paramref name="index"/>, as the compiled code sees it (a yes/no column's
    /// <c>bool</c> as such, a kind as its name). For explanations and plug-ins; compiled criteria read the columns directly.
    /// </summary>
    public object? Read(Schema.SubjectField field, int index)
    {
        var individual = field.ForIndividuals;
        if (field.Column is not { } name)
        {
            return (individual ? Individuals.Plain : Units.Plain)[field.PlainSlot].GetValue(index);
        }

        var property = ColumnProperties.GetOrAdd((individual, name), key =>
            (key.Item1 ? typeof(IndividualColumns) : typeof(UnitColumns)).GetProperty(key.Item2) ?? throw new InvalidOperationException("no column " + key.Item2));
        var value = ((Array)property.GetValue(individual ? Individuals : Units)!).GetValue(index);
        return value is SubjectKind kind ? KindName(kind) : value;
    }

    /// <summary>A unit's kind as expressions see it: <c>"enterprise"</c> or <c>"unit"</c>.</summary>
    internal static string KindName(SubjectKind kind) => kind == SubjectKind.Enterprise ? "enterprise" : "unit";
}

internal sealed class IndividualColumns
{
    public required int Count { get; init; }

    public required string[] Id { get; init; }

    public required string?[] Name { get; init; }

    public required int[] Unit { get; init; }

    public required string?[] UnitId { get; init; }

    public required int?[] Rating { get; init; }

    public required string?[] EmployeeType { get; init; }

    public required LocalDate?[] StartDate { get; init; }

    public required decimal?[] MonthsWorked { get; init; }

    public required decimal?[] DaysAbsent { get; init; }

    public required bool[] PendingReview { get; init; }

    public required int[] DisciplineLevel { get; init; }

    /// <summary>The discipline's level when its decision date falls in the evaluated year (<c>disciplinedInYear</c>).</summary>
    public required int[] DisciplineDecidedLevel { get; init; }

    public required InitiativeRow[][] Initiatives { get; init; }

    public required InitiativeRow[][] ResearchWorks { get; init; }

    public required HistoryRow[][] History { get; init; }

    /// <summary>Fact columns by fact slot: <c>bool?[]</c>, <c>decimal?[]</c>, <c>string?[]</c>, <c>LocalDate?[]</c> or <c>int?[]</c>.</summary>
    public required Array[] Facts { get; init; }

    /// <summary>The plain schema fields' columns by <see cref="Schema.SubjectField.PlainSlot"/>.</summary>
    public required Array[] Plain { get; init; }
}

internal sealed class UnitColumns
{
    public required int Count { get; init; }

    public required string[] Id { get; init; }

    public required string?[] Name { get; init; }

    public required SubjectKind[] Kind { get; init; }

    public required string?[] Cluster { get; init; }

    public required int[] Parent { get; init; }

    public required string?[] ParentId { get; init; }

    public required int[] Root { get; init; }

    public required int?[] Rating { get; init; }

    public required int[][] Members { get; init; }

    public required int[][] AllMembers { get; init; }

    public required int[][] Subunits { get; init; }

    public required HistoryRow[][] History { get; init; }

    public required Array[] Facts { get; init; }

    /// <summary>The plain schema fields' columns by <see cref="Schema.SubjectField.PlainSlot"/>.</summary>
    public required Array[] Plain { get; init; }

    public static ImmutableArray<int> Empty { get; } = [];
}
