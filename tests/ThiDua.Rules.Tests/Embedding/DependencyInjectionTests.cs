using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ThiDua.Rules.DependencyInjection;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.SamplePlugin;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary><c>services.AddThiDuaRules(...)</c>: one library per container, each version compiled once and shared.</summary>
public sealed class DependencyInjectionTests
{
    private static string NationalPack => Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    private static ServiceProvider Build(Action<ThiDuaRulesOptions> configure) =>
        new ServiceCollection().AddThiDuaRules(configure).BuildServiceProvider();

    [Fact]
    public void GetRuleSet_SameVersionTwiceAndConcurrently_IsCompiledOnce()
    {
        using var services = Build(o => o.RulesPath = NationalPack);
        var provider = services.GetRequiredService<IRuleSetProvider>();

        var compiled = new Rules.Compilation.CompiledRuleSet[8];
        Parallel.For(0, compiled.Length, i => compiled[i] = provider.GetRuleSet(new LocalDate(2024, 6, 30 - i)));

        Assert.All(compiled, c => Assert.Same(compiled[0], c));
        Assert.Same(compiled[0], provider.GetRuleSet(new LocalDate(2025, 1, 1)));
        Assert.NotSame(compiled[0], provider.GetRuleSet(new LocalDate(2023, 12, 31)));
        Assert.Same(provider, services.GetRequiredService<RuleSetProvider>());
    }

    [Fact]
    public void Evaluate_SampleData_UsesTheVersionInForceOnTheDataAsOfDate()
    {
        using var services = Build(o => o.RulesPath = NationalPack);
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json")).GetValueOrThrow();

        var result = services.GetRequiredService<IRuleSetProvider>().Evaluate(data);
        var earlier = services.GetRequiredService<IRuleSetProvider>().Evaluate(data, EvaluationOptions.Default with { AsOf = new LocalDate(2023, 12, 31) });

        Assert.Equal("2024-01-01", result.RuleSet.Version);
        Assert.Equal("2017-10-01", earlier.RuleSet.Version);
        Assert.NotEmpty(result.Results());
    }

    [Fact]
    public void Evaluate_DataBuiltInCodeWithAYearOutOfRange_ThrowsTheDocumentedValidationException()
    {
        using var services = Build(o => o.RulesPath = NationalPack);
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json")).GetValueOrThrow()
            with { Year = 99999, AsOf = null };

        var ex = Assert.Throws<RuleSetValidationException>(() => services.GetRequiredService<IRuleSetProvider>().Evaluate(data));

        Assert.Contains(ex.Diagnostics, d => d.Code == DiagnosticCodes.DataYearOutOfRange);
    }

    [Fact]
    public void Evaluate_WithPluginsInTheRegistry_CompilesRuleFilesThatNameThem()
    {
        using var services = Build(o =>
        {
            o.RulesPath = SamplePluginTests.RulesFolder;
            o.Registry = PluginRegistry.Default.With(new BudgetGrowthCriterion()).With(new GrowthFunction());
        });
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "khoi-doanh-nghiep-2024.json")).GetValueOrThrow();

        var result = services.GetRequiredService<IRuleSetProvider>().Evaluate(data);

        Assert.Equal(Outcome.Recommended, result.GetOutcome("DN01", "giay-khen-tang-nop-ngan-sach"));
    }

    [Fact]
    public void GetRuleSet_RuleFilesNamingUnknownPlugins_ThrowsListingTheDiagnostics()
    {
        using var services = Build(o => o.RulesPath = SamplePluginTests.RulesFolder);
        var provider = services.GetRequiredService<IRuleSetProvider>();

        var ex = Assert.Throws<RuleSetValidationException>(() => provider.GetRuleSet(new LocalDate(2024, 12, 31)));

        Assert.Contains(ex.Diagnostics, d => d.Code == DiagnosticCodes.UnknownCriterionType);
    }

    [Fact]
    public void Resolve_MissingRulesFolder_ThrowsWithTheDiagnostic()
    {
        using var services = Build(o => o.RulesPath = Path.Combine(ShippedRulesTests.RepositoryRoot, "no-such-rules"));

        var ex = Assert.Throws<RuleSetValidationException>(() => services.GetRequiredService<IRuleSetProvider>());

        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(ex.Diagnostics).Code);
    }

    [Fact]
    public void Resolve_WithoutRulesPath_ThrowsTheOptionsValidationError()
    {
        using var services = Build(_ => { });

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IRuleSetProvider>());
        Assert.Contains("ThiDuaRules:RulesPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddThiDuaRules_Path_RegistersTheDefaults()
    {
        using var services = new ServiceCollection().AddThiDuaRules(NationalPack).BuildServiceProvider();

        Assert.Same(PluginRegistry.Default, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ThiDuaRulesOptions>>().Value.Registry);
        Assert.Equal("vn-tdkt", Assert.Single(services.GetRequiredService<IRuleSetProvider>().Library.Ids));
    }
}
