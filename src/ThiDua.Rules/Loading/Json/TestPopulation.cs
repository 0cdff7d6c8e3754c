using System.Globalization;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Model;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// The subjects of a rule-file test or of a shared fixture, as written, before they are read as data: the
/// <c>defaults</c>, the <c>units</c> and <c>individuals</c> (each an array of objects, or a table
/// <c>{ "columns": [...], "rows": [[...], ...] }</c>) and the <c>groups</c> of individuals
/// (<c>{ "count": 25, "unit": "P1", "ratings": { "HTXSNV": 4, "HTTNV": 21 } }</c>).
/// </summary>
/// <remarks>
/// A test that names a <c>fixture</c> starts from the fixture's subjects (<see cref="Over"/>): its defaults are merged
/// over the fixture's, a subject with the id of a fixture's subject is merged over it (what the test writes wins,
/// <c>facts</c> key by key), and other subjects are added. Every generated or merged object keeps the positions of the
/// values written in the rule file; a subject's own position is its object, its table row or its group.
/// </remarks>
internal sealed class TestPopulation
{
    /// <summary>The most individuals one group may make (a limit enforced while reading, like the data's).</summary>
    public const int MaxGroupSize = 10_000;

    /// <summary>The members a group reads itself; every other member is given to each of its individuals.</summary>
    private static readonly string[] GroupMembers = ["count", "ratings", "idPrefix", "start", "note"];

    /// <summary>The members of an individual a group gives to each of its people: all but the id (made from idPrefix) and
    /// the unit's own proposals (a council's input, not test data).</summary>
    private static readonly HashSet<string> PersonMembers = [.. SubjectSchema.Individuals.Select(f => f.Name).Where(n => n is not ("id" or "proposals"))];

    public static TestPopulation Empty { get; } = new(null, null, [], []);

    private TestPopulation(JObject? individualDefaults, JObject? unitDefaults, List<Entry> units, List<Entry> individuals)
    {
        IndividualDefaults = individualDefaults;
        UnitDefaults = unitDefaults;
        Units = units;
        Individuals = individuals;
    }

    public JObject? IndividualDefaults { get; }

    public JObject? UnitDefaults { get; }

    public List<Entry> Units { get; }

    public List<Entry> Individuals { get; }

    /// <summary>One subject as written, with where it is.</summary>
    public sealed record Entry(JObject Object, SourceSpan Span)
    {
        public string? Id => Object.TryGetValue("id", StringComparison.Ordinal, out var id) && id.Type == JTokenType.String ? (string?)id : null;
    }

    /// <summary>Reads the defaults, units, individuals and groups of a test or fixture object; problems go to its reader.</summary>
    public static TestPopulation Read(ObjectReader r)
    {
        JObject? individualDefaults = null;
        JObject? unitDefaults = null;
        if (r.ObjectMember("defaults") is { } defaults)
        {
            var d = new ObjectReader(defaults, r.File, r.Diagnostics, "test defaults");
            individualDefaults = d.ObjectMember("individual");
            unitDefaults = d.ObjectMember("unit");
            d.Finish();
        }

        var units = Subjects(r, "units", "unit");
        var individuals = Subjects(r, "individuals", "individual");
        foreach (var group in r.Objects("groups", "group of individuals", g => Group(g)))
        {
            individuals.AddRange(group);
        }

        return new TestPopulation(individualDefaults, unitDefaults, units, individuals);
    }

    /// <summary>This population over <paramref name="fixture"/>: what this one writes wins.</summary>
    public TestPopulation Over(TestPopulation fixture) => new(
        Merge(IndividualDefaults, fixture.IndividualDefaults),
        Merge(UnitDefaults, fixture.UnitDefaults),
        Merge(Units, fixture.Units),
        Merge(Individuals, fixture.Individuals));

