using System.Collections.Immutable;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Expressions.Binding;

/// <summary>
/// The binding stage of rule sets: checks structure, ids and references, parses and type-checks every expression
/// against the <see cref="SymbolTable"/>, and orders awards by their dependencies. Validation reports its diagnostics;
/// compilation compiles what it returns.
/// </summary>
internal static class RuleSetBinder
{
    /// <summary>Runs every check and returns the bound rule set (null when it has errors).</summary>
    internal static BoundRuleSet? Bind(RuleSet ruleSet, PluginRegistry registry, DiagnosticBag diagnostics, string? onlyFile = null)
    {
        // When validating a library, problems in an inherited base file are reported by that file's own entry.
        var local = new DiagnosticBag();
        var bound = new Binder(ruleSet, registry, local).Run();
        var errors = false;
        HashSet<string>? ruleFiles = null;
        foreach (var d in local.ToSortedArray())
        {
            errors |= d.Severity == Severity.Error;

            // A problem in a file that is not a rule file (a workflow file a criterion reads) belongs to this entry too.
            ruleFiles ??= onlyFile is null ? [] : [ruleSet.Span.File, .. ruleSet.Awards.Select(a => a.Span.File), .. ruleSet.Awards.SelectMany(a => a.Criteria).Select(c => c.Span.File), .. ruleSet.Facts.Select(f => f.Span.File)];
            if (onlyFile is null || d.Span.File == onlyFile || d.Span.File.Length == 0 || !ruleFiles.Contains(d.Span.File))
            {
                diagnostics.Add(d);
            }
        }

        return errors ? null : bound;
    }

    private sealed class Binder(RuleSet ruleSet, PluginRegistry registry, DiagnosticBag diagnostics)
    {
        private readonly SymbolTable _symbols = new(ruleSet, registry);

