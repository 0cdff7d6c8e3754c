namespace ThiDua.Rules.Evaluation;

/// <summary>
/// The values found missing while one expression was evaluated for one subject, as <c>id.field</c> (for example
/// <c>NV001.rating</c>, <c>NV001.has('lao-dong-tien-tien')</c>): what the explanation of an undecided criterion lists.
/// </summary>
/// <remarks>
/// Filled by the delegates <c>ExpressionCompiler.CompileTraced</c> builds: the same code as evaluation, with each read
/// that can be missing followed by a note here, so an explanation lists exactly the values the evaluation needed and
/// did not have (a branch not taken, or the rest of a list after the element that decided <c>all</c> or <c>any</c>, is
/// not read and not listed). One trace per evaluation; not thread-safe.
/// </remarks>
internal sealed class MissingTrace(EvalFrame frame)
{
    private readonly SortedSet<string> _missing = new(StringComparer.Ordinal);

    /// <summary>The missing values found, in ordinal order.</summary>
    public IReadOnlyCollection<string> Values => _missing;

    /// <summary>Notes a field (or fact) of a subject read as missing; returns the value read.</summary>
    public static T? Value<T>(T? value, MissingTrace trace, bool individual, int subject, string field)
        where T : struct
    {
        if (!value.HasValue)
        {
            trace.Add(individual, subject, field);
        }

        return value;
    }

    /// <summary>Notes a text or list field of a subject read as missing; returns the value read.</summary>
    public static T? Reference<T>(T? value, MissingTrace trace, bool individual, int subject, string field)
        where T : class
    {
        if (value is null)
        {
            trace.Add(individual, subject, field);
        }

        return value;
    }

    /// <summary>Notes an award of a subject's history (or of this year) that could not be decided; returns the value.</summary>
    public static T? Award<T>(T? value, MissingTrace trace, bool individual, int subject, int award)
        where T : struct
    {
        if (!value.HasValue)
        {
            trace.Add(individual, subject, "has('" + trace._frame.Compiled.Awards[award].Id + "')");
        }

        return value;
    }

    private readonly EvalFrame _frame = frame;

    /// <summary>Notes a value of a subject (named by <paramref name="field"/>) as missing.</summary>
    public void Note(bool individual, int subject, string field) => Add(individual, subject, field);

    private void Add(bool individual, int subject, string field) =>
        _missing.Add((individual ? _frame.Population.Individuals.Id : _frame.Population.Units.Id)[subject] + "." + field);
}
