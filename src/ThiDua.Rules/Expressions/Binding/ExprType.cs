using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Expressions.Binding;

internal enum TypeKind
{
    Bool,
    Number,
    Ratio,
    Text,
    Date,
    Scale,
    Null,
    Individual,
    Collective,
    Initiative,
    List,
}

/// <summary>The static type of an expression. Every type but lists and subjects has an "unknown" runtime state.</summary>
internal sealed class ExprType
{
    private static readonly ExprType[] Numbers = [.. Enum.GetValues<Quantity>().Select(q => new ExprType(TypeKind.Number, quantity: q))];

    private ExprType(TypeKind kind, ScaleDefinition? scale = null, ExprType? element = null, Quantity quantity = Quantity.Number)
    {
        Kind = kind;
        Scale = scale;
        Element = element;
        Quantity = kind == TypeKind.Ratio ? Quantity.Share : quantity;
    }

    public TypeKind Kind { get; }

    /// <summary>What a number measures (a ratio is always a share); <see cref="Quantity.Number"/> for every other type.</summary>
    public Quantity Quantity { get; }

    public ScaleDefinition? Scale { get; }

    public ExprType? Element { get; }

    public static ExprType Bool { get; } = new(TypeKind.Bool);

    public static ExprType Number => Numbers[0];

    /// <summary>A number of the given kind (one shared instance per kind).</summary>
    public static ExprType NumberOf(Quantity quantity) => Numbers[(int)quantity];

    public static ExprType Ratio { get; } = new(TypeKind.Ratio);

    public static ExprType Text { get; } = new(TypeKind.Text);

    public static ExprType Date { get; } = new(TypeKind.Date);

    public static ExprType Null { get; } = new(TypeKind.Null);

    public static ExprType Individual { get; } = new(TypeKind.Individual);

    public static ExprType Collective { get; } = new(TypeKind.Collective);

    public static ExprType Initiative { get; } = new(TypeKind.Initiative);

    public static ExprType IndividualList { get; } = new(TypeKind.List, element: Individual);

    public static ExprType CollectiveList { get; } = new(TypeKind.List, element: Collective);

    public static ExprType InitiativeList { get; } = new(TypeKind.List, element: Initiative);

    public static ExprType ScaleOf(ScaleDefinition scale) => new(TypeKind.Scale, scale);

    public bool IsNumeric => Kind is TypeKind.Number or TypeKind.Ratio;

    public bool IsSubject => Kind is TypeKind.Individual or TypeKind.Collective;

    public bool SameAs(ExprType other) =>
        Kind == other.Kind && (Kind != TypeKind.Scale || Scale!.Id == other.Scale!.Id) && (Kind != TypeKind.List || Element!.SameAs(other.Element!));

    public static ExprType FromValueKind(ValueKind kind, ScaleDefinition? scale, Quantity quantity = Quantity.Number) => kind switch
    {
        ValueKind.Bool => Bool,
        ValueKind.Number => NumberOf(quantity),
        ValueKind.Text => Text,
        ValueKind.Date => Date,
        _ => ScaleOf(scale!),
    };

    /// <summary>The type as a diagnostic argument: a catalog phrase ("a number", "a list of individuals"), rendered in the
    /// language of the message.</summary>
    public string Argument => Kind switch
    {
        TypeKind.Bool => DiagnosticCatalog.Phrase("type.bool"),
        TypeKind.Number => DiagnosticCatalog.Phrase("type.number"),
        TypeKind.Ratio => DiagnosticCatalog.Phrase("type.ratio"),
        TypeKind.Text => DiagnosticCatalog.Phrase("type.text"),
        TypeKind.Date => DiagnosticCatalog.Phrase("type.date"),
        TypeKind.Scale => DiagnosticCatalog.Phrase("type.scale", Scale!.Id),
        TypeKind.Null => DiagnosticCatalog.Phrase("type.null"),
        TypeKind.Individual => DiagnosticCatalog.Phrase("type.individual"),
        TypeKind.Collective => DiagnosticCatalog.Phrase("type.unit"),
        TypeKind.Initiative => DiagnosticCatalog.Phrase("type.initiative"),
        _ => Element!.Kind switch
        {
            TypeKind.Individual => DiagnosticCatalog.Phrase("type.list-individual"),
            TypeKind.Collective => DiagnosticCatalog.Phrase("type.list-unit"),
            _ => DiagnosticCatalog.Phrase("type.list-initiative"),
        },
    };

    public override string ToString() => Kind switch
    {
        TypeKind.Bool => "true/false",
        TypeKind.Number => "number",
        TypeKind.Ratio => "ratio",
        TypeKind.Text => "text",
        TypeKind.Date => "date",
        TypeKind.Scale => "level of scale '" + Scale!.Id + "'",
        TypeKind.Null => "null",
        TypeKind.Individual => "individual",
        TypeKind.Collective => "unit",
        TypeKind.Initiative => "initiative",
        _ => "list of " + Element,
    };
}
