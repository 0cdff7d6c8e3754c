using NodaTime;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Model;
using ThiDua.Rules.Model.Subjects;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Evaluation;

/// <summary>
/// Binds <see cref="SubjectData"/> to a rule set's declarations: resolves units and parents, turns scale levels into
/// indices, types the declared facts into columns and derives <c>monthsWorked</c>. Reports every data problem.
/// </summary>
internal sealed class PopulationBuilder(SymbolTable symbols, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _warnedAwards = new(StringComparer.Ordinal);

    public Population Build(SubjectData data, LocalDate asOf)
    {
        if (asOf.Year != data.Year)
        {
            // law.md §1.0: the regime follows the decision date; achievements of one year decided in another are
            // the ambiguous case the council must look at.
            diagnostics.Add(DiagnosticCodes.AsOfOutsideYear, data.Span, NodaTime.Text.LocalDatePattern.Iso.Format(asOf), data.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var units = data.Units;
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < units.Length; i++)
        {
            if (!unitIndex.TryAdd(units[i].Id, i))
            {
                diagnostics.Add(DiagnosticCodes.DataDuplicateId, units[i].Span, units[i].Id, units[units.IndexOf(units.First(u => u.Id == units[i].Id))].Span.ToString());
            }
        }

        var individuals = data.Individuals;
        var individualIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < individuals.Length; i++)
        {
            if (!individualIndex.TryAdd(individuals[i].Id, i))
            {
                diagnostics.Add(DiagnosticCodes.DataDuplicateId, individuals[i].Span, individuals[i].Id, individuals[individualIndex[individuals[i].Id]].Span.ToString());
            }
        }

        var parent = new int[units.Length];
        for (var i = 0; i < units.Length; i++)
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
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownUnit, units[i].Span, Suggestions.Closest(p, unitIndex.Keys), p));
                }
            }
        }

        // Find each loop of the parent chain once and name it in full ("A → B → A"); units on a loop become roots.
        var state = new byte[units.Length]; // 0 unvisited, 1 on the current path, 2 done
        for (var i = 0; i < units.Length; i++)
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
                diagnostics.Add(DiagnosticCodes.DataParentCycle, units[first].Span, string.Join(" → ", ordered.Select(u => units[u].Id)));
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

        var root = new int[units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            var current = i;
            while (parent[current] >= 0)
            {
                current = parent[current];
            }

            root[i] = current;
        }

        var unitOf = new int[individuals.Length];
        var members = new List<int>[units.Length];
        var children = new List<int>[units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            members[i] = [];
            children[i] = [];
        }

        for (var i = 0; i < units.Length; i++)
        {
            if (parent[i] >= 0)
            {
                children[parent[i]].Add(i);
            }
        }

        for (var i = 0; i < individuals.Length; i++)
        {
            unitOf[i] = -1;
            if (individuals[i].Unit is { } u)
            {
                if (unitIndex.TryGetValue(u, out var ui))
                {
                    unitOf[i] = ui;
                    members[ui].Add(i);
                }
                else
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownUnit, individuals[i].Span, Suggestions.Closest(u, unitIndex.Keys), u));
                }
            }
        }

        var allMembers = new int[units.Length][];
        for (var i = 0; i < units.Length; i++)
        {
            var list = new List<int>();
            var stack = new Stack<int>();
            stack.Push(i);
            var visited = new HashSet<int>();
            while (stack.Count > 0)
            {
                var u = stack.Pop();
                if (!visited.Add(u))
                {
                    continue;
                }

                list.AddRange(members[u]);
                foreach (var c in children[u])
                {
                    stack.Push(c);
                }
            }

            list.Sort();
            allMembers[i] = [.. list];
        }

        var ratingScale = symbols.Scales.GetValueOrDefault("rating");
        var disciplineScale = symbols.Scales.GetValueOrDefault("discipline");
        var scopeScale = symbols.Scales.GetValueOrDefault("scope");
        var year = data.Year;

        var ind = new IndividualColumns
        {
            Count = individuals.Length,
            Id = [.. individuals.Select(i => i.Id)],
            Name = [.. individuals.Select(i => i.Name)],
            Unit = unitOf,
            UnitId = [.. individuals.Select(i => i.Unit)],
            Rating = [.. individuals.Select(i => Level(ratingScale, "rating", i.Rating, i.Span))],
            EmployeeType = [.. individuals.Select(i => i.EmployeeType)],
            StartDate = [.. individuals.Select(i => i.StartDate)],
            // Service is counted up to the data's own snapshot date, not the decision date that selects the rules.
            MonthsWorked = [.. individuals.Select(i => i.MonthsWorked ?? DeriveMonthsWorked(i.StartDate, year, data.AsOf ?? new LocalDate(year, 12, 31)))],
            DaysAbsent = [.. individuals.Select(i => i.DaysAbsent)],
            PendingReview = [.. individuals.Select(i => i.PendingReview == true)],
            DisciplineLevel = [.. individuals.Select(i => DisciplineLevel(disciplineScale, i.Discipline, year))],
            Initiatives = [.. individuals.Select(i => Rows(scopeScale, i.Initiatives))],
            ResearchWorks = [.. individuals.Select(i => Rows(scopeScale, i.ResearchWorks))],
            History = [.. individuals.Select(i => History(ratingScale, i.History))],
            Facts = FactColumns(symbols.IndividualFacts, individuals.Length, i => individuals[i].Facts, i => individuals[i].Span),
            Spans = [.. individuals.Select(i => i.Span)],
        };

        var unitColumns = new UnitColumns
        {
            Count = units.Length,
            Id = [.. units.Select(u => u.Id)],
            Name = [.. units.Select(u => u.Name)],
            Kind = [.. units.Select(u => u.Kind)],
            Cluster = [.. units.Select(u => u.Cluster)],
            Parent = parent,
            ParentId = [.. units.Select(u => u.Parent)],
            Root = root,
            Rating = [.. units.Select(u => Level(ratingScale, "rating", u.Rating, u.Span))],
            Members = [.. members.Select(m => m.ToArray())],
            AllMembers = allMembers,
            Subunits = [.. children.Select(c => c.ToArray())],
            History = [.. units.Select(u => History(ratingScale, u.History))],
            Facts = FactColumns(symbols.CollectiveFacts, units.Length, i => units[i].Facts, i => units[i].Span),
            Spans = [.. units.Select(u => u.Span)],
        };

        // One warning lists every undeclared fact (data files often carry columns for other plans).
        var undeclared = individuals.SelectMany(i => i.Facts.Keys).Concat(units.SelectMany(u => u.Facts.Keys))
            .Where(name => !symbols.IndividualFacts.ContainsKey(name) && !symbols.CollectiveFacts.ContainsKey(name))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            diagnostics.Add(DiagnosticCodes.DataUndeclaredFact, data.Span, string.Join(", ", undeclared));
        }

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

    private InitiativeRow[] Rows(ScaleDefinition? scope, System.Collections.Immutable.ImmutableArray<Initiative> items) =>
        items.IsEmpty ? [] : [.. items.Select(i => new InitiativeRow(i.Name, Level(scope, "scope", i.Scope, i.Span), i.RecognizedOn))];

    private HistoryRow[] History(ScaleDefinition? ratingScale, System.Collections.Immutable.ImmutableArray<HistoryYear> history)
    {
        if (history.IsEmpty)
        {
            return [];
        }

        var rows = new HistoryRow[history.Length];
        for (var y = 0; y < rows.Length; y++)
        {
            var h = history[y];
            var awards = new List<int>(h.Awards.Length);
            foreach (var record in h.Awards)
            {
                var index = AwardIndex(record);
                if (index >= 0 && !awards.Contains(index))
                {
                    awards.Add(index);
                }
            }

            awards.Sort();
            rows[y] = new HistoryRow(h.Year, Level(ratingScale, "rating", h.Rating, h.Span), [.. awards]);
        }

        // The JSON reader sorts history by year; data built in C# may not be sorted.
        Array.Sort(rows, (a, b) => a.Year.CompareTo(b.Year));
        return rows;
    }

    private int AwardIndex(AwardRecord record)
    {
        if (symbols.Awards.TryGetValue(record.Id, out var award))
        {
            return award.Index;
        }

        if (_warnedAwards.Add(record.Id))
        {
            diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownAward, record.Span, Suggestions.Closest(record.Id, symbols.Awards.Keys), record.Id));
        }

        return -1;
    }

    private Array[] FactColumns(
        System.Collections.Frozen.FrozenDictionary<string, (FactDeclaration Fact, int Slot)> declared,
        int count,
        Func<int, System.Collections.Immutable.ImmutableDictionary<string, object?>> factsOf,
        Func<int, SourceSpan> spanOf)
    {
        var columns = new Array[declared.Count];
        foreach (var (_, (fact, slot)) in declared)
        {
            columns[slot] = fact.Type switch
            {
                ValueKind.Bool => new bool?[count],
                ValueKind.Number => new decimal?[count],
                ValueKind.Text => new string?[count],
                ValueKind.Date => new LocalDate?[count],
                _ => new int?[count],
            };
        }

        // Walk each subject's own facts (usually a handful) rather than every declared fact, and store through typed
        // arrays: binding a million people must not box or look up per declared fact.
        for (var i = 0; i < count; i++)
        {
            foreach (var (id, raw) in factsOf(i))
            {
                if (raw is null || !declared.TryGetValue(id, out var entry))
                {
                    continue;
                }

                var (fact, slot) = entry;
                var column = columns[slot];
                switch (fact.Type, raw)
                {
                    case (ValueKind.Bool, bool b):
                        ((bool?[])column)[i] = b;
                        break;
                    case (ValueKind.Number, decimal d):
                        ((decimal?[])column)[i] = d;
                        break;
                    case (ValueKind.Text, string text):
                        ((string?[])column)[i] = text;
                        break;
                    case (ValueKind.Date, LocalDate date):
                        ((LocalDate?[])column)[i] = date;
                        break;
                    case (ValueKind.Date, string text) when Loading.Json.JsonSource.TryParseDate(text, out var parsed):
                        ((LocalDate?[])column)[i] = parsed;
                        break;
                    case (ValueKind.Scale, string level):
                        var scale = fact.Scale is null ? null : symbols.Scales.GetValueOrDefault(fact.Scale);
                        ((int?[])column)[i] = Level(scale, fact.Scale!, level, spanOf(i));
                        break;
                    default:
                        WrongFact(id, fact, raw, spanOf(i));
                        break;
                }
            }
        }

        return columns;
    }

    private void WrongFact(string id, FactDeclaration fact, object raw, SourceSpan span)
    {
        var expected = fact.Type switch
        {
            ValueKind.Bool => "true/false",
            ValueKind.Number => "a number",
            ValueKind.Date => "a date (YYYY-MM-DD)",
            ValueKind.Scale => "a level of scale '" + fact.Scale + "'",
            _ => "text",
        };
        diagnostics.Add(DiagnosticCodes.DataWrongType, span, "facts." + id, expected, raw switch
        {
            bool => "true/false",
            decimal => "a number",
            string s => "'" + s + "'",
            _ => raw.GetType().Name,
        });
    }
}
