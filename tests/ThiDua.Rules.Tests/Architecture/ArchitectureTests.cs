using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Architecture;

public sealed partial class ArchitectureTests
{
    private static readonly Assembly Library = typeof(RuleSet).Assembly;

    private static readonly BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    private static IEnumerable<Type> ModelTypes() =>
        Library.GetExportedTypes().Where(t => t.Namespace is { } ns && (ns == "ThiDua.Rules.Model" || ns.StartsWith("ThiDua.Rules.Model.", StringComparison.Ordinal)));

    private static bool IsRecordClass(Type type) => type.IsClass && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool IsReadOnlyStruct(Type type) => type.IsValueType && type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static SortedSet<int> Placeholders(string template) =>
        new(Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

    [Fact]
    public void DiagnosticCatalog_EveryEntry_HasVietnameseAndEnglishTemplates()
    {
        Assert.NotEmpty(DiagnosticCatalog.All);
        Assert.All(DiagnosticCatalog.All, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Vi), $"{entry.Code} has no Vietnamese template");
            Assert.False(string.IsNullOrWhiteSpace(entry.En), $"{entry.Code} has no English template");
            Assert.False(string.IsNullOrWhiteSpace(entry.Name), $"{entry.Code} has no name");
        });
    }

    [Fact]
    public void DiagnosticCatalog_CodesAndNames_AreUnique()
    {
        var codes = DiagnosticCatalog.All.Select(e => e.Code.Number).ToList();
        var names = DiagnosticCatalog.All.Select(e => e.Name).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DiagnosticCodes_EveryCode_HasACatalogEntryOfTheSameName()
    {
        var fields = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DiagnosticCode)).ToList();
        var byCode = DiagnosticCatalog.All.ToDictionary(e => e.Code);

        Assert.Equal(fields.Count, DiagnosticCatalog.All.Count);
        Assert.All(fields, field =>
        {
            var code = (DiagnosticCode)field.GetValue(null)!;
            Assert.True(byCode.TryGetValue(code, out var entry), $"{field.Name} ({code}) has no catalog entry");
            Assert.Equal(field.Name, entry.Name);
        });
    }

    [Fact]
    public void DiagnosticCatalog_BothLanguages_UseTheSamePlaceholders()
    {
        Assert.All(DiagnosticCatalog.All, entry =>
        {
            Assert.Equal(Placeholders(entry.En), Placeholders(entry.Vi));
            var arguments = Enumerable.Range(0, Placeholders(entry.En).Count).Select(i => (object)("x" + i)).ToArray();
            Assert.DoesNotContain("{", string.Format(CultureInfo.InvariantCulture, entry.Vi, arguments), StringComparison.Ordinal);
            Assert.DoesNotContain("{", string.Format(CultureInfo.InvariantCulture, entry.En, arguments), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void DiagnosticCode_Format_IsTdrAndThreeDigits()
    {
        Assert.Equal("TDR012", DiagnosticCodes.UnknownField.ToString());
        Assert.Equal("TDR104", DiagnosticCodes.DataValueNotOnScale.ToString());
        Assert.All(DiagnosticCatalog.All, e => Assert.Matches("^TDR[0-9]{3}$", e.Code.ToString()));
    }

    [Fact]
    public void ModelTypes_EveryPublicType_IsASealedRecordAnEnumOrAReadOnlyStruct()
    {
        var types = ModelTypes().ToList();

        Assert.Contains(typeof(RuleSet), types);
        Assert.Contains(typeof(Model.Subjects.Individual), types);
        Assert.All(types, type => Assert.True(
            type.IsEnum || IsReadOnlyStruct(type) || (IsRecordClass(type) && type.IsSealed),
            $"{type.FullName} is neither a sealed record, an enum nor a readonly struct"));
    }

    [Fact]
    public void ModelTypes_EveryPublicProperty_IsGetOrInitOnly()
    {
        var settable = ModelTypes()
            .SelectMany(t => t.GetProperties(Declared))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.DeclaringType!.Name + "." + p.Name);

        Assert.Empty(settable);
    }

    [Fact]
    public void ModelTypes_NoPublicMember_HoldsAMutableCollection()
    {
        static bool Mutable(Type t) =>
            t.IsArray || (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>)));

        var mutable = ModelTypes()
            .SelectMany(t => t.GetProperties(Declared).Select(p => (Member: p.DeclaringType!.Name + "." + p.Name, Type: p.PropertyType))
                .Concat(t.GetFields(Declared).Select(f => (Member: f.DeclaringType!.Name + "." + f.Name, Type: f.FieldType))))
            .Where(m => Mutable(m.Type))
            .Select(m => m.Member);

        Assert.Empty(mutable);
    }

    [Fact]
    public void ModelTypes_PublicSignatures_DoNotMentionJsonLibraries()
    {
        static bool Json(Type t) => t.Namespace is { } ns && (ns.StartsWith("Newtonsoft.Json", StringComparison.Ordinal) || ns.StartsWith("System.Text.Json", StringComparison.Ordinal));

        var leaks = ModelTypes()
            .SelectMany(t => t.GetMembers(Declared).Select(m => (Type: t, Member: m)))
            .Where(x => x.Member switch
            {
                PropertyInfo p => Json(p.PropertyType),
                FieldInfo f => Json(f.FieldType),
                MethodInfo m => Json(m.ReturnType) || m.GetParameters().Any(p => Json(p.ParameterType)),
                ConstructorInfo c => c.GetParameters().Any(p => Json(p.ParameterType)),
                _ => false,
            })
            .Select(x => x.Type.Name + "." + x.Member.Name);

        Assert.Empty(leaks);
    }

    [Fact]
    public void Library_References_NoSystemTextJson()
    {
        Assert.DoesNotContain(Library.GetReferencedAssemblies(), a => a.Name!.StartsWith("System.Text.Json", StringComparison.Ordinal));
    }

    [Fact]
    public void Library_ReferencesOnlyNewtonsoftJsonAndNodaTimeOutsideTheFramework()
    {
        // Every assembly of the shared framework sits beside System.Private.CoreLib; anything else came from a package.
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        var packages = Library.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !File.Exists(Path.Combine(frameworkFolder, name + ".dll")))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Newtonsoft.Json", "NodaTime"], packages);
    }
}