        public BoundRuleSet Run()
        {
            CheckUnique(ruleSet.Scales, s => s.Id, s => s.Span);
            CheckUnique(ruleSet.Parameters, p => p.Id, p => p.Span);
            CheckUnique(ruleSet.Awards, a => a.Id, a => a.Span);
            CheckUnique(ruleSet.Targets, t => t.Id, t => t.Span);
            CheckUnique(ruleSet.Scoring, s => s.Id, s => s.Span);
            CheckUnique(ruleSet.Tests, t => t.Id, t => t.Span);
            CheckUnique(ruleSet.Facts.Where(f => f.Subject == SubjectKind.Individual), f => f.Id, f => f.Span);
            CheckUnique(ruleSet.Facts.Where(f => f.Subject != SubjectKind.Individual), f => f.Id, f => f.Span);
            foreach (var scale in ruleSet.Scales)
            {
                CheckUnique(scale.Levels, l => l.Id, l => l.Span);
                if (scale.Levels.IsEmpty)
                {
                    diagnostics.Add(DiagnosticCodes.InvalidValue, scale.Span, "levels", DiagnosticCatalog.Phrase("value.scale-needs-level"));
                }
            }

            foreach (var parameter in ruleSet.Parameters.Where(p => p.Value is null && !p.Values.IsEmpty && p.Values[0].From > ruleSet.Effective.From))
            {
                // A parameter whose first dated value starts after the rule set: decisions in between would find it unset.
                diagnostics.Add(DiagnosticCodes.DatedValueGap, parameter.Values[0].Span, "params." + parameter.Id, IsoDate.Format(ruleSet.Effective.From),
                    IsoDate.Format(parameter.Values[0].From));
            }

            foreach (var fact in ruleSet.Facts)
            {
                if (SymbolTable.IsBuiltInField(fact.Id))
                {
                    diagnostics.Add(DiagnosticCodes.FactShadowsField, fact.Span, fact.Id);
                }

                if (fact.Type == ValueKind.Scale && fact.Scale is not null && !_symbols.Scales.ContainsKey(fact.Scale))
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownScale, fact.Span, Suggestions.Closest(fact.Scale, _symbols.Scales.Keys), fact.Scale));
                }
            }

            var scoring = ruleSet.Scoring.Select(BindScoring).ToImmutableArray();
            var awards = ruleSet.Awards.Select(BindAward).ToImmutableArray();
            var targets = ruleSet.Targets.Select(BindTarget).ToImmutableArray();
            var order = OrderAwards(awards);
            var groups = BindExclusiveGroups();
            CheckTests();
            return new BoundRuleSet(ruleSet, _symbols, awards, order, targets, scoring) { ExclusiveGroups = groups };
        }

        private void CheckUnique<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Model.SourceSpan> span)
        {
            var seen = new Dictionary<string, Model.SourceSpan>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (!seen.TryAdd(id(item), span(item)))
                {
                    diagnostics.Add(DiagnosticCodes.DuplicateId, span(item), id(item), seen[id(item)].ToString());
                }
            }
        }

        /// <summary>Binds a true/false criterion (or plan target) <paramref name="id"/>: any other type is TDR018.</summary>
        private BoundNode? BindCriterion(SourceText source, SubjectKind? subject, HashSet<int> dependencies, string id)
        {
            var node = TypeChecker.Bind(_symbols, source, subject, diagnostics, dependencies);
            if (node is not null && node.Type.Kind != TypeKind.Bool)
            {
                diagnostics.Add(DiagnosticCodes.CriterionNotBoolean, source.Span, id, node.Type.Argument);
                return null;
            }

            return node;
        }

        /// <summary>Binds an expression that must give a number (or what <paramref name="typeOk"/> accepts, described by the
        /// catalog phrase <paramref name="expected"/>); another type is TDR271 naming the value's <paramref name="role"/>.</summary>
        private BoundNode? BindExpression(SourceText source, SubjectKind? subject, HashSet<int> dependencies, string role, Func<ExprType, bool>? typeOk = null, string? expected = null)
        {
            var node = TypeChecker.Bind(_symbols, source, subject, diagnostics, dependencies);
            if (node is not null && !(typeOk ?? (t => t.IsNumeric))(node.Type))
            {
                diagnostics.Add(DiagnosticCodes.ExpressionWrongType, source.Span, DiagnosticCatalog.Phrase(role), expected ?? ExprType.Number.Argument, node.Type.Argument);
                return null;
            }

            return node;
        }

        private BoundAward BindAward(AwardDefinition award, int index)
        {
            var dependencies = new HashSet<int>();
            CheckUnique(award.Criteria, c => c.Id, c => c.Span);
            var criteria = ImmutableArray.CreateBuilder<BoundCriterion>();
            foreach (var required in award.Requires)
            {
                if (!_symbols.Awards.TryGetValue(required.Id, out var target))
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownAward, required.Span, Suggestions.Closest(required.Id, _symbols.Awards.Keys), required.Id));
                    continue;
                }

                if ((target.Award.Subject == SubjectKind.Individual) != (award.Subject == SubjectKind.Individual))
                {
                    diagnostics.Add(DiagnosticCodes.WrongSubject, required.Span, required.Id, DiagnosticCatalog.Term(award.Subject.ToString().ToLowerInvariant()));
                    continue;
                }

                dependencies.Add(target.Index);
                criteria.Add(new BoundCriterion("requires:" + required.Id, null, null, null, target.Index));
            }

            foreach (var criterion in award.Criteria)
            {
                if (criterion.Expr is { } expr)
                {
                    var node = BindCriterion(expr, award.Subject, dependencies, criterion.Id);
                    criteria.Add(new BoundCriterion(criterion.Id, criterion, node, null, -1));
                }
                else if (criterion.Type is { } typeName)
                {
                    if (!registry.CriterionTypes.TryGetValue(typeName, out var type))
                    {
                        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownCriterionType, criterion.Span,
                            Suggestions.Closest(typeName, registry.CriterionTypes.Keys), typeName, string.Join(", ", registry.CriterionTypes.Keys.Order(StringComparer.Ordinal))));
                        continue;
                    }

                    if (!type.AppliesTo(award.Subject))
                    {
                        diagnostics.Add(DiagnosticCodes.WrongSubject, criterion.Span, typeName, DiagnosticCatalog.Term(award.Subject.ToString().ToLowerInvariant()));
                    }

                    ICriterionJudge? judge = null;
                    if (type is IPreparedCriterionType prepared)
                    {
                        judge = prepared.Prepare(new CriterionContext(diagnostics, award, criterion, _symbols));
                    }
                    else if (type is ICatalogArgumentCheck catalog)
                    {
                        catalog.CheckArguments(new CriterionContext(diagnostics, award, criterion, _symbols));
                    }
                    else
                    {
                        foreach (var problem in type.CheckArguments(criterion.Args))
                        {
                            diagnostics.Add(DiagnosticCodes.InvalidValue, criterion.Span, "args", problem);
                        }
                    }

                    var expression = type is IExpressionCriterionType expressible
                        ? BindCriterion(new SourceText(expressible.Expression, criterion.Span), award.Subject, dependencies, criterion.Id)
                        : null;
                    criteria.Add(new BoundCriterion(criterion.Id, criterion, expression, type, -1) { Judge = judge });
                }
            }

            BoundQuota? quota = null;
            if (award.Quota is { } q)
            {
                var groupKind = q.Per is QuotaScope.Unit or QuotaScope.Agency ? SubjectKind.Unit : (SubjectKind?)null;
                var max = BindExpression(q.Max, groupKind, dependencies, "role.quota-max");
                var constant = max switch
                {
                    BoundLiteral { Value: decimal value } => value,
                    BoundUnary { Operator: Expressions.Syntax.UnaryOperator.Negate, Operand: BoundLiteral { Value: decimal value } } => -value,
                    _ => (decimal?)null,
                };
                if (constant is { } share && (share < 0 || (!q.IsCount && share > 1)))
                {
                    diagnostics.Add(DiagnosticCodes.InvalidQuota, q.Max.Span, q.IsCount
                        ? DiagnosticCatalog.Phrase("value.quota-count-negative", share.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        : DiagnosticCatalog.Phrase("value.quota-share-outside", (share * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%"));
                }

                if (max is not null)
                {
                    QuotaQuantities.Check(q, max, _symbols, diagnostics);
                }

                var of = q.Of is null ? null : BindExpression(q.Of, groupKind, dependencies, "role.quota-of");
                var rankBy = q.RankBy
                    .Select(k => BindExpression(k.Expr, award.Subject, dependencies, "role.rank-key", t => t.IsNumeric || t.Kind is TypeKind.Scale or TypeKind.Date or TypeKind.Text or TypeKind.Bool, DiagnosticCatalog.Phrase("expected.rank-key")))
                    .ToImmutableArray();
                quota = new BoundQuota(q, max, of, rankBy);
            }

            BoundNode? councilShare = null;
            if (award.CouncilVote is { } vote)
            {
                // A share of all council members, the same for every subject: a literal or a parameter.
                councilShare = BindExpression(vote.Share, null, [], "role.vote-share");
                if (councilShare is BoundLiteral { Value: decimal share } && (share <= 0 || share > 1))
                {
                    diagnostics.Add(DiagnosticCodes.InvalidValue, vote.Share.Span, "share", DiagnosticCatalog.Phrase("value.vote-share"));
                }
            }

            BoundNode? bonusMultiple = null, baseSalary = null;
            if (award.Bonus is { } bonus)
            {
                // The same for every subject: a literal or a parameter, like the council's share.
                bonusMultiple = BindExpression(bonus.Multiple, null, [], "role.bonus-multiple");
                baseSalary = bonus.BaseSalary is null ? null : BindExpression(bonus.BaseSalary, null, [], "role.bonus-base-salary");
                if (bonusMultiple is BoundLiteral { Value: decimal multiple } && multiple < 0)
                {
                    diagnostics.Add(DiagnosticCodes.InvalidValue, bonus.Multiple.Span, "multiple", DiagnosticCatalog.Phrase("value.not-negative"));
                }
            }

            return new BoundAward(award, index, criteria.ToImmutable(), quota, [.. dependencies.Order()])
            {
                CouncilShare = councilShare,
                BonusMultiple = bonusMultiple,
                BaseSalary = baseSalary,
            };
        }

        /// <summary>
        /// Each group: known awards of one subject kind, at least two, none listed twice, and no award in two groups (the
        /// "highest of the group" would otherwise depend on which group is applied first).
        /// </summary>
        private ImmutableArray<ImmutableArray<int>> BindExclusiveGroups()
        {
            CheckUnique(ruleSet.ExclusiveGroups, g => g.Id, g => g.Span);
            var owner = new Dictionary<int, string>();
            var groups = ImmutableArray.CreateBuilder<ImmutableArray<int>>(ruleSet.ExclusiveGroups.Length);
            foreach (var group in ruleSet.ExclusiveGroups)
            {
                var members = new List<int>();
                foreach (var reference in group.Awards)
                {
                    if (!_symbols.Awards.TryGetValue(reference.Id, out var award))
                    {
                        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownAward, reference.Span, Suggestions.Closest(reference.Id, _symbols.Awards.Keys), reference.Id));
                        continue;
                    }

                    if (members.Contains(award.Index))
                    {
                        diagnostics.Add(DiagnosticCodes.ExclusiveGroupRepeatsAward, reference.Span, group.Id, reference.Id);
                        continue;
                    }

                    if (members.Count > 0 && (ruleSet.Awards[members[0]].Subject == SubjectKind.Individual) != (award.Award.Subject == SubjectKind.Individual))
                    {
                        diagnostics.Add(DiagnosticCodes.ExclusiveGroupMixesSubjects, reference.Span, group.Id, reference.Id, ruleSet.Awards[members[0]].Id);
                        continue;
                    }

                    if (!owner.TryAdd(award.Index, group.Id))
                    {
                        diagnostics.Add(DiagnosticCodes.AwardInTwoExclusiveGroups, reference.Span, reference.Id, owner[award.Index], group.Id);
                        continue;
                    }

                    members.Add(award.Index);
                }

                if (group.Awards.Length < 2)
                {
                    diagnostics.Add(DiagnosticCodes.ExclusiveGroupTooSmall, group.Span, group.Id);
                }

                groups.Add([.. members]);
            }

            return groups.ToImmutable();
        }

        private BoundTarget BindTarget(PlanTarget target)
        {
            var node = BindCriterion(target.Expr, SubjectKind.Unit, [], target.Id);
            return new BoundTarget(target, node);
        }

        private BoundScoring BindScoring(ScoringTable table)
        {
            if (table.Subject == SubjectKind.Individual)
            {
                diagnostics.Add(DiagnosticCodes.WrongSubject, table.Span, table.Id, DiagnosticCatalog.Phrase("subject.scoring-individual"));
            }

            CheckUnique(table.Items, i => i.Id, i => i.Span);
            var items = table.Items.Select(i => BindExpression(i.Expr, SubjectKind.Unit, [], "role.scoring-item")).ToImmutableArray();
            return new BoundScoring(table, items);
        }

        private ImmutableArray<int> OrderAwards(ImmutableArray<BoundAward> awards)
        {
            // Kahn's algorithm, always taking the lowest declaration index that is ready, so the order is deterministic.
            var remaining = awards.Select(a => new HashSet<int>(a.Dependencies.Where(d => d != a.Index))).ToArray();
            var done = new bool[awards.Length];
            var order = new List<int>();
            while (order.Count < awards.Length)
            {
                var next = Enumerable.Range(0, awards.Length).FirstOrDefault(i => !done[i] && remaining[i].All(d => done[d]), -1);
                if (next < 0)
                {
                    ReportCycle(awards, done);
                    return [];
                }

                done[next] = true;
                order.Add(next);
            }

            foreach (var award in awards.Where(a => a.Dependencies.Contains(a.Index)))
            {
                diagnostics.Add(DiagnosticCodes.AwardDependencyCycle, award.Definition.Span, award.Definition.Id + " → " + award.Definition.Id);
            }

            return [.. order];
        }

        private void ReportCycle(ImmutableArray<BoundAward> awards, bool[] done)
        {
            // Walk from the first unfinished award along unfinished dependencies until a node repeats.
            var path = new List<int>();
            var current = Enumerable.Range(0, awards.Length).First(i => !done[i]);
            while (!path.Contains(current))
            {
                path.Add(current);
                current = awards[current].Dependencies.First(d => !done[d]);
            }

            var cycle = path.Skip(path.IndexOf(current)).Append(current).Select(i => awards[i].Definition.Id);
            diagnostics.Add(DiagnosticCodes.AwardDependencyCycle, awards[path[path.IndexOf(current)]].Definition.Span, string.Join(" → ", cycle));
        }

        private void CheckTests()
        {
            foreach (var test in ruleSet.Tests)
            {
                var subjects = test.Data.Individuals.Select(i => i.Id).Concat(test.Data.Units.Select(u => u.Id)).ToHashSet(StringComparer.Ordinal);
                foreach (var expectation in test.Expect)
                {
                    if (!_symbols.Awards.TryGetValue(expectation.Award, out var award))
                    {
                        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownAward, expectation.Span, Suggestions.Closest(expectation.Award, _symbols.Awards.Keys), expectation.Award));
                        continue;
                    }

                    if (!subjects.Contains(expectation.Subject))
                    {
                        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.TestUnknownSubject, expectation.Span, Suggestions.Closest(expectation.Subject, subjects), test.Id, expectation.Subject));
                    }

                    // A plan that extends the national pack may be tested under either regime, whose criteria differ;
                    // there the test runner reports an absent criterion for the version actually in force.
                    var criterionIds = award.Award.Criteria.Select(c => c.Id).Concat(award.Award.Requires.Select(r => "requires:" + r.Id)).Append("quota").ToList();
                    foreach (var because in expectation.Because.Where(b => ruleSet.Base is null && !criterionIds.Contains(b)))
                    {
                        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownField, expectation.Span, Suggestions.Closest(because, criterionIds), because, DiagnosticCatalog.Phrase("owner.award-criteria", award.Award.Id)));
                    }
                }

                foreach (var expectation in test.ExpectTargets)
                {
                    if (!ruleSet.Targets.Any(t => t.Id == expectation.Target))
                    {
                        diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownField, expectation.Span, Suggestions.Closest(expectation.Target, ruleSet.Targets.Select(t => t.Id)), expectation.Target, DiagnosticCatalog.Phrase("owner.targets")));
                    }

                    if (!subjects.Contains(expectation.Unit))
                    {
                        diagnostics.Add(DiagnosticCodes.TestUnknownSubject, expectation.Span, test.Id, expectation.Unit);
                    }
                }

                foreach (var name in test.Params.Keys.Where(k => !_symbols.Parameters.ContainsKey(k)))
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.UnknownParameter, test.Span, Suggestions.Closest(name, _symbols.Parameters.Keys), name));
                }
            }
        }
    }
}

