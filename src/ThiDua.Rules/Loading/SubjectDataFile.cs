using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// A canonical data file (design §3) opened for streaming: the year, as-of date and units are read on opening, then
/// <c>CompiledRuleSet.TryBind(file)</c> reads the individuals one at a time straight into a compiled rule set's columns, so a file of a
/// million people is evaluated without ever being held in memory. Never throws for bad input.
/// </summary>
/// <example>
/// <code>
/// using var file = SubjectDataFile.Open("tinh-2024.json").GetValueOrThrow();
/// var rules = library.Select(file.AsOf ?? new LocalDate(file.Year, 12, 31)).GetValueOrThrow();
/// var compiled = RuleSetCompiler.Compile(rules).GetValueOrThrow();
/// var bound = compiled.TryBind(file).GetValueOrThrow();
/// var result = compiled.Evaluate(bound);
/// </code>
/// </example>
/// <remarks>
/// <para>Streams when <c>year</c>, <c>asOf</c> and <c>units</c> come before <c>individuals</c> in the file (as in
/// every file the tools write); otherwise the individuals are read into memory first, with the same result.</para>
/// <para>Not thread-safe; the individuals can be bound once. Dispose to close the file.</para>
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
    /// Streams the individuals, once, into <paramref name="consume"/> (the data-binding stage), and returns its result
    /// with the file's problems and the consumer's: what is found in data whose JSON is broken cannot be trusted, so
    /// then only the JSON problems are reported.
    /// </summary>
    internal LoadResult<T> ReadIndividuals<T>(Func<IEnumerable<Individual>, DiagnosticBag, T?> consume, bool readAhead, CancellationToken cancellationToken)
        where T : class
    {
        if (_bound)
        {
            throw new InvalidOperationException("a data file's individuals can be bound only once; open the file again");
        }

        _bound = true;
        var consuming = new DiagnosticBag();
        T? value = null;
        try
        {
            // Reading (parsing the JSON) and binding (filling the columns) each keep a core busy: with two or more,
            // the file is read ahead on a thread of its own. The order of individuals, and so the result, is the same.
            var individuals = readAhead ? ReadAhead.Of(_reader.Individuals(), cancellationToken) : _reader.Individuals();
            value = consume(individuals, consuming);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Utf8Text.Report(ex, _file, consuming);
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(_reader.Diagnostics);
        if (!_reader.Broken)
        {
            diagnostics.AddRange(consuming.ToSortedArray());
        }

        return new LoadResult<T>(value, diagnostics.ToSortedArray());
    }

    /// <summary>Where the file's own problems are placed (its first character).</summary>
    internal SourceSpan Start => new(_file, 1, 1);

    /// <summary>Closes the file.</summary>
    public void Dispose() => _reader.Dispose();
}
