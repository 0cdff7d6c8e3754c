using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.FaultyPlugin;

/// <summary>Which member of the plug-in throws: the value of the environment variable <c>THIDUA_FAULT</c> when it is created.</summary>
internal static class Fault
{
    /// <summary>The member that throws (<c>Name</c>, <c>Parameters</c>, <c>Evaluate</c>, <c>Invoke</c>), or empty for none.</summary>
    public static string Member { get; } = Environment.GetEnvironmentVariable("THIDUA_FAULT") ?? "";

    public static InvalidOperationException Boom(string member) => new($"lỗi cố ý trong {member}");
}

/// <summary>The criterion type <c>hong</c>: passes for everyone, unless <c>THIDUA_FAULT</c> names its <c>Name</c> or <c>Evaluate</c>.</summary>
public sealed class FaultyCriterion : ICriterionType
{
    /// <inheritdoc/>
    public string Name => Fault.Member == "Name" ? throw Fault.Boom("Name") : "hong";

    /// <inheritdoc/>
    public bool AppliesTo(SubjectKind kind) => true;

    /// <inheritdoc/>
    public IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments) => [];

    /// <inheritdoc/>
    public bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
        Fault.Member == "Evaluate" ? throw Fault.Boom("Evaluate") : true;
}

/// <summary>The function <c>hong(x)</c>: returns x, unless <c>THIDUA_FAULT</c> names its <c>Parameters</c> or <c>Invoke</c>.</summary>
public sealed class FaultyFunction : IExpressionFunction
{
    /// <inheritdoc/>
    public string Name => "hong";

    /// <inheritdoc/>
    public string Description => "returns its argument";

    /// <inheritdoc/>
    public IReadOnlyList<ArgumentKind> Parameters => Fault.Member == "Parameters" ? throw Fault.Boom("Parameters") : [ArgumentKind.Number];

    /// <inheritdoc/>
    public ArgumentKind ReturnKind => ArgumentKind.Number;

    /// <inheritdoc/>
    public object? Invoke(ReadOnlySpan<object?> arguments) => Fault.Member == "Invoke" ? throw Fault.Boom("Invoke") : arguments[0];
}
