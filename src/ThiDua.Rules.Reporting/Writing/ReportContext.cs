using System.Collections.Immutable;
using System.Globalization;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Reporting.Writing;

/// <summary>
/// What the XLSX and HTML reports share: the listed results read once, award and unit names in the report's language,
/// and the orders in which councils present them. Built per write; not for the streaming CSV writer.
/// </summary>
/// <remarks>
/// Orders are fixed so that the same result always gives the same report: awards in rule-file order (collective
/// awards before individual ones in the nomination list); units in organisation-tree order (roots first, children by
/// id, ordinal); people by rank, then given name (the last word of the name, as Vietnamese lists are sorted), then
/// full name, then id. Names compare with the explicit vi-VN culture, never the current one.
/// </remarks>
internal sealed class ReportContext
{
    private static readonly StringComparer VietnameseNames = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
    private readonly Dictionary<string, AwardDefinition> _awards;
    private readonly Dictionary<string, UnitInfo> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unitOrder = new(StringComparer.Ordinal);

    public ReportContext(EvaluationResult result, ResultInclusion include, Language language)
    {
        Result = result;
        Include = include;
        Language = language;
        Renderer = new ExplanationRenderer(language);
        Results = [.. result.Results(include)];
        Targets = [.. result.Targets()];
        Scores = [.. result.Scores()];
        _awards = result.RuleSet.Awards.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Awards = result.RuleSet.Awards;
        CollectUnits();
    }

    public EvaluationResult Result { get; }

    public ResultInclusion Include { get; }

    public Language Language { get; }

    public bool English => Language == Language.En;

    /// <summary>A word of the report catalog in the report's language.</summary>
    public string Word(string key) => ReportCatalog.Get(key, Language);

    /// <summary>A template of the report catalog in the report's language, with its arguments.</summary>
    public string Word(string key, params object?[] args) => ReportCatalog.Format(key, Language, args);

    /// <summary>
    /// The basis a report prints beside the total: the bonus's own basis and, when the base salary is a parameter
    /// (<c>params.mucLuongCoSo</c>), where the value used comes from — the dated value in force with its date and basis
    /// (<see cref="EvaluationResult.ParametersInForce"/>), or the override given for the run.
    /// </summary>
    /// <param name="total">A bonus total of this report's result.</param>
    /// <returns>The text; the bonus's basis alone when the base salary is not a parameter.</returns>
    public string BonusBasis(BonusTotal total)
    {
        var basis = total.Award.Bonus?.Basis ?? "";
        var salary = total.Award.Bonus?.BaseSalary?.Text.Trim();
        if (salary is null || !salary.StartsWith("params.", StringComparison.Ordinal))
        {
            return basis;
        }

        var id = salary["params.".Length..];
        return Result.ParametersInForce.FirstOrDefault(p => p.Id == id) is { } parameter
            ? Word("report.bonus-salary-basis", basis, Renderer.Origin(parameter))
            : basis;
    }

    public ExplanationRenderer Renderer { get; }

    public ImmutableArray<AwardResult> Results { get; }

    public ImmutableArray<TargetResult> Targets { get; }

    public ImmutableArray<ScoreResult> Scores { get; }

    /// <summary>The awards in rule-file order.</summary>
    public ImmutableArray<AwardDefinition> Awards { get; }

    /// <summary>Awards as councils present nominations: collective awards first, then individual ones, each in rule-file order.</summary>
    public IEnumerable<AwardDefinition> CouncilOrder =>
        Awards.Where(a => a.Subject != SubjectKind.Individual).Concat(Awards.Where(a => a.Subject == SubjectKind.Individual));

    /// <summary>Known units in organisation-tree order.</summary>
    public IEnumerable<string> Units => _unitOrder.OrderBy(u => u.Value).Select(u => u.Key);

    /// <summary>The single root unit's name (the agency), or null when there are none or several.</summary>
    public string? AgencyName
    {
        get
        {
            var roots = _units.Values.Where(u => u.Parent is null || !_units.ContainsKey(u.Parent)).ToList();
            return roots.Count == 1 ? roots[0].Name : null;
        }
    }

    /// <summary>The award's name in the report's language.</summary>
    public string AwardName(string awardId) =>
        _awards.TryGetValue(awardId, out var award) ? AwardName(award) : awardId;

    public string AwardName(AwardDefinition award) => award.NameIn(Language);

    /// <summary>A target's name in the report's language.</summary>
    public string TargetName(TargetResult target) =>
        English && Result.RuleSet.Targets.FirstOrDefault(t => t.Id == target.Target)?.NameEn is { } en ? en : target.Name;

    /// <summary>A criterion's line, with the English name where the rule file gives one.</summary>
    public string Message(CriterionResult criterion) => Renderer.Message(criterion);

    /// <summary>A criterion's line followed by what is missing for a near miss ("còn thiếu 2"), when the renderer can say.</summary>
    public string MessageWithGap(CriterionResult criterion) =>
        Renderer.Gap(criterion) is { } gap ? Renderer.Message(criterion) + " — " + gap : Renderer.Message(criterion);

    /// <summary>A target's line, with the English name where the rule file gives one.</summary>
    public string Message(TargetResult target) => Renderer.Message(target with { Name = TargetName(target) });

    /// <summary>The unit's name, or its id when the name is not known.</summary>
    public string UnitName(string? unitId) =>
        unitId is null ? "" : _units.TryGetValue(unitId, out var unit) && !string.IsNullOrEmpty(unit.Name) ? unit.Name : unitId;

