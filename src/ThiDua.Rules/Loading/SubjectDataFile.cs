using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// A canonical data file (design §3) opened for streaming: the year, as-of date and units are read on opening, then
/// <see cref="Bind"/> reads the individuals one at a time straight into a compiled rule set's columns, so a file of a
/// million people is evaluated without ever being held in memory. Never throws for bad input.
/// </summary>
/// <example>
/// <code>
/// using var file = SubjectDataFile.Open("tinh-2024.json").GetValueOrThrow();
/// var rules = library.Select(file.AsOf ?? new LocalDate(file.Year, 12, 31)).GetValueOrThrow();
/// var compiled = RuleSetCompiler.Compile(rules).GetValueOrThrow();
/// var bound = file.Bind(compiled).GetValueOrThrow();
/// var result = compiled.Evaluate(bound);
/// </code>
/// </example>
/// <remarks>
/// <para>Streams when <c>year</c>, <c>asOf</c> and <c>units</c> come before <c>individuals</c> in the file (as in
/// every file the tools write); otherwise the individuals are read into memory first, with the same result.</para>
/// <para>Not thread-safe; <see cref="Bind"/> can be called once. Dispose to close the file.</para>
/// </remarks>
public sealed class SubjectDataFile : IDisposable
{
    private readonly SubjectJsonStreamReader _reader;
    private readonly string _file;
    private bool _bound;

    private SubjectDataFile(SubjectJsonStreamReader reader, string file, int year)
    {
        _reader = reader;
        _file = file;
        Year = year;
    }

    /// <summary>The evaluated year.</summary>
    public int Year { get; }

    /// <summary>The as-of date of the data, if the file gives one.</summary>
    public LocalDate? AsOf => _reader.AsOf;

    /// <summary>The units and enterprises.</summary>
    public ImmutableArray<Unit> Units => _reader.Units;

    /// <summary>Opens a data file and reads everything before its individuals.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Size limits; null for <see cref="DataLimits.Default"/>.</param>
    /// <returns>The open file, or the problems that prevent reading it (not found, too large, broken JSON, no year).</returns>
    public static LoadResult<SubjectDataFile> Open(string path, DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= DataLimits.Default;
        var diagnostics = new DiagnosticBag();
        try
        {
            if (SubjectDataLoader.OpenFile(path, limits, diagnostics) is not { } text)
            {
                return new LoadResult<SubjectDataFile>(null, diagnostics.ToSortedArray());
            }

            var reader = new SubjectJsonStreamReader(text, path, limits);
            if (reader.ReadHeader() && reader.Year is { } year)
            {
                return new LoadResult<SubjectDataFile>(new SubjectDataFile(reader, path, year), []);
            }

            // The header cannot be used: read on only to report every problem of the file, as a full load would.
            if (!reader.Broken)
            {
                foreach (var _ in reader.Individuals())
                {
                }
            }

            diagnostics.AddRange(reader.Diagnostics);
            reader.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Utf8Text.Report(ex, path, diagnostics);
        }

        return new LoadResult<SubjectDataFile>(null, diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Reads the individuals into <paramref name="rules"/>' columns, one at a time, checking each against the rule set
    /// (units exist, ratings on the scale, facts declared) and the file against the JSON format.
    /// </summary>
    /// <param name="rules">The compiled rule set to bind to.</param>
    /// <param name="options">The decision's as-of date (<see cref="EvaluationOptions.AsOf"/>); the rest is ignored.</param>
    /// <param name="cancellationToken">Stops reading between individuals.</param>
    /// <returns>The bound subjects with the warnings, or every problem of the file and of the data.</returns>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public LoadResult<BoundSubjects> Bind(CompiledRuleSet rules, EvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (_bound)
        {
            throw new InvalidOperationException("a data file's individuals can be bound only once; open the file again");
        }

        _bound = true;
        var binding = new DiagnosticBag();
        BoundSubjects? bound = null;
        try
        {
            // Reading (parsing the JSON) and binding (filling the columns) each keep a core busy: with two or more,
            // the file is read ahead on a thread of its own. The order of individuals, and so the result, is the same.
            var individuals = Environment.ProcessorCount > 1 && options?.MaxDegreeOfParallelism != 1
                ? ReadAhead.Of(_reader.Individuals(), cancellationToken)
                : _reader.Individuals();
            bound = rules.Bind(Year, AsOf, new SourceSpan(_file, 1, 1), Units, individuals, options, binding, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Utf8Text.Report(ex, _file, binding);
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(_reader.Diagnostics);
        if (!_reader.Broken)
        {
            // What binding finds in data whose JSON is broken cannot be trusted: only the JSON problems are reported.
            diagnostics.AddRange(binding.ToSortedArray());
        }

        return new LoadResult<BoundSubjects>(bound, diagnostics.ToSortedArray());
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _reader.Dispose();
}
