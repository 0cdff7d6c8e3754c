using NodaTime;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Schema;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Intake;

/// <summary>
/// Binds <see cref="SubjectData"/> to a rule set's declarations: resolves units and parents, turns scale levels into
/// indices, types the declared facts into columns and derives <c>monthsWorked</c>. Reports every data problem.
/// </summary>
/// <remarks>Only what <paramref name="reads"/> names is bound into columns (default: everything); every value bound is
/// checked.</remarks>
internal sealed class PopulationBuilder(SymbolTable symbols, DiagnosticBag diagnostics, DataReads? reads = null)
{
    private readonly DataReads _reads = reads ?? DataReads.Everything;
    private readonly HashSet<string> _warnedAwards = new(StringComparer.Ordinal);

    // Values that repeat across a million people are kept once (what stays in the columns is what the collector copies).
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int[]> _awardSets = [];
    private readonly Dictionary<HistoryRow, HistoryRow> _historyRows = [];
    private readonly SortedSet<string> _undeclaredHistoryFacts = new(StringComparer.Ordinal);
    private readonly List<int> _awards = [];

    private SymbolTable Symbols => symbols;

    public Population Build(SubjectData data, LocalDate asOf) =>
        Build(data.Year, data.AsOf, data.Span, data.Units.IsDefault ? [] : data.Units, data.Individuals.IsDefault ? [] : data.Individuals, asOf, CancellationToken.None);

    /// <summary>
    /// Binds units (held, they are few) and individuals consumed once, in one pass: each person goes straight into the
    /// columns and the record can be dropped, so a stream of a million people never needs to be in memory at once.
    /// </summary>
    public Population Build(int year, LocalDate? dataAsOf, SourceSpan span, IReadOnlyList<Unit> units, IEnumerable<Individual> individuals, LocalDate asOf, CancellationToken cancellationToken)
    {
        if (!SubjectChecks.YearInRange(year))
        {
            // Data built in C# can hold any year; files cannot. Reported, and brought into range so binding can go on
            // and report everything else (the error stops evaluation).
            SubjectChecks.ReportYear("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), span.Line > 0 ? span : new SourceSpan(span.File ?? "", 0, 0, "year"), diagnostics);
            year = Math.Clamp(year, SubjectSchema.MinYear, SubjectSchema.MaxYear);
        }

        _year = year;
        units = CheckUnits(units ?? []);

        if (asOf.Year != year)
        {
            // law.md §1.0: the regime follows the decision date; achievements of one year decided in another are
            // the ambiguous case the council must look at.
            diagnostics.Add(DiagnosticCodes.AsOfOutsideYear, span, NodaTime.Text.LocalDatePattern.Iso.Format(asOf), year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            if (!unitIndex.TryAdd(units[i].Id, i))
            {
                diagnostics.Add(DiagnosticCodes.DataDuplicateId, UnitSpan(units[i], "id"), units[i].Id, UnitSpan(units[unitIndex[units[i].Id]], "id").ToString());
            }
        }

        var parent = new int[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            parent[i] = -1;
            if (units[i].Parent is { } p)
            {
                if (unitIndex.TryGetValue(p, out var pi))
                {
                    parent[i] = pi;
                }
                else
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownUnit, UnitSpan(units[i], "parent"), Suggestions.Closest(p, unitIndex.Keys), p));
                }
            }
        }

        // Find each loop of the parent chain once and name it in full ("A → B → A"); units on a loop become roots.
        var state = new byte[units.Count]; // 0 unvisited, 1 on the current path, 2 done
        for (var i = 0; i < units.Count; i++)
        {
            var path = new List<int>();
            var current = i;
            while (current >= 0 && state[current] == 0)
            {
                state[current] = 1;
                path.Add(current);
                current = parent[current];
            }

            if (current >= 0 && state[current] == 1)
            {
                var loop = path.Skip(path.IndexOf(current)).ToList();
                var first = loop.OrderBy(u => units[u].Id, StringComparer.Ordinal).First();
                var ordered = loop.Skip(loop.IndexOf(first)).Concat(loop.Take(loop.IndexOf(first))).Append(first);
                diagnostics.Add(DiagnosticCodes.DataParentCycle, UnitSpan(units[first], "parent"), string.Join(" → ", ordered.Select(u => units[u].Id)));
                foreach (var u in loop)
                {
                    parent[u] = -1;
                }
            }

            foreach (var u in path)
            {
                state[u] = 2;
            }
        }

        // Children before their parents (loops were broken above, so the parent links form a forest): each unit's root and
        // everyone below it are then found in one pass, linear in the number of units however deep the tree (a chain of
        // 100,000 units walked to its root from every unit took minutes).
        var childrenOf = new List<int>?[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            if (parent[i] >= 0)
            {
                (childrenOf[parent[i]] ??= []).Add(i);
            }
        }

