using System.Text.RegularExpressions;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.RulesEngine;

/// <summary>
/// Why Dynamic LINQ cannot compile a workflow rule's expression, said by the catalog in the user's language: its English
/// message is classified (unknown name, unknown member, an operator between values it does not take, a value of the
/// wrong type, an unclosed string, other syntax) and never shown. The position stays the diagnostic's.
/// </summary>
internal static partial class ParseProblem
{
    public static string Of(string message)
    {
        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
        {
            return DiagnosticCatalog.Phrase("rulesengine.unknown-name", identifier.Groups[1].Value);
        }

        if (UnknownMember().Match(message) is { Success: true } member)
        {
            return DiagnosticCatalog.Phrase("rulesengine.unknown-member", member.Groups[1].Value);
        }

        if (IncompatibleOperands().Match(message) is { Success: true } operands)
        {
            return DiagnosticCatalog.Phrase("rulesengine.operand-types", operands.Groups[1].Value, Kind(operands.Groups[2].Value), Kind(operands.Groups[3].Value));
        }

        if (OperatorNotDefined().Match(message) is { Success: true } binary)
        {
            return DiagnosticCatalog.Phrase("rulesengine.operand-types", Symbol(binary.Groups[1].Value), Kind(binary.Groups[2].Value), Kind(binary.Groups[3].Value));
        }

        if (TypeExpected().Match(message) is { Success: true } type)
        {
            return DiagnosticCatalog.Phrase("rulesengine.type-expected", Kind(type.Groups[1].Value));
        }

        return message.Contains("Unterminated string", StringComparison.OrdinalIgnoreCase)
            ? DiagnosticCatalog.Phrase("rulesengine.unterminated-string")
            : DiagnosticCatalog.Phrase("rulesengine.syntax");
    }

    /// <summary>A .NET type named in the parser's message, as the catalog says a kind of value.</summary>
    private static string Kind(string type) => (type.StartsWith("System.", StringComparison.Ordinal) ? type["System.".Length..] : type).TrimEnd('?') switch
    {
        "Boolean" => DiagnosticCatalog.Phrase("json.bool"),
        "Decimal" or "Int32" or "Int64" or "Double" or "Single" => DiagnosticCatalog.Phrase("json.number"),
        "String" => DiagnosticCatalog.Phrase("json.string"),
        "DateTime" or "DateOnly" or "LocalDate" => DiagnosticCatalog.Phrase("json.date"),
        "Object" => DiagnosticCatalog.Phrase("rulesengine.unknown-type"),
        var other => DiagnosticCatalog.Phrase("rulesengine.value-of-type", other),
    };

    /// <summary>The operator of an <see cref="System.Linq.Expressions.ExpressionType"/> name, as written in an expression.</summary>
    private static string Symbol(string node) => node switch
    {
        "GreaterThan" => ">",
        "GreaterThanOrEqual" => ">=",
        "LessThan" => "<",
        "LessThanOrEqual" => "<=",
        "Equal" => "==",
        "NotEqual" => "!=",
        "AndAlso" or "And" => "&&",
        "OrElse" or "Or" => "||",
        "Add" => "+",
        "Subtract" => "-",
        "Multiply" => "*",
        "Divide" => "/",
        var other => other,
    };

    [GeneratedRegex("^Unknown identifier '([^']*)'")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex("^No property or field '([^']*)' exists in type")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("^Operator '([^']*)' incompatible with operand types '([^']*)' and '([^']*)'")]
    private static partial Regex IncompatibleOperands();

    [GeneratedRegex("^The binary operator (\\w+) is not defined for the types '([^']*)' and '([^']*)'")]
    private static partial Regex OperatorNotDefined();

    [GeneratedRegex("^Expression of type '([^']*)' expected")]
    private static partial Regex TypeExpected();
}
