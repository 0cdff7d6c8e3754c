using System.Reflection;
using System.Runtime.Loader;
using ThiDua.Rules.Extensibility;

namespace ThiDua.Rules.Cli;

/// <summary>
/// Loads the plug-in assemblies named with <c>--plugin</c> and registers every public, concrete
/// <see cref="IExpressionFunction"/> and <see cref="ICriterionType"/> they contain (through a public parameterless
/// constructor) in a <see cref="PluginRegistry"/>.
/// </summary>
/// <remarks>
/// Each plug-in gets its own <see cref="AssemblyLoadContext"/>, so its private dependencies (another Newtonsoft.Json,
/// say) do not clash with the CLI's or another plug-in's. The contract assemblies (ThiDua.Rules and NodaTime, whose
/// types cross the boundary) are always the CLI's own, so the plug-in's types implement the same interfaces.
/// </remarks>
internal static class PluginLoader
{
    /// <summary>Loads every plug-in into <paramref name="registry"/>; on the first failure, returns null and the diagnostic that says why.</summary>
    /// <remarks>With <paramref name="verbose"/>, the exception behind a failure is written there too (for the plug-in's author).</remarks>
    public static PluginRegistry? Load(IEnumerable<string> paths, PluginRegistry registry, out Validation.Diagnostic? problem, TextWriter? verbose = null)
    {
        problem = null;
        foreach (var path in paths)
        {
            var loaded = LoadOne(path, registry, out problem, verbose);
            if (loaded is null)
            {
                return null;
            }

            registry = loaded;
        }

        return registry;
    }

    private static PluginRegistry? LoadOne(string path, PluginRegistry registry, out Validation.Diagnostic? problem, TextWriter? verbose)
    {
        var span = new Model.SourceSpan(path, 0, 0);
        Validation.Diagnostic NotLoaded(string reason) =>
            Validation.Diagnostic.Create(Validation.DiagnosticCodes.PluginNotLoaded, span, path, Validation.DiagnosticCatalog.Term(reason));
        Validation.Diagnostic NotCreated(Type type, string reason) =>
            Validation.Diagnostic.Create(Validation.DiagnosticCodes.PluginTypeNotCreated, span, path, type.FullName ?? type.Name, Validation.DiagnosticCatalog.Term(reason));

        problem = null;
        var full = Path.GetFullPath(path);
        // Opened as every input is: an ordinary file (a FIFO would block the loader, a device never end).
        switch (Loading.FileStatus.Of(full).Kind)
        {
            case Loading.FileKind.Missing:
                problem = NotLoaded("no such file");
                return null;
            case Loading.FileKind.Directory:
                problem = NotLoaded("is a folder; name the plug-in's .dll");
                return null;
            case Loading.FileKind.Other:
                problem = NotLoaded("not an ordinary file (a device, FIFO or socket)");
                return null;
        }

        Type[] types;
        try
        {
            var assembly = new PluginLoadContext(full).LoadFromAssemblyPath(full);
            types = assembly.GetExportedTypes();
        }
        catch (BadImageFormatException)
        {
            problem = NotLoaded("not a .NET assembly");
            return null;
        }
        catch (Exception ex) when (ex is FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TypeLoadException)
        {
            verbose?.WriteLine(((ex as ReflectionTypeLoadException)?.LoaderExceptions.FirstOrDefault(e => e is not null) ?? ex).ToString());
            problem = NotLoaded("an assembly it needs is missing or cannot be loaded (run with --verbose for details)");
            return null;
        }

        var found = 0;
        foreach (var type in types.Where(IsPlugin).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                problem = NotCreated(type, "it has no public parameterless constructor");
                return null;
            }

            object instance;
            try
            {
                instance = Activator.CreateInstance(type)!;
            }
            catch (Exception ex) when (ex is TargetInvocationException or MemberAccessException or TypeLoadException)
            {
                verbose?.WriteLine((ex.InnerException ?? ex).ToString());
                problem = NotCreated(type, "its constructor failed (run with --verbose for details)");
                return null;
            }

            try
            {
                if (instance is IExpressionFunction function)
                {
                    registry = registry.With(function);
                    found++;
                }

                if (instance is ICriterionType criterionType)
                {
                    registry = registry.With(criterionType);
                    found++;
                }
            }
            catch (PluginException ex)
            {
                // Its Name or Parameters getter threw: one line naming it, with its code, in the user's language.
                problem = ex.Diagnostic;
                return null;
            }
        }

        if (found == 0)
        {
            problem = NotLoaded("it holds no public class that implements IExpressionFunction or ICriterionType");
            return null;
        }

        return registry;
    }

    private static bool IsPlugin(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && (typeof(IExpressionFunction).IsAssignableFrom(type) || typeof(ICriterionType).IsAssignableFrom(type));

    /// <summary>One plug-in's load context: its own dependencies from its folder (per its .deps.json), the contract from the CLI.</summary>
    private sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext("thidua-plugin:" + Path.GetFileName(pluginPath))
    {
        private static readonly HashSet<string> Shared = new(StringComparer.OrdinalIgnoreCase)
        {
            typeof(PluginRegistry).Assembly.GetName().Name!,
            typeof(NodaTime.LocalDate).Assembly.GetName().Name!,
        };

        private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Null means "ask the default context": the CLI's copy of the contract, and the shared framework.
            if (assemblyName.Name is null || Shared.Contains(assemblyName.Name))
            {
                return null;
            }

            return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