        var postOrder = new List<int>(units.Count);
        var walk = new Stack<(int Unit, bool Expanded)>();
        for (var i = 0; i < units.Count; i++)
        {
            if (parent[i] >= 0)
            {
                continue;
            }

            walk.Push((i, false));
            while (walk.TryPop(out var next))
            {
                if (next.Expanded)
                {
                    postOrder.Add(next.Unit);
                    continue;
                }

                walk.Push((next.Unit, true));
                foreach (var c in childrenOf[next.Unit] ?? [])
                {
                    walk.Push((c, false));
                }
            }
        }

        var root = new int[units.Count];
        for (var k = postOrder.Count - 1; k >= 0; k--)
        {
            var u = postOrder[k];
            root[u] = parent[u] < 0 ? u : root[parent[u]];
        }

        var members = new List<int>[units.Count];
        var children = new List<int>[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            members[i] = [];
            children[i] = [];
        }

        for (var i = 0; i < units.Count; i++)
        {
            if (parent[i] >= 0)
            {
                children[parent[i]].Add(i);
            }
        }

        var ratingScale = symbols.Scales.GetValueOrDefault("rating");
        var disciplineScale = symbols.Scales.GetValueOrDefault("discipline");
        var scopeScale = symbols.Scales.GetValueOrDefault("scope");

        // Service is counted up to the data's own snapshot date, not the decision date that selects the rules.
        var serviceEnd = dataAsOf ?? SubjectData.EndOfYear(year);

        // Each column is sized once when the number of people is known (data in memory), and only the columns the rule
        // set reads are filled (see DataReads): the others stay empty. What every result needs (id, name, unit,
        // position) is always kept.
        var capacity = individuals is IReadOnlyCollection<Individual> known ? known.Count : 1024;
        var ids = new ColumnBuilder<string>(capacity);
        var names = new ColumnBuilder<string?>(capacity);
        var unitOf = new ColumnBuilder<int>(capacity);
        var unitIds = new ColumnBuilder<string?>(capacity);
        // The rating is kept whatever the rules read: an archive records it for next year's history.
        var ratings = new ColumnBuilder<int?>(capacity);
        var employeeTypes = Column<string?>("EmployeeType", capacity);
        var startDates = Column<LocalDate?>("StartDate", capacity);
        var months = Column<decimal?>("MonthsWorked", capacity);
        var daysAbsent = Column<decimal?>("DaysAbsent", capacity);
        var pending = Column<bool>("PendingReview", capacity);
        var disciplines = _reads.Discipline ? new ColumnBuilder<int>(capacity) : null;
        var disciplinesDecided = _reads.Discipline ? new ColumnBuilder<int>(capacity) : null;
        var initiatives = Column<InitiativeRow[]>("Initiatives", capacity);
        var research = Column<InitiativeRow[]>("ResearchWorks", capacity);
        var histories = _reads.History ? new ColumnBuilder<HistoryRow[]>(capacity) : null;
        // Where each person is, for naming the first of two with the same id (the path is not needed for that).
        var spans = new ColumnBuilder<SourceSpan>(capacity);
        var facts = new FactColumnsBuilder(this, symbols.IndividualFacts, capacity, _reads, individual: true);
        var individualIndex = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        var undeclared = new SortedSet<string>(StringComparer.Ordinal);
        var plain = new PlainColumnsBuilder(SubjectSchema.PlainFields(individual: true), capacity);
        var position = -1;
        foreach (var record in individuals ?? [])
        {
            position++;
            if ((position & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (Check(record, position) is not { } person)
            {
                continue;
            }

            var i = ids.Count;

            if (!individualIndex.TryAdd(person.Id, i))
            {
                diagnostics.Add(DiagnosticCodes.DataDuplicateId, SubjectChecks.Locate(person.Span, true, person.Id, "id"), person.Id,
                    SubjectChecks.Locate(spans[individualIndex[person.Id]], true, person.Id, "id").ToString());
            }

            var unit = -1;
            if (person.Unit is { } u)
            {
                if (unitIndex.TryGetValue(u, out var ui))
                {
                    unit = ui;
                    members[ui].Add(i);
                }
                else
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownUnit, SubjectChecks.Locate(person.Span, true, person.Id, "unit"), Suggestions.Closest(u, unitIndex.Keys), u));
                }
            }