    /// <summary>
    /// <paramref name="over"/> merged over <paramref name="under"/>: members of <paramref name="over"/> win, and
    /// <c>facts</c> merge key by key. A copy: neither object changes. Values keep their positions.
    /// </summary>
    public static JObject MergeOver(JObject over, JObject under)
    {
        var merged = JsonSource.ShareText(over, (JObject)over.DeepClone());
        foreach (var property in under.Properties())
        {
            if (merged[property.Name] is JObject own && property.Value is JObject inner && property.Name == "facts")
            {
                foreach (var fact in inner.Properties().Where(f => own.Property(f.Name, StringComparison.Ordinal) is null))
                {
                    own.Add(fact.Name, fact.Value.DeepClone());
                }
            }
            else if (merged.Property(property.Name, StringComparison.Ordinal) is null)
            {
                merged.Add(property.Name, property.Value.DeepClone());
            }
        }

        return merged;
    }

    private static JObject? Merge(JObject? over, JObject? under) =>
        over is null ? under : under is null ? over : MergeOver(over, under);

    private static List<Entry> Merge(List<Entry> over, List<Entry> under)
    {
        var merged = new List<Entry>(under);
        foreach (var entry in over)
        {
            var at = entry.Id is { } id ? merged.FindIndex(e => e.Id == id) : -1;
            if (at >= 0)
            {
                merged[at] = new Entry(MergeOver(entry.Object, merged[at].Object), entry.Span);
            }
            else
            {
                merged.Add(entry);
            }
        }

        return merged;
    }

    /// <summary>The subjects of <paramref name="member"/>: an array of objects, or a table of columns and rows.</summary>
    private static List<Entry> Subjects(ObjectReader r, string member, string context)
    {
        var subjects = new List<Entry>();
        if (r.Raw(member) is JObject table)
        {
            Table(new ObjectReader(table, r.File, r.Diagnostics, "subject table"), subjects);
            return subjects;
        }

        r.Objects(member, context, s =>
        {
            subjects.Add(new Entry(s.Object, s.Span));
            return s;
        });
        return subjects;
    }

