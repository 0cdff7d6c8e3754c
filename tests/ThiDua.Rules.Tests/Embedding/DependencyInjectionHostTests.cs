using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Rules.DependencyInjection;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.SamplePlugin;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;

namespace ThiDua.Rules.Tests.Embedding;

/// <summary>
/// A generic host as an ASP.NET application builds it: options from configuration, paths relative to the content root,
/// start-up validation, reload on file change that keeps the old rules when the new ones are broken, plug-ins from the
/// container, and one registration only.
/// </summary>
public sealed class DependencyInjectionHostTests : IDisposable
{
    private const string Data = """
        { "year": 2024, "asOf": "2024-12-31", "units": [ { "id": "U" } ],
          "individuals": [ { "id": "A", "unit": "U", "rating": "HTTNV", "facts": { "conduct": true } } ] }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("thidua-host-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Rules(string expr) => TestRules.RuleFile(TestRules.Award("base", expr));

    private IHost Host(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null, ConcurrentQueue<string>? log = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (log is not null)
        {
            builder.Logging.AddProvider(new QueueLogger(log));
        }

        builder.Services.AddThiDuaRules(builder.Configuration.GetSection(ThiDuaRulesOptions.SectionName));
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Start_OptionsFromConfiguration_ReadsRulesRelativeToTheContentRoot()
    {
        Directory.CreateDirectory(Path.Combine(_root, "rules"));
        File.WriteAllText(Path.Combine(_root, "rules", "r.json"), Rules("rating >= 'HTTNV'"));
        using var host = Host(new() { ["ThiDuaRules:RulesPath"] = "rules", ["ThiDuaRules:ValidateOnStart"] = "true" });

        await host.StartAsync();
        var provider = host.Services.GetRequiredService<IRuleSetProvider>();

        Assert.Equal(Path.Combine(_root, "rules"), host.Services.GetRequiredService<RuleSetProvider>().RulesPath);
        Assert.Equal(Outcome.Recommended, provider.Evaluate(TestRules.Data(Data)).GetOutcome("A", "base"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_ValidateOnStartWithABrokenRuleFile_FailsTheHostWithTheDiagnostics()
    {
        File.WriteAllText(Path.Combine(_root, "r.json"), Rules("ratng >= 'HTTNV'"));
        using var host = Host(new() { ["ThiDuaRules:RulesPath"] = "r.json", ["ThiDuaRules:ValidateOnStart"] = "true" });

        var ex = await Assert.ThrowsAsync<RuleSetValidationException>(() => host.StartAsync());

        var diagnostic = Assert.Single(ex.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnknownField, diagnostic.Code);
        Assert.Equal("rating", diagnostic.Suggestion);
    }

    [Fact]
    public async Task Start_WithoutValidateOnStart_StartsAndTheErrorComesAtTheFirstRequest()
    {
        File.WriteAllText(Path.Combine(_root, "r.json"), Rules("ratng >= 'HTTNV'"));
        using var host = Host(new() { ["ThiDuaRules:RulesPath"] = "r.json" });

        await host.StartAsync();

        Assert.Throws<RuleSetValidationException>(() => host.Services.GetRequiredService<IRuleSetProvider>().Evaluate(TestRules.Data(Data)));
        await host.StopAsync();
    }

    [Fact]
    public async Task Reload_ValidChangeIsSwappedInAndABrokenOneIsLoggedAndIgnored()
    {
        var file = Path.Combine(_root, "r.json");
        File.WriteAllText(file, Rules("rating >= 'HTTNV'"));
        var log = new ConcurrentQueue<string>();
        using var host = Host(new() { ["ThiDuaRules:RulesPath"] = "r.json", ["ThiDuaRules:ReloadOnChange"] = "true", ["ThiDuaRules:ReloadDelay"] = "00:00:00.100" }, log: log);
        await host.StartAsync();
        var provider = host.Services.GetRequiredService<RuleSetProvider>();
        var data = TestRules.Data(Data);
        var before = provider.GetRuleSet(new NodaTime.LocalDate(2024, 12, 31));
        Assert.Equal(Outcome.Recommended, provider.Evaluate(data).GetOutcome("A", "base"));

        // Policy staff raise the bar: the new rules are used once they compile.
        File.WriteAllText(file, Rules("rating >= 'HTXSNV'"));
        await WaitFor(() => provider.Generation == 1);
        Assert.Equal(Outcome.NotEligible, provider.Evaluate(data).GetOutcome("A", "base"));

        // A request that started before the reload keeps its compiled rules, unchanged.
        Assert.Equal(Outcome.Recommended, before.Evaluate(data).GetOutcome("A", "base"));

        // A broken edit is logged with its diagnostics, and the rules in use stay.
        File.WriteAllText(file, Rules("rating >= 'HTXSNV' &&"));
        await WaitFor(() => log.Any(l => l.Contains("TDR088", StringComparison.Ordinal)));
        Assert.Equal(1, provider.Generation);
        Assert.Equal(Outcome.NotEligible, provider.Evaluate(data).GetOutcome("A", "base"));
        Assert.Contains(log, l => l.StartsWith("Error: ThiDua.Rules: the changed rule files at ", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public void AddThiDuaRules_WithTheServiceProvider_GivesPlugInsServicesFromTheContainer()
    {
        var ledger = new FixedLedger();
        using var services = new ServiceCollection()
            .AddSingleton<IBudgetLedger>(ledger)
            .AddThiDuaRules((options, sp) =>
            {
                options.RulesPath = SamplePluginTests.RulesFolder;
                options.Registry = PluginRegistry.Default.With(new BudgetGrowthCriterion(sp.GetRequiredService<IBudgetLedger>())).With(new GrowthFunction());
            })
            .BuildServiceProvider();
        var data = SubjectDataLoader.Load(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "khoi-doanh-nghiep-2024.json")).GetValueOrThrow();

        var result = services.GetRequiredService<IRuleSetProvider>().Evaluate(data);

        // The ledger (not the facts) says DN01 did not grow: the plug-in read it from the container.
        Assert.True(ledger.Asked > 0);
        Assert.Equal(Outcome.NotEligible, result.GetOutcome("DN01", "giay-khen-tang-nop-ngan-sach"));
    }

    [Fact]
    public void AddThiDuaRules_Twice_IsAnError()
    {
        var services = new ServiceCollection().AddThiDuaRules("rules/vn");

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddThiDuaRules("rules/plans"));
        Assert.Contains("called twice", ex.Message, StringComparison.Ordinal);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out after 10 s");
    }

    private sealed class FixedLedger : IBudgetLedger
    {
        private int _asked;

        public int Asked => _asked;

        public decimal? Contribution(string enterpriseId, int year)
        {
            Interlocked.Increment(ref _asked);
            return 100m;
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> queue) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            queue.Enqueue(logLevel + ": " + formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