/// <summary>A rule set whose every expression is parsed and type-checked, ready to compile.</summary>
internal sealed record BoundRuleSet(
    RuleSet RuleSet,
    SymbolTable Symbols,
    ImmutableArray<BoundAward> Awards,
    ImmutableArray<int> Order,
    ImmutableArray<BoundTarget> Targets,
    ImmutableArray<BoundScoring> Scoring)
{
    /// <summary>Each exclusive group's awards (indexes), lowest first, in the order the rule file declares the groups.</summary>
    public ImmutableArray<ImmutableArray<int>> ExclusiveGroups { get; init; } = [];
}

internal sealed record BoundAward(AwardDefinition Definition, int Index, ImmutableArray<BoundCriterion> Criteria, BoundQuota? Quota, ImmutableArray<int> Dependencies)
{
    /// <summary>The council vote's share expression (no subject), or null when the award declares none.</summary>
    public BoundNode? CouncilShare { get; init; }

    /// <summary>The bonus's multiple of the base salary (no subject), or null when the award declares no bonus.</summary>
    public BoundNode? BonusMultiple { get; init; }

    /// <summary>The bonus's base salary (no subject), or null when not declared.</summary>
    public BoundNode? BaseSalary { get; init; }
}

/// <summary>A criterion: an expression (<see cref="Node"/>), a typed criterion, or a prerequisite award (<see cref="RequiresAward"/> ≥ 0).</summary>
internal sealed record BoundCriterion(string Id, CriterionDefinition? Definition, BoundNode? Node, ICriterionType? Type, int RequiresAward)
{
    /// <summary>The judge an <see cref="IPreparedCriterionType"/> prepared for this criterion, if any.</summary>
    public ICriterionJudge? Judge { get; init; }
}

internal sealed record BoundQuota(QuotaDefinition Definition, BoundNode? Max, BoundNode? Of, ImmutableArray<BoundNode?> RankBy);

internal sealed record BoundTarget(PlanTarget Definition, BoundNode? Node);

internal sealed record BoundScoring(ScoringTable Definition, ImmutableArray<BoundNode?> Items);
