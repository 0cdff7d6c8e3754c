using System.Collections.Immutable;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Validation;

/// <summary>
/// Checks a rule set completely — structure, ids, references, every expression's syntax and types, quotas, award
/// dependency cycles and the embedded tests, their data included — and reports every problem at once.
/// </summary>
/// <remarks>
/// <para>Never throws for bad rules: every problem is a <see cref="Diagnostic"/> with file, line, column, a stable code,
/// Vietnamese and English text and, where one fits, a did-you-mean suggestion. Function and criterion-type names are
/// resolved against the <see cref="PluginRegistry"/> given (the built-ins when null).</para>
/// <para><b>Cost:</b> linear in the size of the rule set (a 50-award rule set validates in milliseconds); a library's
/// files that carry tests are compiled once per base version their tests run under, to check the tests' data. <b>Thread safety:</b> static and stateless; call it from any thread.</para>
/// </remarks>
public static class RuleSetValidator
{
    /// <summary>Validates one rule-set version (already merged with its base).</summary>
    /// <param name="ruleSet">The version, usually from <see cref="RuleLibrary.Select"/>.</param>
    /// <param name="registry">The functions and criterion types rule files may name; null for <see cref="PluginRegistry.Default"/>.</param>
    /// <returns>Every diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static ValidationReport Validate(RuleSet ruleSet, PluginRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var diagnostics = new DiagnosticBag();
        RuleSetBinder.Bind(ruleSet, registry ?? PluginRegistry.Default, diagnostics);
        return new ValidationReport(diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Validates every version in a library: each merged with the base version in force on its first day, plus the
    /// checks across versions (overlapping effective periods).
    /// </summary>
    /// <param name="library">The loaded library.</param>
    /// <param name="registry">The functions and criterion types rule files may name; null for <see cref="PluginRegistry.Default"/>.</param>
    /// <returns>Every diagnostic of every version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="library"/> is null.</exception>
    public static ValidationReport Validate(RuleLibrary library, PluginRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        var diagnostics = new DiagnosticBag();
        foreach (var group in library.Entries.GroupBy(e => e.RuleSet.Id, StringComparer.Ordinal))
        {
            var versions = group.ToList();
            for (var i = 0; i < versions.Count; i++)
            {
                for (var j = i + 1; j < versions.Count; j++)
                {
                    if (versions[i].RuleSet.Effective.Overlaps(versions[j].RuleSet.Effective))
                    {
                        diagnostics.Add(DiagnosticCodes.OverlappingVersions, versions[j].RuleSet.Span, group.Key, versions[i].RuleSet.Span.ToString());
                    }
                }
            }
        }

        foreach (var entry in library.Entries)
        {
            var resolved = RuleLibrary.Resolve(entry, entry.RuleSet.Effective.From, diagnostics);
            if (resolved is not null)
            {
                RuleSetBinder.Bind(resolved, registry ?? PluginRegistry.Default, diagnostics, onlyFile: entry.RuleSet.Span.File);
            }
        }

        // The tests' data, checked as check checks a data file (a rating off the scale, a unit that loops, a fact of the
        // wrong type…), under the version each test runs with: found here, not only when the tests run.
        RuleTests.RuleSetTestRunner.CheckData(library, registry ?? PluginRegistry.Default, diagnostics);

        return new ValidationReport(diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Loads and validates a rule file or folder, reporting every problem of every file at once: load errors (such as an
    /// unknown member) do not hide the expression errors of the same file.
    /// </summary>
    /// <param name="path">A rule file or a folder of rule files.</param>
    /// <param name="registry">The functions and criterion types rule files may name; null for <see cref="PluginRegistry.Default"/>.</param>
    /// <returns>Every diagnostic; a missing or unreadable path is a <c>TDR023</c> diagnostic, not an exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ValidationReport Validate(string path, PluginRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (library, diagnostics) = RuleSetLoader.LoadPartial(path);
        diagnostics.AddRange(Validate(library, registry).Diagnostics);
        return new ValidationReport(diagnostics.ToSortedArray());
    }
}
