using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Archive;

/// <summary>One archived year of one subject: its rating and the awards decided for it.</summary>
internal sealed record ArchivedYear(string Subject, SubjectKind Kind, int Year, string? Rating, ImmutableArray<AwardRecord> Awards);

/// <summary>
/// The archive of decided awards (design §8): an SQLite database that <c>thidua record</c> writes one year at a time and
/// <c>check --history</c> reads to fill each subject's history.
/// </summary>
/// <remarks>
/// <para>Tables: <c>archive</c> (format name and version, so that a foreign database is refused), <c>decisions</c> (one
/// row per recorded year: decision number and date, rule set), <c>ratings</c> (every subject's rating of the year) and
/// <c>awards</c> (the decided awards: proposed, not superseded, approved where voted). Recording a year deletes that
/// year's rows and inserts the new ones in one transaction: a crash leaves the previous state whole.</para>
/// <para>A file that is not an SQLite database, or a database without the archive table, is an
/// <see cref="ArchiveException"/> with a message naming the file, never a stack trace.</para>
/// </remarks>
internal static class DecisionArchive
{
    public const string Format = "thidua-archive";

    public const int Version = 1;

    /// <summary>History years an archive may hold per subject of the data limit (a century: more is not an archive of ours).</summary>
    public const long MaxYearsPerSubject = 100;

    /// <summary>What was written by <see cref="Record"/>.</summary>
    public readonly record struct RecordSummary(int Subjects, int Awards, bool Replaced);

    /// <summary>Writes the year of <paramref name="result"/> into the archive at <paramref name="path"/> (created when missing).</summary>
    /// <exception cref="ArchiveException">The file is not an archive, or cannot be written.</exception>
    public static RecordSummary Record(string path, EvaluationResult result, string decision, LocalDate decidedOn)
    {
        if (NotWritable(path) is { } refusal)
        {
            throw new ArchiveException(refusal);
        }

        return Use(path, write: true, connection =>
        {
            Create(connection);
            using var transaction = connection.BeginTransaction();
            var replaced = Scalar<long>(connection, transaction, "SELECT COUNT(*) FROM decisions WHERE year = $year", ("$year", result.Year)) > 0;
            Execute(connection, transaction, "DELETE FROM awards WHERE year = $year", ("$year", result.Year));
            Execute(connection, transaction, "DELETE FROM ratings WHERE year = $year", ("$year", result.Year));
            Execute(connection, transaction, "DELETE FROM decisions WHERE year = $year", ("$year", result.Year));

            var date = LocalDatePattern.Iso.Format(decidedOn);
            Execute(connection, transaction, "INSERT INTO decisions(year, decision, decided_on, rule_set, rule_set_version) VALUES ($year, $decision, $date, $rules, $version)",
                ("$year", result.Year), ("$decision", decision), ("$date", date), ("$rules", result.RuleSet.Id), ("$version", result.RuleSet.Version));

            var subjects = 0;
            foreach (var (id, kind, rating) in result.SubjectRatings())
            {
                Execute(connection, transaction, "INSERT INTO ratings(year, subject, kind, rating) VALUES ($year, $subject, $kind, $rating)",
                    ("$year", result.Year), ("$subject", id), ("$kind", KindName(kind)), ("$rating", (object?)rating ?? DBNull.Value));
                subjects++;
            }

            var awards = 0;
            foreach (var pair in result.Results(ResultInclusion.All).Where(r => r.IsProposed))
            {
                Execute(connection, transaction, "INSERT INTO awards(year, subject, award, decision, decided_on) VALUES ($year, $subject, $award, $decision, $date)",
                    ("$year", result.Year), ("$subject", pair.Subject), ("$award", pair.Award), ("$decision", decision), ("$date", date));
                awards++;
            }

            transaction.Commit();
            return new RecordSummary(subjects, awards, replaced);
        });
    }

    /// <summary>Why <paramref name="path"/> cannot be an archive to write (null when it can): an existing archive must be an
    /// ordinary file, since SQLite would block on a FIFO and write into a device. Checked before any work.</summary>
    public static Diagnostic? NotWritable(string path) =>
        Loading.FileStatus.Of(path).Kind is Loading.FileKind.Directory or Loading.FileKind.Other
            ? Diagnostic.Create(DiagnosticCodes.DataFileNotRegular, new SourceSpan(path, 0, 0), path)
            : null;

    /// <summary>Every archived year, by subject id (ordinal), years ascending.</summary>
    /// <param name="path">The archive: an ordinary file (checked before SQLite opens it) within the size limit.</param>
    /// <param name="limits">The size limit of data files (<c>--max-file-size</c>), which an archive read as history obeys too.</param>
    /// <exception cref="ArchiveException">The file does not exist, is not an ordinary file within the limit, or is not an archive.</exception>
    public static IReadOnlyDictionary<string, List<ArchivedYear>> Read(string path, Loading.DataLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!Path.Exists(path))
        {
            throw new ArchiveException(path, "no such file");
        }

        // The same opening rules as every input (SQLite reads pages as it needs them, so the size is the file system's).
        if (Loading.InputFile.Refusal(path, Loading.InputFile.Data(limits), out _) is { } refusal)
        {
            throw new ArchiveException(refusal);
        }

