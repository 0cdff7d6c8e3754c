using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using Xunit;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// The loaders never throw on arbitrary input: any text, including mutations of valid files, comes back as a value or
/// as diagnostics with a position.
/// </summary>
public sealed class LoaderProperties
{
    private static readonly string ValidRules = TestRules.RuleFile(
        TestRules.Award("ldtt", "rating >= 'HTTNV' && conduct") + "," +
        TestRules.Award("tap-the", "members.ratio(m => m.has('ldtt')) >= 70%", "unit", """ "quota": { "max": "15%", "rankBy": [ { "expr": "rating" } ] } """));

    private const string ValidData = """
        { "year": 2024, "asOf": "2024-12-31",
          "units": [ { "id": "U", "rating": "HTTNV", "facts": { "movement": true } } ],
          "individuals": [ { "id": "A", "unit": "U", "rating": "HTXSNV", "startDate": "2020-01-01",
                             "discipline": { "level": "canh-cao", "date": "2024-02-01" },
                             "initiatives": [ { "scope": "tinh", "recognizedOn": "2024-05-01" } ],
                             "history": { "2023": { "rating": "HTTNV", "awards": ["ldtt", { "id": "tap-the", "decidedOn": "2023-12-01" }] } } } ] }
        """;

    private static Gen<string> Mutations(string valid)
    {
        var position = Gen.Choose(0, valid.Length - 1);
        var noise = Gen.Elements("", "{", "}", "[", "]", ",", ":", "\"", "null", "1e400", "NaN", "-1", "true", "'", "\\", "ư", "\u0000", "=>", "((", "%");
        var one = Gen.Zip(position, Gen.Zip(Gen.Choose(0, 8), noise))
            .Select(t => valid[..t.Item1] + t.Item2.Item2 + valid[Math.Min(valid.Length, t.Item1 + t.Item2.Item1)..]);
        return Gen.OneOf(one, one.SelectMany(m => Gen.Zip(Gen.Choose(0, Math.Max(0, m.Length - 1)), noise).Select(t => m[..t.Item1] + t.Item2 + m[t.Item1..])),
            Gen.ArrayOf(Gen.Elements('{', '}', '[', ']', '"', ',', ':', 'a', '1', ' ', '\n')).Select(c => new string(c)));
    }

    [Property(MaxTest = 2000)]
    public Property RuleSetLoader_MutatedRuleFile_NeverThrowsAndExplainsFailure()
    {
        return Prop.ForAll(Arb.From(Mutations(ValidRules)), text =>
        {
            var loaded = RuleSetLoader.LoadText(text, "fuzz.json");
            if (!loaded.TryGetValue(out var library))
            {
                return loaded.Diagnostics.Length > 0 && loaded.Diagnostics.All(d => d.Span.File == "fuzz.json");
            }

            foreach (var version in library.Versions)
            {
                var compiled = RuleSetCompiler.Compile(version);
                if (!compiled.Succeeded && compiled.Diagnostics.IsEmpty)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Property(MaxTest = 2000)]
    public Property SubjectDataLoader_MutatedDataFile_NeverThrowsAndExplainsFailure()
    {
        var compiled = TestRules.Compile(ValidRules);
        return Prop.ForAll(Arb.From(Mutations(ValidData)), text =>
        {
            var loaded = SubjectDataLoader.LoadText(text, "fuzz-data.json");
            if (!loaded.TryGetValue(out var data))
            {
                return loaded.Diagnostics.Length > 0;
            }

            var check = compiled.CheckData(data);
            if (check.Succeeded)
            {
                _ = compiled.Evaluate(data).Results(ThiDua.Rules.Evaluation.ResultInclusion.All).Count();
            }

            return true;
        });
    }
}