            ids.Add(person.Id);
            names.Add(person.Name);
            unitOf.Add(unit);
            unitIds.Add(unit >= 0 ? units[unit].Id : person.Unit);
            ratings.Add(Rating(ratingScale, person));
            employeeTypes?.Add(Shared(person.EmployeeType));
            startDates?.Add(person.StartDate);
            months?.Add(person.MonthsWorked ?? DeriveMonthsWorked(person.StartDate, year, serviceEnd));
            daysAbsent?.Add(person.DaysAbsent);
            pending?.Add(person.PendingReview == true);
            disciplines?.Add(DisciplineLevel(disciplineScale, person.Discipline, year));
            disciplinesDecided?.Add(DisciplineDecidedLevel(disciplineScale, person.Discipline, year));
            initiatives?.Add(Rows(scopeScale, person.Initiatives));
            research?.Add(Rows(scopeScale, person.ResearchWorks));
            histories?.Add(History(ratingScale, person.History, individual: true));
            spans.Add(person.Span with { JsonPath = "" });
            facts.Add(i, person.Facts, person.Span, undeclared);
            plain.Add(i, person);
        }

        // Everyone in a unit and below it, children first, so that no subtree is walked twice.
        var allMembers = new int[units.Count][];
        foreach (var u in postOrder)
        {
            var below = childrenOf[u];
            if (members[u].Count == 0 && (below is null || below.TrueForAll(c => allMembers[c].Length == 0)))
            {
                allMembers[u] = [];
                continue;
            }

            var list = new List<int>(members[u]);
            foreach (var c in below ?? [])
            {
                list.AddRange(allMembers[c]);
            }

            list.Sort();
            allMembers[u] = [.. list];
        }

        var count = ids.Count;
        var ind = new IndividualColumns
        {
            Count = count,
            Id = ids.ToArray(count),
            Name = names.ToArray(count),
            Unit = unitOf.ToArray(count),
            UnitId = unitIds.ToArray(count),
            Rating = ratings.ToArray(count),
            EmployeeType = employeeTypes?.ToArray(count) ?? [],
            StartDate = startDates?.ToArray(count) ?? [],
            MonthsWorked = months?.ToArray(count) ?? [],
            DaysAbsent = daysAbsent?.ToArray(count) ?? [],
            PendingReview = pending?.ToArray(count) ?? [],
            DisciplineLevel = disciplines?.ToArray(count) ?? [],
            DisciplineDecidedLevel = disciplinesDecided?.ToArray(count) ?? [],
            Initiatives = initiatives?.ToArray(count) ?? [],
            ResearchWorks = research?.ToArray(count) ?? [],
            History = histories?.ToArray(count) ?? [],
            Facts = facts.ToColumns(count),
            Plain = plain.ToColumns(count),
        };

        var unitColumns = new UnitColumns
        {
            Count = units.Count,
            Id = [.. units.Select(u => u.Id)],
            Name = [.. units.Select(u => u.Name)],
            Kind = [.. units.Select(u => u.Kind)],
            Cluster = [.. units.Select(u => u.Cluster)],
            Parent = parent,
            ParentId = [.. units.Select(u => u.Parent)],
            Root = root,
            Rating = [.. units.Select(u => Level(ratingScale, "rating", u.Rating, UnitSpan(u, "rating")))],
            Members = [.. members.Select(m => m.ToArray())],
            AllMembers = allMembers,
            Subunits = [.. children.Select(c => c.ToArray())],
            History = [.. units.Select(u => History(ratingScale, u.History, individual: false))],
            Facts = UnitFacts(units, undeclared),
            Plain = UnitPlain(units),
        };

        // One warning lists every undeclared fact (data files often carry columns for other plans), past years' included.
        undeclared.UnionWith(_undeclaredHistoryFacts);
        if (undeclared.Count > 0)
        {
            diagnostics.Add(DiagnosticCodes.DataUndeclaredFact, span, string.Join(", ", undeclared));
        }

        // A problem binding found in a member of a JSON record is placed at that member (one more pass over the file,
        // only when there is such a problem).
        diagnostics.Transform(Loading.Json.MemberLocator.Relocate);
        return new Population { Year = year, AsOf = asOf, Individuals = ind, Units = unitColumns };
    }

    /// <summary>Whole months of service inside the evaluated year, up to the as-of date; unknown without a start date.</summary>
    internal static decimal? DeriveMonthsWorked(LocalDate? startDate, int year, LocalDate asOf)
    {
        if (startDate is null)
        {
            return null;
        }

        var from = startDate.Value > new LocalDate(year, 1, 1) ? startDate.Value : new LocalDate(year, 1, 1);
        var end = new LocalDate(year, 12, 31);
        var to = (asOf < end ? asOf : end).PlusDays(1);
        return to <= from ? 0 : Period.Between(from, to, PeriodUnits.Months).Months;
    }

    private int? Level(ScaleDefinition? scale, string scaleId, string? value, SourceSpan span)
    {
        if (value is null || scale is null)
        {
            return null;
        }

        var index = scale.IndexOf(value);
        if (index < 0)
        {
            diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataValueNotOnScale, span, Suggestions.Closest(value, scale.Levels.Select(l => l.Id)),
                value, scaleId, string.Join(", ", scale.Levels.Select(l => l.Id))));
            return null;
        }

        return index;
    }

    private int DisciplineLevel(ScaleDefinition? scale, Discipline? discipline, int year)
    {
        if (discipline is null)
        {
            return Population.NoDiscipline;
        }

        var level = Level(scale, "discipline", discipline.Level, discipline.Span);
        return discipline.InForceDuring(year) switch
        {
            false => Population.NoDiscipline,
            null => Population.DisciplineUnknown,
            _ => level ?? Population.DisciplineUnknown,
        };
    }

    // Decided in the year (Nghị định 48/2023: "bị xử lý kỷ luật trong năm đánh giá"): the decision date's year.
    // Without a decision date the answer is unknown; the level is then not looked up twice (DisciplineLevel reported it).
    private static int DisciplineDecidedLevel(ScaleDefinition? scale, Discipline? discipline, int year)
    {
        if (discipline is null)
        {
            return Population.NoDiscipline;
        }

        if (discipline.Date is not { } date)
        {
            return Population.DisciplineUnknown;
        }

        if (date.Year != year)
        {
            return Population.NoDiscipline;
        }

        var index = scale?.IndexOf(discipline.Level) ?? -1;
        return index >= 0 ? index : Population.DisciplineUnknown;
    }

    private InitiativeRow[] Rows(ScaleDefinition? scope, System.Collections.Immutable.ImmutableArray<Initiative> items)
    {
        if (items.IsEmpty)
        {
            return [];
        }

        var rows = new InitiativeRow[items.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new InitiativeRow(items[i].Name, Level(scope, "scope", items[i].Scope, items[i].Span), items[i].RecognizedOn);
        }

        return rows;
    }

    private HistoryRow[] History(ScaleDefinition? ratingScale, System.Collections.Immutable.ImmutableArray<HistoryYear> history, bool individual)
    {
        if (history.IsEmpty)
        {
            return [];
        }

        var rows = new HistoryRow[history.Length];
        for (var y = 0; y < rows.Length; y++)
        {
            var h = history[y];
            _awards.Clear();
            foreach (var record in h.Awards)
            {
                var index = AwardIndex(record);
                if (index >= 0 && !_awards.Contains(index))
                {
                    _awards.Add(index);
                }
            }

            _awards.Sort();
            var row = new HistoryRow(h.Year, Level(ratingScale, "rating", h.Rating, h.Span), AwardSet()) { Facts = HistoryFacts(h, individual) };
            if (row.Facts is not null)
            {
                // A year with facts of its own is not shared.
            }
            else if (_historyRows.TryGetValue(row, out var shared))
            {
                row = shared;
            }
            else if (_historyRows.Count < MaxShared)
            {
                _historyRows[row] = row;
            }

            rows[y] = row;
        }

        // The JSON reader sorts history by year; data built in C# may not be sorted (sorted only then: this runs per person).
        for (var y = 1; y < rows.Length; y++)
        {
            if (rows[y - 1].Year > rows[y].Year)
            {
                Array.Sort(rows, static (a, b) => a.Year.CompareTo(b.Year));
                break;
            }
        }

        return rows;
    }

    private const int MaxShared = 4096;

    /// <summary>The sorted award indices in <see cref="_awards"/>, as an array shared by every year with the same awards.</summary>
    private int[] AwardSet()
    {
        if (_awards.Count == 0)
        {
            return [];
        }

        var key = 0UL;
        foreach (var index in _awards)
        {
            if (index >= 64)
            {
                return [.. _awards];
            }

            key |= 1UL << index;
        }

        if (!_awardSets.TryGetValue(key, out var set))
        {
            set = [.. _awards];
            _awardSets[key] = set;
        }

        return set;
    }

    /// <summary>One instance of a repeated text (a bounded number of them).</summary>
    private string? Shared(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (_texts.Count < MaxShared)
        {
            _texts[text] = text;
        }

        return text;
    }

    // The last award ids looked up, by reference: a data file repeats a handful of ids millions of times, mostly as the
    // same string instance, so most lookups are a reference comparison.
    private readonly string?[] _recentAwardIds = new string?[4];
    private readonly int[] _recentAwardIndexes = new int[4];
    private int _nextRecent;

    private int AwardIndex(AwardRecord record)
    {
        var id = record.Id;
        for (var r = 0; r < _recentAwardIds.Length; r++)
        {
            if (ReferenceEquals(_recentAwardIds[r], id))
            {
                return _recentAwardIndexes[r];
            }
        }

        if (symbols.Awards.TryGetValue(id, out var award))
        {
            _recentAwardIds[_nextRecent] = id;
            _recentAwardIndexes[_nextRecent] = award.Index;
            _nextRecent = (_nextRecent + 1) % _recentAwardIds.Length;
            return award.Index;
        }

        if (_warnedAwards.Add(record.Id))
        {
            diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownAward, record.Span, Suggestions.Closest(record.Id, symbols.Awards.Keys), record.Id));
        }

        return -1;
    }

    /// <summary>The rating's level; the member's place is found only when the rating is not on the scale.</summary>
    private int? Rating(ScaleDefinition? scale, Individual person)
    {
        if (person.Rating is not { } rating || scale is null)
        {
            return null;
        }

        var index = scale.IndexOf(rating);
        return index >= 0 ? index : Level(scale, "rating", rating, SubjectChecks.Locate(person.Span, true, person.Id, "rating"));
    }

    private static SourceSpan UnitSpan(Unit unit, string member) => SubjectChecks.Locate(unit.Span, false, unit.Id, member);

    private static Array[] UnitPlain(IReadOnlyList<Unit> units)
    {
        var builder = new PlainColumnsBuilder(SubjectSchema.PlainFields(individual: false), units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            builder.Add(i, units[i]);
        }

        return builder.ToColumns(units.Count);
    }

    private int _year;

    /// <summary>
    /// The schema's checks on units, whatever their source: null entries, ids (empty, spaces), vocabularies, null
    /// collections, history years. Returns the units to bind (nulls and units without an id left out, reported).
    /// </summary>
    private List<Unit> CheckUnits(IReadOnlyList<Unit> units)
    {
        var checkedUnits = new List<Unit>(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit is null)
            {
                diagnostics.Add(DiagnosticCodes.DataNullSubject, new SourceSpan("", 0, 0, "units[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"),
                    DiagnosticCatalog.Term("unit"), (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var id = SubjectChecks.Id(unit.Id, individual: false, SubjectChecks.Locate(unit.Span, false, unit.Id, "id"), diagnostics);
            if (id is null)
            {
                continue;
            }

            var history = CheckHistory(unit.History, false, id, unit.Span);
            if (!ReferenceEquals(id, unit.Id) || unit.Facts is null || unit.History.IsDefault || history != unit.History)
            {
                unit = unit with { Id = id, Facts = unit.Facts ?? System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty, History = history };
            }

            checkedUnits.Add(unit);
        }

        return checkedUnits;
    }

    /// <summary>
    /// The schema's checks on one person, whatever the source: a null entry, the id, numbers in range, words of a
    /// vocabulary, null collections, history years. Returns the person to bind (values found invalid become unknown),
    /// or null when there is no one to bind (reported).
    /// </summary>
    private Individual? Check(Individual? person, int position)
    {
        if (person is null)
        {
            diagnostics.Add(DiagnosticCodes.DataNullSubject, new SourceSpan("", 0, 0, "individuals[" + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"),
                DiagnosticCatalog.Term("individual"), (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        // The member's place is found only for a value that fails: this runs for every person.
        var id = SubjectChecks.IsPlainId(person.Id) ? person.Id : SubjectChecks.Id(person.Id, individual: true, SubjectChecks.Locate(person.Span, true, person.Id, "id"), diagnostics);
        if (id is null)
        {
            return null;
        }

        var initiatives = person.Initiatives is { IsDefault: false } i && !i.Contains(null!) ? i
            : WithoutNulls(person.Initiatives, "initiative", SubjectChecks.Locate(person.Span, true, id, "initiatives"));
        var research = person.ResearchWorks is { IsDefault: false } r && !r.Contains(null!) ? r
            : WithoutNulls(person.ResearchWorks, "research work", SubjectChecks.Locate(person.Span, true, id, "researchWorks"));
        var months = SubjectChecks.InRange(MonthsField, person.MonthsWorked) ? person.MonthsWorked
            : SubjectChecks.Number(MonthsField, person.MonthsWorked, id, SubjectChecks.Locate(person.Span, true, id, "monthsWorked"), diagnostics);
        var absent = SubjectChecks.InRange(DaysAbsentField, person.DaysAbsent) ? person.DaysAbsent
            : SubjectChecks.Number(DaysAbsentField, person.DaysAbsent, id, SubjectChecks.Locate(person.Span, true, id, "daysAbsent"), diagnostics);
        var type = SubjectChecks.InVocabulary(EmployeeTypeField, person.EmployeeType) ? person.EmployeeType
            : SubjectChecks.Word(EmployeeTypeField, person.EmployeeType, id, SubjectChecks.Locate(person.Span, true, id, "employeeType"), diagnostics);
        var history = CheckHistory(person.History, true, id, person.Span);
        if (ReferenceEquals(id, person.Id) && months == person.MonthsWorked && absent == person.DaysAbsent && ReferenceEquals(type, person.EmployeeType)
            && history == person.History && person.Facts is not null && initiatives == person.Initiatives && research == person.ResearchWorks)
        {
            return person;
        }

        return person with
        {
            Id = id,
            MonthsWorked = months,
            DaysAbsent = absent,
            EmployeeType = type,
            History = history,
            Facts = person.Facts ?? System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty,
            Initiatives = initiatives,
            ResearchWorks = research,
        };
    }

    /// <summary>The list without null entries (each reported); a default (null) array is empty.</summary>
    private System.Collections.Immutable.ImmutableArray<T> WithoutNulls<T>(System.Collections.Immutable.ImmutableArray<T> items, string what, SourceSpan span)
        where T : class
    {
        if (items.IsDefault)
        {
            return [];
        }

        if (!items.Contains(null!))
        {
            return items;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                diagnostics.Add(DiagnosticCodes.DataNullSubject, span, DiagnosticCatalog.Term(what), (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return [.. items.Where(item => item is not null)];
    }

    private static readonly SubjectField MonthsField = SubjectSchema.Find(true, "monthsWorked")!;
    private static readonly SubjectField DaysAbsentField = SubjectSchema.Find(true, "daysAbsent")!;
    private static readonly SubjectField EmployeeTypeField = SubjectSchema.Find(true, "employeeType")!;

    /// <summary>
    /// A past year's facts by slot, typed as this year's columns (a level as its index), for the facts the rules read
    /// (all of a unit's); null when there are none. Checked already (<see cref="CheckHistoryFacts"/>): a value of the
    /// wrong type is left unknown here, without a second report.
    /// </summary>
    private object?[]? HistoryFacts(HistoryYear year, bool individual)
    {
        if (year.Facts is not { IsEmpty: false } facts)
        {
            return null;
        }

        var declared = individual ? symbols.IndividualFacts : symbols.CollectiveFacts;
        object?[]? values = null;
        foreach (var (id, raw) in facts)
        {
            if (raw is null || !declared.TryGetValue(id, out var entry) || (individual && !_reads.Fact(entry.Slot)))
            {
                continue;
            }

            var value = TypedFact(entry.Fact, raw, out _);
            if (value is not null)
            {
                values ??= new object?[declared.Count];
                values[entry.Slot] = value;
            }
        }

        return values;
    }

    /// <summary>A fact's value as its declaration types it: a <see cref="bool"/>, <see cref="decimal"/>, text, a
    /// <see cref="LocalDate"/> (a date or an ISO date written as text) or a level's index; null with
    /// <paramref name="wrong"/> set when it is of another type (or a level not on the scale).</summary>
    private object? TypedFact(FactDeclaration fact, object raw, out bool wrong)
    {
        wrong = false;
        switch (fact.Type, raw)
        {
            case (ValueKind.Bool, bool):
            case (ValueKind.Number, decimal):
            case (ValueKind.Text, string):
            case (ValueKind.Date, LocalDate):
                return raw;
            case (ValueKind.Date, string text) when IsoDate.TryParse(text, out var parsed):
                return parsed;
            case (ValueKind.Scale, string level):
                var index = fact.Scale is null ? -1 : symbols.Scales.GetValueOrDefault(fact.Scale)?.IndexOf(level) ?? -1;
                wrong = index < 0;
                return index < 0 ? null : index;
            default:
                wrong = true;
                return null;
        }
    }

    /// <summary>
    /// The facts of one past year checked as this year's are: a fact no rule set declares joins the undeclared-facts
    /// warning; a value of the wrong type is an error (TDR108, <c>history.2023.facts.tthcOnTime</c>) placed at the value in a
    /// JSON file, a level not on the fact's scale an error naming the scale's levels.
    /// </summary>
    private void CheckHistoryFacts(HistoryYear entry, bool individual, string id, SourceSpan subjectSpan)
    {
        var declared = individual ? symbols.IndividualFacts : symbols.CollectiveFacts;
        foreach (var (factId, raw) in entry.Facts)
        {
            if (!declared.TryGetValue(factId, out var fact))
            {
                if (!symbols.IndividualFacts.ContainsKey(factId) && !symbols.CollectiveFacts.ContainsKey(factId))
                {
                    _undeclaredHistoryFacts.Add(factId);
                }

                continue;
            }

            if (raw is null)
            {
                continue;
            }

            _ = TypedFact(fact.Fact, raw, out var wrong);
            if (!wrong)
            {
                continue;
            }

            var member = "history." + entry.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".facts." + factId;
            var span = entry.Span.Line > 0 && entry.Span.Cell is null && entry.Span.JsonPath is { Length: > 0 } path
                ? entry.Span with { JsonPath = path + ".facts." + factId }
                : SubjectChecks.Locate(subjectSpan, individual, id, member);
            if (fact.Fact.Type == ValueKind.Scale && raw is string level)
            {
                _ = Level(fact.Fact.Scale is null ? null : symbols.Scales.GetValueOrDefault(fact.Fact.Scale), fact.Fact.Scale!, level, span);
            }
            else
            {
                WrongFact(member, fact.Fact, raw, span);
            }
        }
    }

    /// <summary>History years out of range are errors and left out; years after the evaluated year are a warning.</summary>
    private System.Collections.Immutable.ImmutableArray<HistoryYear> CheckHistory(System.Collections.Immutable.ImmutableArray<HistoryYear> history, bool individual, string id, SourceSpan subjectSpan)
    {
        if (history.IsDefaultOrEmpty)
        {
            return [];
        }

        List<HistoryYear>? kept = null;
        for (var y = 0; y < history.Length; y++)
        {
            var entry = history[y];
            // Where the entry is, found only for a problem: building a path for every year of every person is most
            // of what binding C# objects would allocate.
            SourceSpan Span() => entry is null || entry.Span.Line <= 0 && entry.Span.Cell is null
                ? SubjectChecks.Locate(subjectSpan, individual, id, "history")
                : entry.Span;
            var bad = entry is null || !SubjectChecks.YearInRange(entry.Year);
            if (entry is null)
            {
                diagnostics.Add(DiagnosticCodes.DataNullSubject, Span(), DiagnosticCatalog.Term("history year"), (y + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (bad)
            {
                SubjectChecks.ReportYear("history", entry.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Span(), diagnostics);
            }
            else if (entry.Year > _year)
            {
                diagnostics.Add(DiagnosticCodes.DataFutureHistoryYear, Span(), DiagnosticCatalog.Term(individual ? "individual" : "unit"), DiagnosticText.Value(id),
                    entry.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), _year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var fixedEntry = entry;
            if (entry is not null && !bad && entry.Facts is { IsEmpty: false })
            {
                CheckHistoryFacts(entry, individual, id, subjectSpan);
            }

            if (entry is not null)
            {
                var awards = entry.Awards is { IsDefault: false } recorded && !recorded.Contains(null!) ? recorded : WithoutNulls(entry.Awards, "award record", Span());
                var empty = false;
                foreach (var award in awards)
                {
                    empty |= string.IsNullOrWhiteSpace(award.Id);
                }

                if (empty)
                {
                    diagnostics.Add(DiagnosticCodes.DataEmptyId, Span(), DiagnosticCatalog.Term("award record"));
                    awards = [.. awards.Where(a => !string.IsNullOrWhiteSpace(a.Id))];
                }

                if (!_reads.History)
                {
                    // History the rules do not read is not bound, but its award ids are still checked (bound history
                    // checks them as it is bound).
                    foreach (var award in awards)
                    {
                        _ = AwardIndex(award);
                    }
                }

                if (awards != entry.Awards)
                {
                    fixedEntry = entry with { Awards = awards };
                }
            }

            if (bad || !ReferenceEquals(fixedEntry, entry))
            {
                kept ??= [.. history.Take(y)];
            }

            if (!bad)
            {
                kept?.Add(fixedEntry!);
            }
        }

        return kept is null ? history : [.. kept];
    }

    /// <summary>A column of <typeparamref name="T"/> when the rule set reads <paramref name="column"/>, else null (left empty).</summary>
    private ColumnBuilder<T>? Column<T>(string column, int capacity) => _reads.Column(column) ? new ColumnBuilder<T>(capacity) : null;

    /// <summary>The columns of a subject kind filled one subject at a time, typed (no boxing, no reflection).</summary>
    private interface IColumnBuilder
    {
        void SetBoxed(int index, object? value);

        Array ToColumn(int count);
    }

    /// <summary>
    /// One column filled one subject at a time: sized once when the number of subjects is known, grown by doubling when
    /// it is not, and handed over without a copy when the size was right.
    /// </summary>
    private sealed class ColumnBuilder<T>(int capacity) : IColumnBuilder
    {
        private T[] _items = new T[Math.Max(capacity, 16)];

        public int Count { get; private set; }

        public T this[int index] => _items[index];

        public void Add(T value)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = value;
        }

        /// <summary>Sets the value of subject <paramref name="index"/> (a sparse column: facts).</summary>
        public void Set(int index, T value)
        {
            if (index >= _items.Length)
            {
                Array.Resize(ref _items, Math.Max(index + 1, _items.Length * 2));
            }

            _items[index] = value;
        }

        public void SetBoxed(int index, object? value) => Set(index, (T)value!);

        /// <summary>The column with exactly <paramref name="count"/> subjects.</summary>
        public T[] ToArray(int count)
        {
            if (_items.Length != count)
            {
                Array.Resize(ref _items, count);
            }

            return _items;
        }

        public Array ToColumn(int count) => ToArray(count);
    }

    private static IColumnBuilder TypedColumn(Type type, int capacity) =>
        type == typeof(bool?) ? new ColumnBuilder<bool?>(capacity)
        : type == typeof(decimal?) ? new ColumnBuilder<decimal?>(capacity)
        : type == typeof(LocalDate?) ? new ColumnBuilder<LocalDate?>(capacity)
        : type == typeof(int?) ? new ColumnBuilder<int?>(capacity)
        : type == typeof(string[]) ? new ColumnBuilder<string[]?>(capacity)
        : new ColumnBuilder<string?>(capacity);

    /// <summary>Fills the plain schema fields' columns (<see cref="SubjectField.IsPlain"/>) from each subject.</summary>
    private sealed class PlainColumnsBuilder(System.Collections.Immutable.ImmutableArray<SubjectField> fields, int capacity)
    {
        private readonly IColumnBuilder[] _columns = [.. fields.Select(f => TypedColumn(f.PlainClrType, capacity))];

        public void Add(int i, object subject)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                _columns[f].SetBoxed(i, fields[f].Read(subject));
            }
        }

        public Array[] ToColumns(int count) => [.. _columns.Select(c => c.ToColumn(count))];
    }

    private Array[] UnitFacts(IReadOnlyList<Unit> units, SortedSet<string> undeclared)
    {
        var builder = new FactColumnsBuilder(this, symbols.CollectiveFacts, units.Count, DataReads.Everything, individual: false);
        for (var i = 0; i < units.Count; i++)
        {
            builder.Add(i, units[i].Facts, units[i].Span, undeclared);
        }

        return builder.ToColumns(units.Count);
    }

    /// <summary>
    /// Fills typed fact columns one subject at a time, from each subject's own facts: no boxing, no reflection and no
    /// lookup per declared fact. Every declared fact present is checked against its type; only the facts the rule set
    /// reads are kept. Undeclared facts are collected for one warning.
    /// </summary>
    private sealed class FactColumnsBuilder
    {
        private readonly PopulationBuilder _owner;
        private readonly System.Collections.Frozen.FrozenDictionary<string, (FactDeclaration Fact, int Slot)> _declared;
        private readonly IColumnBuilder?[] _columns;
        private readonly bool _individual;

        public FactColumnsBuilder(PopulationBuilder owner, System.Collections.Frozen.FrozenDictionary<string, (FactDeclaration Fact, int Slot)> declared, int capacity, DataReads reads, bool individual)
        {
            _owner = owner;
            _individual = individual;
            _declared = declared;
            _columns = new IColumnBuilder?[declared.Count];
            foreach (var (_, (fact, slot)) in declared)
            {
                _columns[slot] = reads.Fact(slot) ? TypedColumn(ClrType(fact.Type), capacity) : null;
            }
        }

        private static Type ClrType(ValueKind kind) => kind switch
        {
            ValueKind.Bool => typeof(bool?),
            ValueKind.Number => typeof(decimal?),
            ValueKind.Text => typeof(string),
            ValueKind.Date => typeof(LocalDate?),
            _ => typeof(int?),
        };

        public void Add(int i, System.Collections.Immutable.ImmutableDictionary<string, object?> facts, SourceSpan span, SortedSet<string> undeclared)
        {
            if (facts.IsEmpty)
            {
                return;
            }

            foreach (var (id, raw) in facts)
            {
                if (!_declared.TryGetValue(id, out var entry))
                {
                    if (!_owner.Symbols.IndividualFacts.ContainsKey(id) && !_owner.Symbols.CollectiveFacts.ContainsKey(id))
                    {
                        undeclared.Add(id);
                    }

                    continue;
                }

                if (raw is null)
                {
                    continue;
                }

                var (fact, slot) = entry;
                var column = _columns[slot];
                switch (fact.Type, raw)
                {
                    case (ValueKind.Bool, bool b):
                        (column as ColumnBuilder<bool?>)?.Set(i, b);
                        break;
                    case (ValueKind.Number, decimal d):
                        (column as ColumnBuilder<decimal?>)?.Set(i, d);
                        break;
                    case (ValueKind.Text, string text):
                        (column as ColumnBuilder<string?>)?.Set(i, text);
                        break;
                    case (ValueKind.Date, LocalDate date):
                        (column as ColumnBuilder<LocalDate?>)?.Set(i, date);
                        break;
                    case (ValueKind.Date, string text) when IsoDate.TryParse(text, out var parsed):
                        (column as ColumnBuilder<LocalDate?>)?.Set(i, parsed);
                        break;
                    case (ValueKind.Scale, string level):
                        var scale = fact.Scale is null ? null : _owner.Symbols.Scales.GetValueOrDefault(fact.Scale);
                        var index = _owner.Level(scale, fact.Scale!, level, At(span, id));
                        (column as ColumnBuilder<int?>)?.Set(i, index);
                        break;
                    default:
                        _owner.WrongFact("facts." + id, fact, raw, At(span, id));
                        break;
                }
            }
        }

        /// <summary>Where a fact's value is: its cell in a spreadsheet, its member's path in a JSON record (placed at the
        /// value by <see cref="Loading.Json.MemberLocator"/>), else the subject's place.</summary>
        private SourceSpan At(SourceSpan subject, string fact) => SubjectChecks.Locate(subject, _individual, null, "facts." + fact);

        /// <summary>The columns with exactly <paramref name="count"/> subjects; a fact not read is an empty column.</summary>
        public Array[] ToColumns(int count)
        {
            var columns = new Array[_columns.Length];
            foreach (var (_, (fact, slot)) in _declared)
            {
                columns[slot] = _columns[slot]?.ToColumn(count) ?? Array.CreateInstance(ClrType(fact.Type), 0);
            }

            return columns;
        }
    }

    /// <summary>A fact's value of the wrong type: <paramref name="member"/> is its path in the subject (<c>facts.conduct</c>,
    /// <c>history.2023.facts.tthcOnTime</c>).</summary>
    private void WrongFact(string member, FactDeclaration fact, object raw, SourceSpan span)
    {
        diagnostics.Add(DiagnosticCodes.DataWrongType, span, member, DiagnosticCatalog.ValueKindPhrase(fact.Type, fact.Scale), raw switch
        {
            bool => DiagnosticCatalog.Phrase("json.bool"),
            decimal => DiagnosticCatalog.Phrase("json.number"),
            LocalDate => DiagnosticCatalog.Phrase("json.date"),
            string s => "'" + s + "'",
            _ => DiagnosticCatalog.Phrase("json.other", raw.GetType().Name),
        });
    }
}