    /// <summary>How deep a unit sits in the organisation tree (0 for a root); used to indent names.</summary>
    public int UnitDepth(string unitId)
    {
        var depth = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal) { unitId };
        while (_units.TryGetValue(unitId, out var unit) && unit.Parent is { } parent && _units.ContainsKey(parent) && seen.Add(parent))
        {
            depth++;
            unitId = parent;
        }

        return depth;
    }

    /// <summary>The position of a unit in organisation-tree order; unknown units last.</summary>
    public int UnitOrder(string? unitId) => unitId is not null && _unitOrder.TryGetValue(unitId, out var order) ? order : int.MaxValue;

    /// <summary>
    /// The unit a result is presented under: an individual's own unit, a collective's parent (the council that
    /// proposes it), or the collective itself when it has no parent.
    /// </summary>
    public static string? GroupUnit(AwardResult result) =>
        result.SubjectKind == SubjectKind.Individual ? result.Unit : result.Unit ?? result.Subject;

    /// <summary>The unit a result counts for in the per-unit summary: an individual's unit, or the collective itself.</summary>
    public static string? OwnUnit(AwardResult result) =>
        result.SubjectKind == SubjectKind.Individual ? result.Unit : result.Subject;

    public string SubjectKindLabel(SubjectKind kind) => Word(ReportCatalog.KindKey(kind));

    /// <summary>Sorts the results of one award and one unit group: rank, then the order of <see cref="CompareSubjects"/>.</summary>
    public IEnumerable<AwardResult> InPresentationOrder(IEnumerable<AwardResult> results) =>
        results.Order(Comparer<AwardResult>.Create(CompareSubjects));

    /// <summary>Groups results by <see cref="GroupUnit"/> in organisation-tree order.</summary>
    public IEnumerable<IGrouping<string, AwardResult>> ByUnit(IEnumerable<AwardResult> results) =>
        results.GroupBy(r => GroupUnit(r) ?? "", StringComparer.Ordinal)
            .OrderBy(g => UnitOrder(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>Rank (nulls last), then units in tree order, then people by given name, full name and id.</summary>
    public int CompareSubjects(AwardResult x, AwardResult y)
    {
        var byRank = (x.Rank ?? int.MaxValue).CompareTo(y.Rank ?? int.MaxValue);
        if (byRank != 0)
        {
            return byRank;
        }

        if (x.SubjectKind != SubjectKind.Individual || y.SubjectKind != SubjectKind.Individual)
        {
            var byUnit = UnitOrder(x.Subject).CompareTo(UnitOrder(y.Subject));
            if (byUnit != 0)
            {
                return byUnit;
            }
        }

        var byGivenName = VietnameseNames.Compare(GivenName(x.SubjectName), GivenName(y.SubjectName));
        if (byGivenName != 0)
        {
            return byGivenName;
        }

        var byName = VietnameseNames.Compare(x.SubjectName ?? "", y.SubjectName ?? "");
        return byName != 0 ? byName : string.CompareOrdinal(x.Subject, y.Subject);
    }

    private static string GivenName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? trimmed : trimmed[(space + 1)..];
    }

    /// <summary>
    /// Unit names and parents come from the collectives' own results; a unit that only appears as someone's unit is
    /// looked up with <see cref="EvaluationResult.Explain(string)"/>, which is cheap for one subject.
    /// </summary>
    private void CollectUnits()
    {
        foreach (var r in Results.Where(r => r.SubjectKind != SubjectKind.Individual))
        {
            _units.TryAdd(r.Subject, new UnitInfo(r.SubjectName, r.Unit));
        }

        var referenced = Results.Select(r => r.Unit).Concat(Targets.Select(t => t.Unit)).Concat(Scores.Select(s => s.Subject))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < referenced.Count; i++)
        {
            var id = referenced[i];
            if (_units.ContainsKey(id))
            {
                continue;
            }

            var own = Result.Explain(id).FirstOrDefault(r => r.SubjectKind != SubjectKind.Individual);
            _units[id] = new UnitInfo(own?.SubjectName, own?.Unit);
            if (own?.Unit is { } parent && !_units.ContainsKey(parent) && !referenced.Contains(parent))
            {
                referenced.Add(parent);
            }
        }

        // Organisation-tree order: roots (no parent, or a parent not in the data) by id, each followed by its subtree.
        var children = _units.Where(u => u.Value.Parent is { } p && _units.ContainsKey(p) && p != u.Key)
            .ToLookup(u => u.Value.Parent!, u => u.Key, StringComparer.Ordinal);
        var roots = _units.Keys.Where(id => _units[id].Parent is not { } p || !_units.ContainsKey(p) || p == id).Order(StringComparer.Ordinal);
        var stack = new Stack<string>(roots.Reverse());
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!_unitOrder.TryAdd(id, _unitOrder.Count))
            {
                continue;
            }

            foreach (var child in children[id].Order(StringComparer.Ordinal).Reverse())
            {
                stack.Push(child);
            }
        }

        // Units on a parent cycle (invalid data, but not the writer's to reject) still get a stable place.
        foreach (var id in _units.Keys.Order(StringComparer.Ordinal))
        {
            _unitOrder.TryAdd(id, _unitOrder.Count);
        }
    }

    private sealed record UnitInfo(string? Name, string? Parent);
}