        // Bounded like every input, before a row is read into memory: rows (the data's subject limit, a century of
        // years each) and texts (the data's text limit), so an archive within the size limit still cannot fill memory.
        void CheckBounds(SqliteConnection connection)
        {
            foreach (var (table, texts) in new[] { ("ratings", "subject, kind, rating"), ("awards", "subject, award, decided_on") })
            {
                using var command = connection.CreateCommand();
                // The longest text of each row (the scalar max), then of the table (the aggregate).
                command.CommandText = $"SELECT COUNT(*), MAX(MAX({string.Join(", ", texts.Split(", ").Select(c => $"COALESCE(length({c}), 0)"))})) FROM {table}";
                using var reader = command.ExecuteReader();
                reader.Read();
                if (reader.GetInt64(0) > limits.MaxSubjects * MaxYearsPerSubject)
                {
                    throw new ArchiveException(path, "more entries than the data limits allow (--max-subjects, 100 years each)");
                }

                if (!reader.IsDBNull(1) && reader.GetInt64(1) > limits.MaxTextLength)
                {
                    throw new ArchiveException(path, "a text longer than the data limit allows");
                }
            }
        }

        return Use(path, write: false, connection =>
        {
            CheckBounds(connection);
            var byKey = new SortedDictionary<(string, int), (SubjectKind Kind, string? Rating, List<AwardRecord> Awards)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT subject, year, kind, rating FROM ratings";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    byKey[(reader.GetString(0), reader.GetInt32(1))] = (ParseKind(reader.GetString(2), path), reader.IsDBNull(3) ? null : reader.GetString(3), []);
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT subject, year, award, decided_on FROM awards ORDER BY subject, year, award";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = (reader.GetString(0), reader.GetInt32(1));
                    if (!byKey.TryGetValue(key, out var entry))
                    {
                        throw new ArchiveException(path, "damaged: an award without its subject's rating");
                    }

                    var date = reader.IsDBNull(3) ? null : LocalDatePattern.Iso.Parse(reader.GetString(3)) is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
                    entry.Awards.Add(new AwardRecord(reader.GetString(2), date, new SourceSpan(path, 0, 0)));
                }
            }

            var result = new Dictionary<string, List<ArchivedYear>>(StringComparer.Ordinal);
            foreach (var ((subject, year), (kind, rating, awards)) in byKey)
            {
                if (!result.TryGetValue(subject, out var years))
                {
                    result[subject] = years = [];
                }

                years.Add(new ArchivedYear(subject, kind, year, rating, [.. awards]));
            }

            return (IReadOnlyDictionary<string, List<ArchivedYear>>)result;
        });
    }

    private static T Use<T>(string path, bool write, Func<SqliteConnection, T> body)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = write ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            if (!write || HasTables(connection))
            {
                CheckFormat(connection, path);
            }
            else if (new FileInfo(path).Length > 0)
            {
                // An existing SQLite database of another program: never add our tables to it.
                throw new ArchiveException(path, "an SQLite database of another program (no 'archive' table)");
            }

            return body(connection);
        }
        catch (SqliteException ex)
        {
            throw new ArchiveException(path, ex.SqliteErrorCode switch
            {
                26 or 11 => "not an SQLite database, or a damaged one",
                5 or 6 => "the file is in use by another program",
                8 or 14 => "the file cannot be written",
                _ => "the file cannot be read or written",
            });
        }
    }

    private static bool HasTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void CheckFormat(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'archive'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            throw new ArchiveException(path, "an SQLite database of another program (no 'archive' table)");
        }

        command.CommandText = "SELECT format, version FROM archive";
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.GetString(0) != Format)
        {
            throw new ArchiveException(path, "an SQLite database of another program (no 'archive' table)");
        }

        if (reader.GetInt32(1) > Version)
        {
            throw new ArchiveException(path, "written by a newer version of thidua");
        }
    }

    private static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS archive(format TEXT NOT NULL, version INTEGER NOT NULL);
            INSERT INTO archive(format, version) SELECT $format, $version WHERE NOT EXISTS (SELECT 1 FROM archive);
            CREATE TABLE IF NOT EXISTS decisions(year INTEGER PRIMARY KEY, decision TEXT NOT NULL, decided_on TEXT NOT NULL, rule_set TEXT NOT NULL, rule_set_version TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ratings(year INTEGER NOT NULL, subject TEXT NOT NULL, kind TEXT NOT NULL, rating TEXT, PRIMARY KEY(year, subject));
            CREATE TABLE IF NOT EXISTS awards(year INTEGER NOT NULL, subject TEXT NOT NULL, award TEXT NOT NULL, decision TEXT NOT NULL, decided_on TEXT NOT NULL, PRIMARY KEY(year, subject, award));
            """;
        command.Parameters.AddWithValue("$format", Format);
        command.Parameters.AddWithValue("$version", Version);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static string KindName(SubjectKind kind) => kind switch
    {
        SubjectKind.Individual => "individual",
        SubjectKind.Unit => "unit",
        _ => "enterprise",
    };

    private static SubjectKind ParseKind(string text, string path) => text switch
    {
        "individual" => SubjectKind.Individual,
        "unit" => SubjectKind.Unit,
        "enterprise" => SubjectKind.Enterprise,
        _ => throw new ArchiveException(path, "damaged: an unknown subject kind"),
    };
}

/// <summary>An archive file that cannot be used; the message names the file and the reason.</summary>
internal sealed class ArchiveException(string path, string reason) : Exception($"{path}: {reason}")
{
    /// <summary>A file refused before SQLite opened it (not an ordinary file, or above the size limit), with its own diagnostic.</summary>
    public ArchiveException(Diagnostic refusal)
        : this(refusal.Span.File, refusal.Message(Language.En)) => Refusal = refusal;

    public string File { get; } = path;

    public string Reason { get; } = reason;

    /// <summary>The diagnostic of a file refused before it was opened, or null.</summary>
    public Diagnostic? Refusal { get; }
}
