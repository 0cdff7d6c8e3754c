using System.Runtime.ExceptionServices;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Extensibility;

/// <summary>
/// A plug-in's code failed: one of its members threw. <see cref="Diagnostic"/> names the plug-in, what was called and
/// the plug-in's own message (<c>TDR066</c>); the plug-in's exception is the inner exception.
/// </summary>
/// <remarks>Thrown by <see cref="PluginRegistry.With(IExpressionFunction)"/> and
/// <see cref="PluginRegistry.With(ICriterionType)"/> when reading the name or parameters fails, and by validation,
/// compilation and evaluation when a plug-in's code throws there.</remarks>
public sealed class PluginException : Exception
{
    internal PluginException(string plugin, string member, Exception inner)
        : base(Validation.Diagnostic.Create(DiagnosticCodes.PluginFailed, SourceSpan.None, plugin, member, inner.Message).Message(Language.En), inner)
    {
        Diagnostic = Validation.Diagnostic.Create(DiagnosticCodes.PluginFailed, SourceSpan.None, plugin, member, inner.Message);
    }

    /// <summary>The one-line diagnostic (<c>TDR066</c>) naming the plug-in.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>Runs a call into plug-in code; whatever it throws becomes a <see cref="PluginException"/>.</summary>
    internal static T Call<T>(object plugin, string? name, string member, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is not PluginException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new PluginException(name ?? plugin.GetType().FullName ?? plugin.GetType().Name, member, ex);
        }
    }

    /// <summary>Whether <paramref name="plugin"/> comes from outside this library (only those are guarded).</summary>
    internal static bool IsForeign(object plugin) => plugin.GetType().Assembly != typeof(PluginException).Assembly;

    /// <summary>Rethrows the plug-in failure inside an <see cref="AggregateException"/> from parallel work, if there is one.</summary>
    internal static void ThrowIfInside(AggregateException ex)
    {
        if (ex.Flatten().InnerExceptions.OfType<PluginException>().FirstOrDefault() is { } plugin)
        {
            ExceptionDispatchInfo.Throw(plugin);
        }
    }
}

/// <summary>A plug-in function whose every member is guarded: its name, description and signature read once, its calls wrapped.</summary>
internal sealed class GuardedFunction : IExpressionFunction
{
    private readonly IExpressionFunction _inner;

    public GuardedFunction(IExpressionFunction inner)
    {
        _inner = inner;
        Name = PluginException.Call(inner, null, nameof(Name), () => inner.Name) ?? throw Null(inner, nameof(Name));
        Description = PluginException.Call(inner, Name, nameof(Description), () => inner.Description) ?? "";
        Parameters = PluginException.Call(inner, Name, nameof(Parameters), () => (IReadOnlyList<ArgumentKind>)[.. inner.Parameters ?? throw Null(inner, nameof(Parameters))]);
        ReturnKind = PluginException.Call(inner, Name, nameof(ReturnKind), () => inner.ReturnKind);
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ArgumentKind> Parameters { get; }

    public ArgumentKind ReturnKind { get; }

    public object? Invoke(ReadOnlySpan<object?> arguments)
    {
        try
        {
            return _inner.Invoke(arguments);
        }
        catch (Exception ex) when (ex is not PluginException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new PluginException(Name, nameof(Invoke), ex);
        }
    }

    private static PluginException Null(object plugin, string member) =>
        new(plugin.GetType().FullName ?? plugin.GetType().Name, member, new InvalidOperationException(member + " is null"));
}

/// <summary>A plug-in criterion type whose every member is guarded.</summary>
/// <remarks>It forwards the optional contracts too: <see cref="IExplainingCriterionType.Explain"/> (else the status
/// without evidence) and <see cref="IPreparedCriterionType.Prepare"/> (else the argument check, reported at the
/// criterion as for any type), so that wrapping a plug-in never hides what it can do.</remarks>
internal sealed class GuardedCriterionType : IExplainingCriterionType, IPreparedCriterionType
{
    private readonly ICriterionType _inner;

    public GuardedCriterionType(ICriterionType inner)
    {
        _inner = inner;
        Name = PluginException.Call(inner, null, nameof(Name), () => inner.Name)
            ?? throw new PluginException(inner.GetType().FullName ?? inner.GetType().Name, nameof(Name), new InvalidOperationException("Name is null"));
    }

    public string Name { get; }

    public bool AppliesTo(SubjectKind kind) => PluginException.Call(_inner, Name, nameof(AppliesTo), () => _inner.AppliesTo(kind));

    public IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments) =>
        PluginException.Call(_inner, Name, nameof(CheckArguments), () => (IEnumerable<string>)[.. _inner.CheckArguments(arguments) ?? []]);

    public bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments)
    {
        try
        {
            return _inner.Evaluate(subject, arguments);
        }
        catch (Exception ex) when (ex is not PluginException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new PluginException(Name, nameof(Evaluate), ex);
        }
    }

    public CriterionVerdict Explain(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
        _inner is IExplainingCriterionType explaining
            ? PluginException.Call(_inner, Name, nameof(Explain), () => explaining.Explain(subject, arguments) ?? throw new InvalidOperationException("Explain returned null"))
            : Evaluate(subject, arguments);

    public ICriterionJudge? Prepare(CriterionContext context)
    {
        if (_inner is IPreparedCriterionType prepared)
        {
            var judge = PluginException.Call(_inner, Name, nameof(Prepare), () => prepared.Prepare(context));
            return judge is null ? null : new GuardedJudge(judge, Name);
        }

        if (_inner is ICatalogArgumentCheck catalog)
        {
            PluginException.Call(_inner, Name, nameof(CheckArguments), () =>
            {
                catalog.CheckArguments(context);
                return true;
            });
            return null;
        }

        foreach (var problem in CheckArguments(context.Arguments))
        {
            context.ReportArgument("args", problem);
        }

        return null;
    }

    /// <summary>A prepared judge whose calls are guarded like the type's.</summary>
    private sealed class GuardedJudge(ICriterionJudge inner, string name) : ICriterionJudge
    {
        public bool? Evaluate(SubjectView subject)
        {
            try
            {
                return inner.Evaluate(subject);
            }
            catch (Exception ex) when (ex is not PluginException and not OperationCanceledException and not OutOfMemoryException)
            {
                throw new PluginException(name, nameof(Evaluate), ex);
            }
        }

        public CriterionVerdict Explain(SubjectView subject) =>
            PluginException.Call(inner, name, nameof(Explain), () => inner.Explain(subject) ?? throw new InvalidOperationException("Explain returned null"));
    }
}