    /// <summary>
    /// A table: <c>columns</c> name the members (<c>facts.conduct</c> for a fact, <c>history.2023.rating</c> deeper), each
    /// row gives one subject's values in that order; a <c>null</c> cell writes nothing, so the defaults apply.
    /// </summary>
    private static void Table(ObjectReader t, List<Entry> into)
    {
        if (!t.Has("columns"))
        {
            t.Missing("columns");
        }

        var columns = t.Strings("columns");
        var rows = t.Array("rows", required: true);
        t.Finish("note");
        var paths = new List<string[]>(columns.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var columnsRead = true;
        foreach (var (column, span) in columns)
        {
            // "facts" beside "facts.conduct" would write one member twice; an empty name ("facts.") names nothing.
            var path = column.Split('.');
            if (path.Any(string.IsNullOrWhiteSpace) || !seen.Add(column) || columns.Any(c => c.Value.StartsWith(column + ".", StringComparison.Ordinal)))
            {
                t.Diagnostics.Add(DiagnosticCodes.TestTableColumnTwice, span, column);
                columnsRead = false;
            }

            paths.Add(path);
        }

        if (rows is null || !columnsRead || paths.Count == 0)
        {
            return;
        }

        foreach (var row in rows)
        {
            if (row is not JArray cells)
            {
                t.WrongType(row, "rows[]", DiagnosticCatalog.Phrase("json.array"));
                continue;
            }

            var rowSpan = JsonSource.SpanOf(row, t.File);
            if (cells.Count != paths.Count)
            {
                t.Diagnostics.Add(DiagnosticCodes.TestTableRowLength, rowSpan, cells.Count.ToString(CultureInfo.InvariantCulture),
                    paths.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", columns.Select(c => c.Value)));
                continue;
            }

            var subject = JsonSource.ShareText(row, new JObject());
            for (var i = 0; i < paths.Count; i++)
            {
                if (cells[i].Type != JTokenType.Null && Place(subject, paths[i]) is { } parent)
                {
                    parent[paths[i][^1]] = cells[i].DeepClone();
                }
            }

            into.Add(new Entry(subject, rowSpan));
        }
    }

    /// <summary>The object that holds the last name of <paramref name="path"/>, made on the way; null when a value is in the way.</summary>
    private static JObject? Place(JObject root, string[] path)
    {
        var current = root;
        foreach (var name in path.AsSpan(0, path.Length - 1))
        {
            if (current[name] is null)
            {
                current[name] = new JObject();
            }

            if (current[name] is not JObject next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>
    /// A group: <c>count</c> individuals numbered <c>idPrefix</c> + <c>start</c>… (NV01, NV02… by default), each with
    /// the group's other members; <c>ratings</c> gives how many have each rating, in the order written.
    /// </summary>
    private static List<Entry>? Group(ObjectReader g)
    {
        var problems = g.Diagnostics.Count;
        var count = g.Integer("count");
        var prefix = g.String("idPrefix") ?? "NV";
        var start = g.Integer("start") ?? 1;
        var ratings = new List<(string Level, int Count)>();
        if (g.ObjectMember("ratings") is { } byRating)
        {
            foreach (var property in byRating.Properties())
            {
                if (property.Value.Type != JTokenType.Integer || (long)property.Value < 0 || (long)property.Value > MaxGroupSize)
                {
                    g.WrongType(property.Value, "ratings." + property.Name, DiagnosticCatalog.Term("a whole number, not negative"));
                    continue;
                }

                ratings.Add((property.Name, (int)(long)property.Value));
            }
        }

        // Every member of an individual but its id (made from idPrefix) is given to each person of the group.
        var written = g.Object.Properties().Where(p => PersonMembers.Contains(p.Name)).ToList();
        if (g.Has("ratings"))
        {
            Conflict(g, written, "rating", "ratings", "each person's rating comes from ratings");
        }

        var rated = ratings.Sum(r => r.Count);
        if (count is null && !g.Has("ratings"))
        {
            g.Missing("count");
        }
        else if (count is < 1)
        {
            g.WrongType(g.Object["count"]!, "count", DiagnosticCatalog.Term("a whole number, at least 1"));
        }
        else if (count is { } n && g.Has("ratings") && n != rated)
        {
            g.Diagnostics.Add(DiagnosticCodes.TestGroupCountMismatch, g.SpanOf("ratings"), rated.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture));
        }

        var size = count ?? rated;
        if (size > MaxGroupSize)
        {
            g.Diagnostics.Add(DiagnosticCodes.TestGroupTooLarge, g.SpanOf(count is null ? "ratings" : "count"),
                MaxGroupSize.ToString(CultureInfo.InvariantCulture), size.ToString(CultureInfo.InvariantCulture));
        }

        if (start < 0)
        {
            g.WrongType(g.Object["start"]!, "start", DiagnosticCatalog.Term("a whole number, not negative"));
        }

        g.Finish([.. GroupMembers, .. PersonMembers]);
        if (g.Diagnostics.Count > problems || size is < 1 or > MaxGroupSize || start < 0)
        {
            return null;
        }

        var width = Math.Max(2, (start + size - 1L).ToString(CultureInfo.InvariantCulture).Length);
        var levels = ratings.SelectMany(r => Enumerable.Repeat(r.Level, r.Count)).ToList();
        var people = new List<Entry>(size);
        for (var i = 0; i < size; i++)
        {
            var person = JsonSource.ShareText(g.Object, new JObject { ["id"] = prefix + (start + i).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') });
            foreach (var property in written)
            {
                person[property.Name] = property.Value.DeepClone();
            }

            if (i < levels.Count)
            {
                person["rating"] = levels[i];
            }

            people.Add(new Entry(person, g.Span));
        }

        return people;
    }

    private static void Conflict(ObjectReader g, List<JProperty> written, string member, string control, string why)
    {
        if (written.Find(p => p.Name == member) is { } property)
        {
            g.Diagnostics.Add(DiagnosticCodes.TestGroupConflict, JsonSource.SpanOf(property, g.File), member, control, DiagnosticCatalog.Term(why));
        }
    }
}
