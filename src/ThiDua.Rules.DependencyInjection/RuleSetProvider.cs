using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.DependencyInjection;

/// <summary>
/// The registered <see cref="IRuleSetProvider"/>: loads the rule library when first resolved, compiles each version once
/// and shares it; with <see cref="ThiDuaRulesOptions.ReloadOnChange"/>, swaps in a changed library once it validates and
/// compiles, and keeps the one in use (logging the diagnostics) when it does not.
/// </summary>
/// <remarks><b>Thread safety:</b> every member is safe to call concurrently. A call works on the library it started with
/// from beginning to end, so a reload never changes the rules under a request in flight.</remarks>
public sealed class RuleSetProvider : IRuleSetProvider, IDisposable
{
    private static readonly Action<ILogger, string, int, Exception?> LogReloaded =
        LoggerMessage.Define<string, int>(LogLevel.Information, new EventId(1, "RulesReloaded"), "ThiDua.Rules: reloaded {Path} ({Versions} rule-set versions compiled)");

    private static readonly Action<ILogger, string, string, Exception?> LogRejected =
        LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(2, "RulesReloadRejected"), "ThiDua.Rules: the changed rule files at {Path} are not valid; the rules in use are kept. Diagnostics:\n{Diagnostics}");

    private readonly ThiDuaRulesOptions _options;
    private readonly ILogger _logger;
    private readonly string _path;
    private readonly PhysicalFileProvider? _watcher;
    private readonly Timer? _debounce;
    private IDisposable? _subscription;
    private volatile Snapshot _current;
    private int _disposed;

    /// <summary>Loads the library (a relative path against the host's content root, else the current directory).</summary>
    /// <param name="options">The options.</param>
    /// <param name="services">The container: an <see cref="IHostEnvironment"/> and an <see cref="ILoggerFactory"/> are used
    /// when registered.</param>
    /// <exception cref="OptionsValidationException">No <see cref="ThiDuaRulesOptions.RulesPath"/>.</exception>
    /// <exception cref="RuleSetValidationException">The rule files do not load; lists every diagnostic.</exception>
    public RuleSetProvider(IOptions<ThiDuaRulesOptions> options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        _options = options.Value;
        var root = (services.GetService(typeof(IHostEnvironment)) as IHostEnvironment)?.ContentRootPath ?? Directory.GetCurrentDirectory();
        _path = Path.GetFullPath(Path.Combine(root, _options.RulesPath!));
        _logger = (services.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger<RuleSetProvider>() ?? NullLogger<RuleSetProvider>.Instance;
        _current = new Snapshot(RuleSetLoader.Load(_path).GetValueOrThrow());
        if (_options.ReloadOnChange)
        {
            var folder = Directory.Exists(_path) ? _path : Path.GetDirectoryName(_path)!;
            _watcher = new PhysicalFileProvider(folder);
            _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            Watch();
        }
    }

    /// <summary>The full path of the rule file or folder.</summary>
    public string RulesPath => _path;

    /// <inheritdoc/>
    public RuleLibrary Library => _current.Library;

    /// <summary>How many times a changed library has been swapped in (0 until the first reload).</summary>
    public int Generation => _current.Generation;

    /// <inheritdoc/>
    public CompiledRuleSet GetRuleSet(LocalDate asOf) => _current.Get(asOf, _options);

    /// <inheritdoc/>
    public EvaluationResult Evaluate(SubjectData data, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        // A year out of the data's range (1900–2200) is brought into it to choose the version; binding then reports it.
        var asOf = options?.AsOf ?? data.AsOf ?? new LocalDate(Math.Clamp(data.Year, 1900, 2200), 12, 31);
        return GetRuleSet(asOf).Evaluate(data, options, cancellationToken);
    }

    /// <summary>Validates and compiles every version of the library now (what <see cref="ThiDuaRulesOptions.ValidateOnStart"/>
    /// does at start-up).</summary>
    /// <exception cref="RuleSetValidationException">A version does not validate or compile; lists every diagnostic.</exception>
    public void CompileAll()
    {
        var diagnostics = _current.CompileAll(_options);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            throw new RuleSetValidationException(diagnostics);
        }
    }

    /// <summary>Stops watching the rule files.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _subscription?.Dispose();
            _debounce?.Dispose();
            _watcher?.Dispose();
        }
    }

    private void Watch()
    {
        // Any JSON file under the folder: rule files and the files they read (RulesEngine workflows).
        _subscription = ChangeToken.OnChange(() => _watcher!.Watch("**/*.json"), () =>
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _debounce!.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
            }
        });
    }

    private void Reload()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            var loaded = RuleSetLoader.Load(_path);
            if (!loaded.TryGetValue(out var library))
            {
                LogRejected(_logger, _path, string.Join("\n", loaded.Diagnostics.Select(d => d.Format(Language.En))), null);
                return;
            }

            var candidate = new Snapshot(library, _current.Generation + 1);
            var diagnostics = candidate.CompileAll(_options);
            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                LogRejected(_logger, _path, string.Join("\n", diagnostics.Select(d => d.Format(Language.En))), null);
                return;
            }

            // Requests in flight keep the snapshot they read; new ones get the new rules.
            _current = candidate;
            LogReloaded(_logger, _path, library.Versions.Length, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRejected(_logger, _path, ex.Message, null);
        }
    }

    /// <summary>One library with its compiled versions; immutable once built, compiled versions added lazily.</summary>
    private sealed class Snapshot(RuleLibrary library, int generation = 0)
    {
        private readonly ConcurrentDictionary<string, Lazy<CompiledRuleSet>> _compiled = new(StringComparer.Ordinal);

        public RuleLibrary Library { get; } = library;

        public int Generation { get; } = generation;

        public CompiledRuleSet Get(LocalDate asOf, ThiDuaRulesOptions options)
        {
            var ruleSet = Library.Select(asOf, options.RuleSetId).GetValueOrThrow();

            // A version is identified by its id and first day, and by the base version it was merged with on this date.
            var key = ruleSet.Id + "@" + ruleSet.Version + (ruleSet.Base is { } b ? "+" + b.Id + "@" + b.Version : "");
            return _compiled.GetOrAdd(key, _ => new Lazy<CompiledRuleSet>(
                () => RuleSetCompiler.Compile(ruleSet, options.Registry).GetValueOrThrow(),
                LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        public List<Diagnostic> CompileAll(ThiDuaRulesOptions options)
        {
            var diagnostics = new List<Diagnostic>(RuleSetValidator.Validate(Library, options.Registry).Diagnostics);
            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return diagnostics;
            }

            foreach (var version in Library.Versions.Where(v => options.RuleSetId is null || v.Id == options.RuleSetId))
            {
                try
                {
                    Get(version.Effective.From, options);
                }
                catch (RuleSetValidationException ex)
                {
                    diagnostics.AddRange(ex.Diagnostics);
                }
            }

            return [.. diagnostics.Distinct()];
        }
    }
}

/// <summary>With <see cref="ThiDuaRulesOptions.ValidateOnStart"/>, validates and compiles the rules while the host starts,
/// so that a broken rule file stops the host with its diagnostics instead of failing the first request.</summary>
internal sealed class RuleSetStartup(IServiceProvider services, IOptions<ThiDuaRulesOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ValidateOnStart || options.Value.ReloadOnChange)
        {
            // Resolving the provider loads the library (and starts watching the files); compiling checks every version.
            var provider = (RuleSetProvider)services.GetService(typeof(RuleSetProvider))!;
            if (options.Value.ValidateOnStart)
            {
                provider.CompileAll();
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
