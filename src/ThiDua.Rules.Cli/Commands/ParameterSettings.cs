using System.Collections.Immutable;
using System.CommandLine;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// <c>--set ID=VALUE</c> (design §6), repeatable: a parameter's value for this run, a what-if without copying a rule
/// file. The values are checked by the evaluation exactly like values in a file (a share needs its percent sign).
/// </summary>
internal sealed class ParameterSettings
{
    public Option<string[]> Set { get; } = new("--set")
    {
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public ParameterSettings AddTo(Command command)
    {
        command.Options.Add(Set);
        return this;
    }

    /// <summary>The overrides by parameter id (empty without <c>--set</c>); null after reporting one that is not ID=VALUE.</summary>
    public ImmutableDictionary<string, object?>? Read(CliContext context, ParseResult parse, Language language)
    {
        var overrides = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        foreach (var setting in parse.GetValue(Set) ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            var id = equals > 0 ? setting[..equals].Trim() : "";
            if (id.Length == 0 || equals == setting.Length - 1)
            {
                problems.Add(Diagnostic.Create(DiagnosticCodes.OverrideInvalid, SourceSpan.None, "--set " + setting,
                    DiagnosticCatalog.Term("write ID=VALUE, as in cstdcsMaxShareOfLdtt=12%")));
                continue;
            }

            overrides[id] = setting[(equals + 1)..].Trim();
        }

        if (problems.Count > 0)
        {
            context.Report(problems, language);
            return null;
        }

        return overrides.ToImmutable();
    }
}
