using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// Writes the public surface of assemblies as sorted, C#-like lines: every public type with its kind, base types and
/// constraints, then every public or protected member with its modifiers, nullability-annotated types, parameters and
/// default values. Types of this project are written with their namespace; others by name.
/// </summary>
internal sealed class PublicApiListing
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short", [typeof(ushort)] = "ushort",
        [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(char)] = "char",
        [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    // Not thread-safe; one listing uses it from one thread.
    private readonly NullabilityInfoContext _nullability = new();

    public static string Generate(IEnumerable<Assembly> assemblies)
    {
        var listing = new PublicApiListing();
        var text = new StringBuilder();
        foreach (var assembly in assemblies.OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            text.Append("assembly ").Append(assembly.GetName().Name).Append('\n');
            foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                text.Append('\n').Append(listing.TypeLine(type)).Append('\n');
                // Members by name (constructors first), then by signature.
                foreach (var (_, member) in listing.MemberLines(type).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Line, StringComparer.Ordinal))
                {
                    text.Append("    ").Append(member).Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string Visibility(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool IsRecordStruct(Type type) =>
        type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } m && m.IsDefined(typeof(CompilerGeneratedAttribute));

    private string TypeLine(Type type)
    {
        var line = new StringBuilder("public ");
        if (type.IsEnum)
        {
            line.Append("enum ").Append(TypeName(type));
            var underlying = Enum.GetUnderlyingType(type);
            return underlying == typeof(int) ? line.ToString() : line.Append(" : ").Append(Keywords[underlying]).ToString();
        }

        if (type.IsSubclassOf(typeof(MulticastDelegate)))
        {
            var invoke = type.GetMethod("Invoke")!;
            return line.Append("delegate ").Append(Format(invoke.ReturnType, _nullability.Create(invoke.ReturnParameter))).Append(' ')
                .Append(TypeName(type, withGenericArguments: true)).Append(Parameters(invoke)).Append(Constraints(type.GetGenericArguments())).ToString();
        }

        if (type.IsInterface)
        {
            line.Append("interface ");
        }
        else if (type.IsValueType)
        {
            line.Append(type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : "").Append(IsRecordStruct(type) ? "record struct " : "struct ");
        }
        else
        {
            line.Append(type is { IsAbstract: true, IsSealed: true } ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "")
                .Append(IsRecord(type) ? "record " : "class ");
        }

        // Declarations always carry their namespace (an extension class may live in Microsoft.Extensions.DependencyInjection).
        line.Append(IsOurs(type) || type.Namespace is null ? "" : type.Namespace + ".").Append(TypeName(type, withGenericArguments: true));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(Format(baseType, null));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces().Where(i => !inherited.Contains(i) && (i.IsPublic || i.IsNestedPublic)).Select(i => Format(i, null)).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            line.Append(" : ").Append(string.Join(", ", bases));
        }

        return line.Append(Constraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])).ToString();
    }

    private IEnumerable<(string Name, string Line)> MemberLines(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return (Convert.ToInt64(field.GetRawConstantValue(), CultureInfo.InvariantCulture).ToString("D20", CultureInfo.InvariantCulture),
                    field.Name + " = " + Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture));
            }

            yield break;
        }

        if (type.IsSubclassOf(typeof(MulticastDelegate)))
        {
            yield break;
        }

        foreach (var constructor in type.GetConstructors(Declared).Where(IsVisible))
        {
            var name = type.Name.Split('`')[0];
            yield return ("", Visibility(constructor) + " " + name + Parameters(constructor));
        }

        foreach (var method in type.GetMethods(Declared).Where(IsVisible))
        {
            if (method.Name.Contains('<', StringComparison.Ordinal) || (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return (method.Name, Visibility(method) + Modifiers(type, method) + Format(method.ReturnType, _nullability.Create(method.ReturnParameter)) + " "
                + method.Name + (method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "")
                + Parameters(method) + Constraints(method.IsGenericMethodDefinition ? method.GetGenericArguments() : []));
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var getter = property.GetMethod is { } g && IsVisible(g) ? g : null;
            var setter = property.SetMethod is { } s && IsVisible(s) ? s : null;
            if ((getter ?? setter) is not { } accessor)
            {
                continue;
            }

            var init = setter is not null && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            var indexer = property.GetIndexParameters();
            yield return (property.Name, Visibility(accessor) + Modifiers(type, accessor) + (property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : "")
                + Format(property.PropertyType, _nullability.Create(property)) + " "
                + (indexer.Length > 0 ? "this[" + string.Join(", ", indexer.Select(Parameter)) + "]" : property.Name)
                + " { " + (getter is null ? "" : "get; ") + (setter is null ? "" : init ? "init; " : "set; ") + "}");
        }

        foreach (var field in type.GetFields(Declared).Where(IsVisible))
        {
            var modifiers = field.IsLiteral ? "const " : (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
            var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "";
            yield return (field.Name, (field.IsPublic ? "public " : "protected ") + modifiers + Format(field.FieldType, _nullability.Create(field)) + " " + field.Name + value);
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            if (@event.AddMethod is { } add && IsVisible(add))
            {
                yield return (@event.Name, Visibility(add) + Modifiers(type, add) + "event " + Format(@event.EventHandlerType!, _nullability.Create(@event)) + " " + @event.Name);
            }
        }
    }

    private static string Modifiers(Type type, MethodInfo method)
    {
        if (type.IsInterface)
        {
            return method.IsStatic ? " static " : " ";
        }

        if (method.IsStatic)
        {
            return " static ";
        }

        var overrides = method.GetBaseDefinition().DeclaringType != method.DeclaringType;
        return method.IsAbstract ? " abstract "
            : overrides ? (method.IsFinal ? " sealed override " : " override ")
            : method.IsVirtual && !method.IsFinal ? " virtual "
            : " ";
    }

    private string Parameters(MethodBase method)
    {
        var extension = method.IsDefined(typeof(ExtensionAttribute));
        return "(" + string.Join(", ", method.GetParameters().Select((p, i) => (i == 0 && extension ? "this " : "") + Parameter(p))) + ")";
    }

    private string Parameter(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var prefix = parameter.IsDefined(typeof(ParamArrayAttribute)) ? "params "
            : type.IsByRef ? (parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ")
            : "";
        var text = prefix + Format(type, _nullability.Create(parameter)) + " " + parameter.Name;
        return parameter.HasDefaultValue ? text + " = " + DefaultValue(parameter) : text;
    }

    private static string DefaultValue(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        var type = parameter.ParameterType;
        var core = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null || value == DBNull.Value)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null";
        }

        return core.IsEnum ? core.Name + "." + Enum.GetName(core, value) : Literal(value);
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        char c => "'" + c + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Constraints(Type[] arguments)
    {
        var clauses = new List<string>();
        foreach (var argument in arguments)
        {
            var constraints = new List<string>();
            var attributes = argument.GenericParameterAttributes;
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                constraints.Add("class");
            }
            else if (argument.CustomAttributes.Any(a => a.AttributeType.Name == "NullableAttribute" && a.ConstructorArguments is [{ Value: (byte)1 }]))
            {
                constraints.Add("notnull");
            }

            constraints.AddRange(argument.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(c => Format(c, null)));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                clauses.Add(" where " + argument.Name + " : " + string.Join(", ", constraints));
            }
        }

        return string.Concat(clauses);
    }

    private static string TypeName(Type type, bool withGenericArguments = false)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (withGenericArguments && type.IsGenericTypeDefinition)
        {
            var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).Select(a => a.Name).ToList();
            if (own.Count > 0)
            {
                name += "<" + string.Join(", ", own) + ">";
            }
        }

        var prefix = type.DeclaringType is { } outer && !type.IsGenericParameter ? TypeName(outer) + "." : IsOurs(type) ? type.Namespace + "." : "";
        return prefix + name;
    }

    private static bool IsOurs(Type type) => type.Namespace is { } ns && (ns == "ThiDua.Rules" || ns.StartsWith("ThiDua.Rules.", StringComparison.Ordinal));

    private static string Format(Type type, NullabilityInfo? nullability)
    {
        if (type.IsByRef)
        {
            return Format(type.GetElementType()!, nullability?.ElementType ?? nullability);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Format(underlying, nullability?.GenericTypeArguments is [var inner] ? inner : null) + "?";
        }

        var nullable = nullability?.ReadState == NullabilityState.Nullable && !type.IsValueType ? "?" : "";
        if (type.IsArray)
        {
            return Format(type.GetElementType()!, nullability?.ElementType) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + nullable;
        }

        if (type.IsGenericParameter)
        {
            return type.Name + nullable;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + nullable;
        }

        if (!type.IsGenericType)
        {
            return TypeName(type) + nullable;
        }

        var arguments = type.GetGenericArguments();
        var infos = nullability?.GenericTypeArguments;
        var formatted = arguments.Select((a, i) => Format(a, infos is not null && i < infos.Length ? infos[i] : null)).ToList();

        // Arguments belong to the outermost declaring type first (Outer<A>.Inner<B>): give each its own.
        var name = new StringBuilder();
        var chain = new List<Type>();
        for (var t = type.IsGenericTypeDefinition ? type : type.GetGenericTypeDefinition(); t is not null; t = t.DeclaringType)
        {
            chain.Insert(0, t);
        }

        var used = 0;
        foreach (var part in chain)
        {
            var simple = part.Name;
            var tick = simple.IndexOf('`', StringComparison.Ordinal);
            var count = tick < 0 ? 0 : int.Parse(simple[(tick + 1)..], CultureInfo.InvariantCulture);
            name.Append(name.Length == 0 ? (IsOurs(part) ? part.Namespace + "." : "") : ".").Append(tick < 0 ? simple : simple[..tick]);
            if (count > 0)
            {
                name.Append('<').Append(string.Join(", ", formatted.Skip(used).Take(count))).Append('>');
                used += count;
            }
        }

        return name + nullable;
    }
}
