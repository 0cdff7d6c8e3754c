using System.Linq.Expressions;
using System.Reflection;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.RulesEngine;

/// <summary>
/// The trust boundary for RulesEngine expressions. RulesEngine parses them with Dynamic LINQ, which can reach the
/// members of every "predefined" .NET type (<c>DateTime.Now</c>, <c>Environment</c>-free but clock-reading, string and
/// math methods, conversions) and of any type registered in <c>ReSettings.CustomTypes</c>. The adapter registers no
/// type, gives <c>input1</c> a class with only the subject's fields, and after parsing walks the expression tree:
/// anything not listed here is refused before the rule set is used.
/// </summary>
/// <remarks>Allowed: reading <c>input1</c>'s fields; literals; arithmetic, comparison, logical, conditional and
/// null-coalescing operators; numeric conversions; <c>string.Length</c>, the date parts of a <c>DateTime</c>; and the
/// pure methods in <see cref="Methods"/>. Refused: every other member or method (the clock, reflection such as
/// <c>GetType()</c>, I/O, object creation other than <c>DateTime(y, m, d)</c>, lambdas, indexers, arrays).</remarks>
internal static class ExpressionAllowList
{
    /// <summary>The methods a rule may call, by declaring type and name.</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> Methods = new Dictionary<Type, string[]>
    {
        [typeof(string)] = ["Contains", "StartsWith", "EndsWith", "Equals", "Compare", "CompareOrdinal", "CompareTo", "IsNullOrEmpty", "IsNullOrWhiteSpace", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "op_Equality", "op_Inequality", "Concat"],
        [typeof(Math)] = ["Abs", "Min", "Max", "Round", "Floor", "Ceiling", "Truncate", "Sign"],
        [typeof(decimal)] = ["Compare", "CompareTo", "Equals", "Round", "Floor", "Ceiling", "Truncate", "Abs", "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_Modulus", "op_UnaryNegation", "op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual", "op_Implicit", "op_Explicit"],
        [typeof(DateTime)] = ["Compare", "CompareTo", "Equals", "AddDays", "AddMonths", "AddYears", "op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual", "op_Subtraction"],
        [typeof(TimeSpan)] = ["op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual"],
    };

    private static readonly HashSet<(Type, string)> Members =
    [
        (typeof(string), "Length"), (typeof(DateTime), "Year"), (typeof(DateTime), "Month"), (typeof(DateTime), "Day"),
        (typeof(DateTime), "DayOfYear"), (typeof(TimeSpan), "Days"), (typeof(TimeSpan), "TotalDays"),
    ];

    /// <summary>The methods, as listed in diagnostics.</summary>
    public static string Listing { get; } = string.Join(", ", Methods.SelectMany(m => m.Value.Where(n => !n.StartsWith("op_", StringComparison.Ordinal)).Select(n => (m.Key == typeof(Math) ? "Math." : m.Key.Name.ToLowerInvariant() + ".") + n)).Distinct());

    /// <summary>The first node that is not allowed, described for a diagnostic; null when the whole tree is allowed.</summary>
    public static string? FirstRefused(Expression expression, ParameterExpression input)
    {
        string? refused = null;
        Walk(expression);
        return refused;

        void Walk(Expression? node)
        {
            if (node is null || refused is not null)
            {
                return;
            }

            switch (node)
            {
                case ParameterExpression p:
                    if (p != input)
                    {
                        refused = DiagnosticCatalog.Phrase("rulesengine.variable", p.Name ?? "?");
                    }

                    break;
                case ConstantExpression c:
                    if (c.Value is not null && !IsPlain(c.Type))
                    {
                        refused = DiagnosticCatalog.Phrase("rulesengine.value-of-type", c.Type.FullName ?? c.Type.Name);
                    }

                    break;
                case MemberExpression m when m.Expression == input:
                    break;
                case MemberExpression m when m.Expression is not null && Members.Contains((Nullable.GetUnderlyingType(m.Expression.Type) ?? m.Expression.Type, m.Member.Name)):
                    Walk(m.Expression);
                    break;
                case MemberExpression m when m.Expression is not null && Nullable.GetUnderlyingType(m.Expression.Type) is not null && m.Member.Name is "Value" or "HasValue":
                    Walk(m.Expression);
                    break;
                case MemberExpression m:
                    refused = DiagnosticCatalog.Phrase("rulesengine.member", Describe(m.Member));
                    break;
                case UnaryExpression u when u.NodeType is ExpressionType.Not or ExpressionType.Negate or ExpressionType.NegateChecked or ExpressionType.UnaryPlus
                    or ExpressionType.Convert or ExpressionType.ConvertChecked:
                    if (u.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked && !IsPlain(u.Type))
                    {
                        refused = DiagnosticCatalog.Phrase("rulesengine.conversion", u.Type.FullName ?? u.Type.Name);
                        break;
                    }

                    if (u.Method is not null && !Allowed(u.Method))
                    {
                        refused = DiagnosticCatalog.Phrase("rulesengine.method", Describe(u.Method));
                        break;
                    }

                    Walk(u.Operand);
                    break;
                case BinaryExpression b when b.NodeType is not (ExpressionType.ArrayIndex or ExpressionType.Assign or ExpressionType.Power):
                    if (b.Method is not null && !Allowed(b.Method))
                    {
                        refused = DiagnosticCatalog.Phrase("rulesengine.method", Describe(b.Method));
                        break;
                    }

                    Walk(b.Left);
                    Walk(b.Right);
                    break;
                case ConditionalExpression c:
                    Walk(c.Test);
                    Walk(c.IfTrue);
                    Walk(c.IfFalse);
                    break;
                case MethodCallExpression call:
                    if (!Allowed(call.Method))
                    {
                        refused = DiagnosticCatalog.Phrase("rulesengine.method", Describe(call.Method));
                        break;
                    }

                    Walk(call.Object);
                    foreach (var argument in call.Arguments)
                    {
                        Walk(argument);
                    }

                    break;
                case NewExpression n when n.Type == typeof(DateTime) && n.Arguments.Count == 3:
                    foreach (var argument in n.Arguments)
                    {
                        Walk(argument);
                    }

                    break;
                default:
                    refused = DiagnosticCatalog.Phrase("rulesengine.node", node.NodeType.ToString());
                    break;
            }
        }
    }

    private static bool Allowed(MethodInfo method) =>
        method.DeclaringType is { } type && Methods.TryGetValue(type, out var names) && names.Contains(method.Name);

    private static bool IsPlain(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(TimeSpan);
    }

    private static string Describe(MemberInfo member) => (member.DeclaringType?.FullName ?? "?") + "." + member.Name;
}
