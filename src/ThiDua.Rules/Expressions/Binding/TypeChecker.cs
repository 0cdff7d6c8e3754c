using System.Collections.Immutable;
using NodaTime;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Expressions.Binding;

/// <summary>
/// Parses and type-checks one expression against the rule set's declarations, producing a <see cref="BoundNode"/> tree.
/// Reports the first problem of the expression as a diagnostic at its exact position and returns null.
/// </summary>
internal sealed class TypeChecker
{
    private static readonly string[] SubjectFunctions = ["has", "had", "streak", "ratingStreak", "awardCount", "ratingCount", "yearsSince", "hadWithin", "sinceLast", "factIn", "disciplinedAtLeast", "disciplinedInYear", "score", "clusterRank"];
    private static readonly string[] DateFunctions = ["date", "daysBetween", "addDays"];
    private static readonly string[] ListFunctions = ["count", "ratio", "all", "any", "sum", "avg", "min", "max", "where"];

    /// <summary>The deepest nesting of aggregates with a lambda (<c>members.count(m => m.initiatives.any(i => …))</c> is 2).</summary>
    public const int MaxAggregateNesting = 3;

    private readonly SymbolTable _symbols;
    private readonly SourceText _source;
    private readonly Variable? _subject;
    private readonly List<Variable> _scope = [];
    private readonly HashSet<int> _dependencies;

    private TypeChecker(SymbolTable symbols, SourceText source, Variable? subject, HashSet<int> dependencies)
    {
        _symbols = symbols;
        _source = source;
        _subject = subject;
        _dependencies = dependencies;
    }

    /// <summary>
    /// Binds <paramref name="source"/> for a subject of <paramref name="subjectKind"/> (null: no subject, for example a
    /// quota share per cluster). Award indices read by <c>has</c>/<c>streak</c>/<c>awardCount</c> are added to
    /// <paramref name="dependencies"/>.
    /// </summary>
    public static BoundNode? Bind(SymbolTable symbols, SourceText source, SubjectKind? subjectKind, DiagnosticBag diagnostics, HashSet<int> dependencies)
    {
        ExpressionNode syntax;
        try
        {
            syntax = Parser.Parse(source.Text);
        }
        catch (SyntaxError error)
        {
            diagnostics.Add(Diagnostic.CreateWithSuggestion(error.Code, source.SpanAt(error.Position), error.Suggestion, [.. error.Arguments]));
            return null;
        }

        var subject = subjectKind switch
        {
            null => null,
            SubjectKind.Individual => new Variable("this", ExprType.Individual),
            _ => new Variable("this", ExprType.Collective),
        };
        var checker = new TypeChecker(symbols, source, subject, dependencies);
        try
        {
            return checker.BindNode(syntax);
        }
        catch (BindError error)
        {
            diagnostics.Add(Diagnostic.CreateWithSuggestion(error.Code, source.SpanAt(error.Position), error.Suggestion, [.. error.Arguments]));
            return null;
        }
    }

    private BoundNode BindNode(ExpressionNode node) => node switch
    {
        LiteralNode literal => BindLiteral(literal),
        IdentifierNode identifier => BindIdentifier(identifier),
        MemberNode member => BindMember(member),
        CallNode call => BindCall(call),
        LambdaNode lambda => throw Error(DiagnosticCodes.UnknownLambdaUse, lambda.Position, null, DiagnosticText.Value(lambda.Parameter)),
        UnaryNode unary => BindUnary(unary),
        BinaryNode binary => BindBinary(binary),
        ConditionalNode conditional => BindConditional(conditional),
        InNode inNode => BindIn(inNode),
        _ => throw new InvalidOperationException("unknown syntax node"),
    };

    private static BoundLiteral BindLiteral(LiteralNode literal) => literal.Kind switch
    {
        LiteralKind.Number => new BoundLiteral(ExprType.Number, literal.Value, literal),
        LiteralKind.Percent => new BoundLiteral(ExprType.NumberOf(Quantity.Share), literal.Value, literal),
        LiteralKind.String => new BoundLiteral(ExprType.Text, literal.Value, literal),
        LiteralKind.Bool => new BoundLiteral(ExprType.Bool, literal.Value, literal),
        _ => new BoundLiteral(ExprType.Null, null, literal),
    };

    private BoundNode BindIdentifier(IdentifierNode identifier)
    {
        for (var i = _scope.Count - 1; i >= 0; i--)
        {
            if (_scope[i].Name == identifier.Name)
            {
                return new BoundVariable(_scope[i], identifier);
            }
        }

        switch (identifier.Name)
        {
            case "year":
                return new BoundGlobal(ExprType.Number, GlobalId.Year, identifier);
            case "asOf":
                return new BoundGlobal(ExprType.Date, GlobalId.AsOf, identifier);
            case "params":
                throw Error(DiagnosticCodes.UnknownParameter, identifier.Position, "params.NAME", "params");
        }

        if (_subject is null)
        {
            throw Error(DiagnosticCodes.ExpressionNoSubject, identifier.Position, Suggestions.Closest(identifier.Name, ["year", "asOf", "params", .. _scope.Select(v => v.Name)]),
                identifier.Name);
        }

        var known = FieldNames(_subject.Type).Concat(_scope.Select(v => v.Name)).Append("year").Append("asOf").Append("params");
        return BindField(new BoundVariable(_subject, identifier), identifier.Name, identifier, known);
    }

    private BoundNode BindMember(MemberNode member)
    {
        if (member.Target is IdentifierNode { Name: "params" } && !_scope.Exists(v => v.Name == "params"))
        {
            if (!_symbols.Parameters.TryGetValue(member.Name, out var parameter))
            {
                throw Error(DiagnosticCodes.UnknownParameter, member.Position, Suggestions.Closest(member.Name, _symbols.Parameters.Keys), member.Name);
            }

            return new BoundParameter(ExprType.FromValueKind(parameter.Parameter.Type, null, parameter.Parameter.Kind), parameter.Slot, member.Name, member);
        }

        var target = BindNode(member.Target);
        return BindField(target, member.Name, member, FieldNames(target.Type));
    }

    /// <summary>The expression type of a schema field.</summary>
    private ExprType SchemaType(Schema.SubjectField field, int position) => field.Type switch
    {
        Schema.SubjectValueType.Number => ExprType.NumberOf(field.Name switch
        {
            "monthsWorked" => Quantity.Months,
            "daysAbsent" => Quantity.Days,
            _ => Quantity.Number,
        }),
        Schema.SubjectValueType.Date => ExprType.Date,
        Schema.SubjectValueType.YesNo => ExprType.Bool,
        Schema.SubjectValueType.ScaleLevel => ScaleType(field.Scale!, position),
        Schema.SubjectValueType.Structured => ExprType.InitiativeList,
        Schema.SubjectValueType.Derived => field.Name == "subunits" ? ExprType.CollectiveList : ExprType.IndividualList,
        _ => ExprType.Text,
    };

    private IEnumerable<string> FieldNames(ExprType type) => type.Kind switch
    {
        TypeKind.Individual => SymbolTable.IndividualFields.Concat(_symbols.IndividualFacts.Keys),
        TypeKind.Collective => SymbolTable.CollectiveFields.Concat(_symbols.CollectiveFacts.Keys),
        TypeKind.Initiative => ["name", "scope", "recognizedOn"],
        TypeKind.Date => ["year", "month", "day"],
        _ => [],
    };

    private BoundField BindField(BoundNode target, string name, ExpressionNode syntax, IEnumerable<string> known)
    {
        BoundField Field(ExprType type, FieldId id) => new(type, target, id, name, -1, syntax);

        switch (target.Type.Kind)
        {
            case TypeKind.Individual or TypeKind.Collective:
                var individual = target.Type.Kind == TypeKind.Individual;
                if (Schema.SubjectSchema.FindByExpression(individual, name) is { } declared)
                {
                    return new BoundField(SchemaType(declared, syntax.Position), target, FieldId.Subject, name, -1, syntax) { Schema = declared };
                }

                if ((individual ? _symbols.IndividualFacts : _symbols.CollectiveFacts).TryGetValue(name, out var fact))
                {
                    return new BoundField(FactType(fact.Fact, syntax.Position), target, FieldId.Fact, name, fact.Slot, syntax);
                }

                break;
            case TypeKind.Initiative:
                switch (name)
                {
                    case "name": return Field(ExprType.Text, FieldId.InitiativeName);
                    case "scope": return Field(ScaleType("scope", syntax.Position), FieldId.InitiativeScope);
                    case "recognizedOn": return Field(ExprType.Date, FieldId.InitiativeRecognizedOn);
                }

                break;
            case TypeKind.Date:
                switch (name)
                {
                    case "year": return Field(ExprType.Number, FieldId.DateYear);
                    case "month": return Field(ExprType.Number, FieldId.DateMonth);
                    case "day": return Field(ExprType.Number, FieldId.DateDay);
                }

                break;
            default:
                throw Error(DiagnosticCodes.ExpressionValueHasNoFields, syntax.Position, null, name, target.Type.Argument);
        }

        throw Error(DiagnosticCodes.UnknownField, syntax.Position, Suggestions.Closest(name, known), name, target.Type.Argument);
    }

    private ExprType ScaleType(string scaleId, int position) =>
        _symbols.Scales.TryGetValue(scaleId, out var scale)
            ? ExprType.ScaleOf(scale)
            : throw Error(DiagnosticCodes.UnknownScale, position, Suggestions.Closest(scaleId, _symbols.Scales.Keys), scaleId);

    private ExprType FactType(FactDeclaration fact, int position) =>
        fact.Type == ValueKind.Scale ? ScaleType(fact.Scale ?? "", position) : ExprType.FromValueKind(fact.Type, null, fact.Kind);

    private BoundNode BindCall(CallNode call)
    {
        if (call.Receiver is null)
        {
            if (call.Name == "date" && call.Arguments.Length == 1)
            {
                return BindDateLiteral(call);
            }

            // Named forms of the date arithmetic: daysBetween(from, to) is to - from, addDays(d, n) is d + n.
            if (call.Name is "daysBetween" or "addDays" && call.Arguments.Length == 2)
            {
                var first = Expect(BindNode(call.Arguments[0]), ExprType.Date, $"argument 1 of {call.Name}");
                var second = BindNode(call.Arguments[1]);
                return call.Name == "addDays"
                    ? BindDateArithmetic(BinaryOperator.Add, first, second, call)
                    : BindDateArithmetic(BinaryOperator.Subtract, Expect(second, ExprType.Date, "argument 2 of daysBetween"), first, call);
            }

            if (Array.IndexOf(SubjectFunctions, call.Name) >= 0)
            {
                if (_subject is null)
                {
                    throw Error(DiagnosticCodes.WrongSubject, call.Position, null, call.Name, DiagnosticCatalog.Phrase("subject.none"));
                }

                return BindSubjectFunction(new BoundVariable(_subject, call), call);
            }

            var key = PluginRegistry.FunctionKey(call.Name, call.Arguments.Length);
            if (_symbols.Registry.Functions.TryGetValue(key, out var function))
            {
                return BindPluginCall(function, call);
            }

            if (Array.IndexOf(ListFunctions, call.Name) >= 0)
            {
                throw Error(DiagnosticCodes.ExpressionListFunctionWithoutList, call.Position, null, call.Name);
            }

            var known = _symbols.Registry.FunctionNames.Concat(SubjectFunctions).Concat(DateFunctions).Distinct().Order(StringComparer.Ordinal).ToList();
            if (known.Contains(call.Name))
            {
                throw ArgumentCount(call, call.Name == "date" ? [1] : [.. _symbols.Registry.Functions.Values.Where(f => f.Name == call.Name).Select(f => f.Parameters.Count)]);
            }

            throw Error(DiagnosticCodes.UnknownFunction, call.Position, Suggestions.Closest(call.Name, known.Concat(ListFunctions)), call.Name, string.Join(", ", known));
        }

        var receiver = BindNode(call.Receiver);
        if (receiver.Type.Kind == TypeKind.List)
        {
            return BindOverList(receiver, call);
        }

        if (Array.IndexOf(ListFunctions, call.Name) >= 0)
        {
            // rating.where(…), m.count(): a list function after a value that is not a list.
            throw Error(DiagnosticCodes.ExpressionListFunctionWithoutList, call.Position, null, call.Name);
        }

        if (receiver.Type.IsSubject)
        {
            return BindSubjectFunction(receiver, call);
        }

        throw Error(DiagnosticCodes.UnknownFunction, call.Position, null, call.Name, DiagnosticCatalog.Phrase("functions.none-on", receiver.Type.Argument));
    }

    private static BoundLiteral BindDateLiteral(CallNode call)
    {
        if (call.Arguments.Length != 1 || call.Arguments[0] is not LiteralNode { Kind: LiteralKind.String } text)
        {
            throw Error(DiagnosticCodes.ExpressionDateNeedsText, call.Position, null);
        }

        if (!IsoDate.TryParse((string)text.Value!, out var date))
        {
            throw Error(DiagnosticCodes.InvalidDate, text.Position, null, (string)text.Value!);
        }

        return new BoundLiteral(ExprType.Date, date, call);
    }

    private BoundPluginCall BindPluginCall(IExpressionFunction function, CallNode call)
    {
        var args = ImmutableArray.CreateBuilder<BoundNode>();
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            var expected = function.Parameters[i] switch
            {
                ArgumentKind.Bool => ExprType.Bool,
                ArgumentKind.Number => ExprType.Number,
                ArgumentKind.Text => ExprType.Text,
                _ => ExprType.Date,
            };
            args.Add(Expect(BindNode(call.Arguments[i]), expected, Role("role.argument", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), function.Name)));
        }

        var result = function.ReturnKind switch
        {
            ArgumentKind.Bool => ExprType.Bool,
            ArgumentKind.Number => ExprType.Number,
            ArgumentKind.Text => ExprType.Text,
            _ => ExprType.Date,
        };

        // The built-in arithmetic keeps what its numbers measure: round(share) is a share (printed as %), min(years,
        // years) years, min(share, count) the same slip as share + count.
        if (function is Functions.AbsFunction or Functions.RoundFunction or Functions.FloorFunction or Functions.CeilingFunction or Functions.RoundDigitsFunction)
        {
            result = ExprType.NumberOf(args[0].Type.Quantity);
        }
        else if (function is Functions.MinFunction or Functions.MaxFunction)
        {
            result = ExprType.NumberOf(CombinedQuantity(args[0], args[1], call));
        }

        return new BoundPluginCall(result, function, args.ToImmutable(), call);
    }

    private static BoundNode Expect(BoundNode node, ExprType expected, string what)
    {
        if (expected.Kind == TypeKind.Number && node.Type.Kind == TypeKind.Ratio)
        {
            return new BoundRatioToNumber(node, node.Syntax);
        }

        if (node.Type.Kind == TypeKind.Null)
        {
            throw Error(DiagnosticCodes.ExpressionNullNotAllowed, node.Syntax.Position, null, what);
        }

        if (!node.Type.SameAs(expected))
        {
            throw Error(DiagnosticCodes.ExpressionWrongType, node.Syntax.Position, null, what, expected.Argument, node.Type.Argument);
        }

        return node;
    }

    /// <summary>
    /// A list function (an aggregate or <c>where</c>) after a list. A list chosen by <c>?:</c> is never built either: the
    /// function is applied to each branch (<c>(c ? a : b).count()</c> is <c>c ? a.count() : b.count()</c>, unknown when c
    /// is), and <c>a ?? b</c> of lists is <c>a</c> (a list is never missing).
    /// </summary>
    private BoundNode BindOverList(BoundNode source, CallNode call)
    {
        switch (source)
        {
            case BoundConditional conditional:
                var whenTrue = BindOverList(conditional.WhenTrue, call);
                var whenFalse = BindOverList(conditional.WhenFalse, call);
                return new BoundConditional(whenTrue.Type, conditional.Condition, whenTrue, whenFalse, call);
            case BoundBinary { Operator: BinaryOperator.Coalesce } coalesce:
                return BindOverList(coalesce.Left, call);
            default:
                return call.Name == "where" ? BindWhere(source, call) : BindAggregate(source, call);
        }
    }

    /// <summary>
    /// <c>list.where(x =&gt; condition)</c>: the elements for which the condition holds, a list of the same type, usable
    /// wherever a list is (chained with an aggregate or another <c>where</c>). The condition must be true/false (TDR271
    /// at the condition otherwise); one lambda is required (TDR278).
    /// </summary>
    private BoundWhere BindWhere(BoundNode source, CallNode call)
    {
        var lambda = ListLambda(call);
        var element = new Variable(lambda.Parameter, source.Type.Element!);
        var predicate = InScope(element, () => Expect(BindNode(lambda.Body), ExprType.Bool, Role("role.condition", call.Name)));
        return new BoundWhere(source.Type, source, element, predicate, call);
    }

    /// <summary>
    /// The one lambda a list function takes (TDR278 otherwise), within the nesting limit: each aggregate loops over a
    /// list of the data and nested ones multiply (members inside members inside members is already n³ per subject), so
    /// deeper nesting is refused and the work of one criterion stays polynomial and small.
    /// </summary>
    private LambdaNode ListLambda(CallNode call)
    {
        if (call.Arguments.Length != 1 || call.Arguments[0] is not LambdaNode lambda)
        {
            throw Error(DiagnosticCodes.ExpressionAggregateNeedsLambda, call.Position, null, call.Name);
        }

        if (_scope.Count >= MaxAggregateNesting)
        {
            throw Error(DiagnosticCodes.ExpressionTooComplex, call.Position, null,
                DiagnosticCatalog.Phrase("complexity.aggregates", MaxAggregateNesting.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return lambda;
    }

    /// <summary>Binds a lambda's body with its parameter in scope.</summary>
    private BoundNode InScope(Variable element, Func<BoundNode> bind)
    {
        _scope.Add(element);
        try
        {
            return bind();
        }
        finally
        {
            _scope.RemoveAt(_scope.Count - 1);
        }
    }

    private BoundAggregate BindAggregate(BoundNode source, CallNode call)
    {
        var kind = call.Name switch
        {
            "count" => AggregateKind.Count,
            "ratio" => AggregateKind.Ratio,
            "all" => AggregateKind.All,
            "any" => AggregateKind.Any,
            "sum" => AggregateKind.Sum,
            "avg" => AggregateKind.Avg,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            _ => throw Error(DiagnosticCodes.UnknownFunction, call.Position, Suggestions.Closest(call.Name, ListFunctions), call.Name, string.Join(", ", ListFunctions)),
        };

        if (call.Arguments.Length == 0 && kind == AggregateKind.Count)
        {
            return new BoundAggregate(ExprType.NumberOf(Quantity.Count), kind, source, null, null, call);
        }

        var lambda = ListLambda(call);
        var element = new Variable(lambda.Parameter, source.Type.Element!);
        var body = InScope(element, () => BindNode(lambda.Body));

        ExprType result;
        switch (kind)
        {
            case AggregateKind.Count:
            case AggregateKind.Ratio:
            case AggregateKind.All:
            case AggregateKind.Any:
                body = Expect(body, ExprType.Bool, Role("role.condition", call.Name));
                result = kind switch
                {
                    AggregateKind.Count => ExprType.NumberOf(Quantity.Count),
                    AggregateKind.Ratio => ExprType.Ratio,
                    _ => ExprType.Bool,
                };
                break;
            default:
                var measured = body.Type.Quantity;
                body = Expect(body, ExprType.Number, Role("role.value", call.Name));
                result = ExprType.NumberOf(measured);
                break;
        }

        return new BoundAggregate(result, kind, source, element, body, call);
    }

    private BoundBuiltinCall BindSubjectFunction(BoundNode receiver, CallNode call)
    {
        var isIndividual = receiver.Type.Kind == TypeKind.Individual;
        BoundBuiltinCall Make(ExprType type, BuiltinFunction function, int index, params BoundNode[] args) =>
            new(type, function, receiver, [.. args], index, call);

        int Award(int argument, bool dependency)
        {
            var id = LiteralText(call, argument, DiagnosticCatalog.Phrase("quoted.award"), _symbols.Awards.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "lao-dong-tien-tien");
            if (!_symbols.Awards.TryGetValue(id, out var award))
            {
                throw Error(DiagnosticCodes.UnknownAward, call.Arguments[argument].Position, Suggestions.Closest(id, _symbols.Awards.Keys), id);
            }

            if ((award.Award.Subject == SubjectKind.Individual) != isIndividual)
            {
                throw Error(DiagnosticCodes.WrongSubject, call.Arguments[argument].Position, null, id, DiagnosticCatalog.Term(receiver.Type.ToString()));
            }

            if (dependency)
            {
                _dependencies.Add(award.Index);
            }

            return award.Index;
        }

        int Level(int argument, string scaleId)
        {
            var scale = ScaleType(scaleId, call.Position).Scale!;
            var level = LiteralText(call, argument, DiagnosticCatalog.Phrase("quoted.level", scaleId), scale.Levels.LastOrDefault()?.Id ?? "");
            var index = scale.IndexOf(level);
            return index >= 0
                ? index
                : throw Error(DiagnosticCodes.ScaleLiteralNotOnScale, call.Arguments[argument].Position,
                    Suggestions.Closest(level, scale.Levels.Select(l => l.Id)), level, scaleId, string.Join(", ", scale.Levels.Select(l => l.Id)));
        }

        int Table(int argument)
        {
            var id = LiteralText(call, argument, DiagnosticCatalog.Phrase("quoted.scoring"), _symbols.Scoring.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "diem");
            return _symbols.Scoring.TryGetValue(id, out var table)
                ? table.Index
                : throw Error(DiagnosticCodes.UnknownScoring, call.Arguments[argument].Position, Suggestions.Closest(id, _symbols.Scoring.Keys), id);
        }

        void Arity(params int[] allowed)
        {
            if (Array.IndexOf(allowed, call.Arguments.Length) < 0)
            {
                throw ArgumentCount(call, allowed);
            }
        }

        switch (call.Name)
        {
            case "has":
                Arity(1);
                return Make(ExprType.Bool, BuiltinFunction.Has, Award(0, dependency: true));
            case "had":
                Arity(1, 2);
                return call.Arguments.Length == 1
                    ? Make(ExprType.Bool, BuiltinFunction.Had, Award(0, dependency: false))
                    : Make(ExprType.Bool, BuiltinFunction.HadInYear, Award(0, dependency: false), Expect(BindNode(call.Arguments[1]), ExprType.Number, Role("role.year-of", "had")));
            case "streak":
                Arity(1);
                return Make(ExprType.NumberOf(Quantity.Years), BuiltinFunction.Streak, Award(0, dependency: true));
            case "ratingStreak":
                Arity(1);
                return Make(ExprType.NumberOf(Quantity.Years), BuiltinFunction.RatingStreak, Level(0, "rating"));
            case "awardCount":
                Arity(2);
                return Make(ExprType.NumberOf(Quantity.Count), BuiltinFunction.AwardCount, Award(0, dependency: true), Expect(BindNode(call.Arguments[1]), ExprType.Number, Role("role.years-of", "awardCount")));
            case "ratingCount":
                Arity(2);
                return Make(ExprType.NumberOf(Quantity.Years), BuiltinFunction.RatingCount, Level(0, "rating"), Expect(BindNode(call.Arguments[1]), ExprType.Number, Role("role.years-of", "ratingCount")));
            case "yearsSince":
                Arity(1);
                return Make(ExprType.NumberOf(Quantity.Years), BuiltinFunction.YearsSince, Award(0, dependency: false));
            case "hadWithin":
                Arity(2);
                return Make(ExprType.Bool, BuiltinFunction.HadWithin, Award(0, dependency: false), Expect(BindNode(call.Arguments[1]), ExprType.Number, Role("role.years-of", "hadWithin")));
            case "sinceLast":
                Arity(2);
                return Make(ExprType.NumberOf(Quantity.Years), BuiltinFunction.SinceLast, Award(0, dependency: false), Expect(BindNode(call.Arguments[1]), ExprType.Number, Role("role.years-of", "sinceLast")));
            case "factIn":
                // factIn('fact', year): a declared fact's value in a past year's record (this year's value for the
                // evaluated year); a fact not declared is the same error as reading it by name.
                Arity(2);
                var facts = isIndividual ? _symbols.IndividualFacts : _symbols.CollectiveFacts;
                var factId = LiteralText(call, 0, DiagnosticCatalog.Phrase("quoted.fact"), facts.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "tthcOnTime");
                if (!facts.TryGetValue(factId, out var declared))
                {
                    throw Error(DiagnosticCodes.UnknownField, call.Arguments[0].Position, Suggestions.Closest(factId, facts.Keys), factId, receiver.Type.Argument);
                }

                return Make(FactType(declared.Fact, call.Arguments[0].Position), BuiltinFunction.FactIn, declared.Slot,
                    Expect(BindNode(call.Arguments[1]), ExprType.Number, Role("role.year-of", "factIn"))) with { Fact = factId };
            case "disciplinedAtLeast":
            case "disciplinedInYear":
                Arity(1);
                if (!isIndividual)
                {
                    throw Error(DiagnosticCodes.WrongSubject, call.Position, null, call.Name, DiagnosticCatalog.Term(receiver.Type.ToString()));
                }

                return Make(ExprType.Bool, call.Name == "disciplinedAtLeast" ? BuiltinFunction.DisciplinedAtLeast : BuiltinFunction.DisciplinedInYear, Level(0, "discipline"));
            case "score":
            case "clusterRank":
                Arity(1);
                if (isIndividual)
                {
                    throw Error(DiagnosticCodes.WrongSubject, call.Position, null, call.Name, DiagnosticCatalog.Term(receiver.Type.ToString()));
                }

                return Make(ExprType.Number, call.Name == "score" ? BuiltinFunction.Score : BuiltinFunction.ClusterRank, Table(0));
            default:
                throw Error(DiagnosticCodes.UnknownFunction, call.Position, Suggestions.Closest(call.Name, SubjectFunctions), call.Name, string.Join(", ", SubjectFunctions));
        }
    }

    /// <summary>The text of an argument written in quotes; anything else is TDR097, with an example built from
    /// <paramref name="example"/> (an id the rule set declares).</summary>
    private static string LiteralText(CallNode call, int argument, string what, string example) =>
        call.Arguments[argument] is LiteralNode { Kind: LiteralKind.String } literal
            ? (string)literal.Value!
            : throw Error(DiagnosticCodes.ExpressionArgumentNotQuoted, call.Arguments[argument].Position, null,
                (argument + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), call.Name, what, call.Name + "('" + example + "')");

    /// <summary>TDR095: <paramref name="call"/> is given a number of arguments not among <paramref name="allowed"/>.</summary>
    private static BindError ArgumentCount(CallNode call, IEnumerable<int> allowed) =>
        Error(DiagnosticCodes.ExpressionArgumentCount, call.Position, null, call.Name, call.Arguments.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(", ", allowed.Distinct().Order().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>A role in the expression ("the left side of '&amp;&amp;'") as a catalog phrase.</summary>
    private static string Role(string key, params string[] arguments) => DiagnosticCatalog.Phrase(key, arguments);

    private BoundUnary BindUnary(UnaryNode unary)
    {
        var operand = BindNode(unary.Operand);
        return unary.Operator == UnaryOperator.Not
            ? new BoundUnary(ExprType.Bool, unary.Operator, Expect(operand, ExprType.Bool, Role("role.operand", "!")), unary)
            : new BoundUnary(ExprType.Number, unary.Operator, Expect(operand, ExprType.Number, Role("role.operand", "-")), unary);
    }

    private BoundNode BindBinary(BinaryNode binary)
    {
        var left = BindNode(binary.Left);
        var right = BindNode(binary.Right);
        var symbol = ExpressionPrinter.Symbol(binary.Operator);
        switch (binary.Operator)
        {
            case BinaryOperator.And:
            case BinaryOperator.Or:
                return new BoundBinary(ExprType.Bool, binary.Operator, Expect(left, ExprType.Bool, Role("role.left", symbol)),
                    Expect(right, ExprType.Bool, Role("role.right", symbol)), ExprType.Bool, binary);

            case BinaryOperator.Equal:
            case BinaryOperator.NotEqual:
                if (right.Type.Kind == TypeKind.Null || left.Type.Kind == TypeKind.Null)
                {
                    var operand = right.Type.Kind == TypeKind.Null ? left : right;
                    if (operand.Type.Kind is TypeKind.Null or TypeKind.List)
                    {
                        throw Error(DiagnosticCodes.ExpressionNullComparison, binary.Position, null, operand.Type.Argument);
                    }

                    return new BoundNullTest(operand, binary.Operator == BinaryOperator.Equal, binary);
                }

                (left, right) = Unify(left, right, binary, symbol);
                if (left.Type.Kind is TypeKind.List or TypeKind.Initiative)
                {
                    throw Error(DiagnosticCodes.ExpressionCannotCompare, binary.Position, null, symbol, left.Type.Argument);
                }

                CombinedQuantity(left, right, binary);
                return new BoundBinary(ExprType.Bool, binary.Operator, left, right, OperandType(left, right), binary);

            case BinaryOperator.Less:
            case BinaryOperator.LessOrEqual:
            case BinaryOperator.Greater:
            case BinaryOperator.GreaterOrEqual:
                (left, right) = Unify(left, right, binary, symbol);
                if (!(left.Type.IsNumeric || left.Type.Kind is TypeKind.Scale or TypeKind.Date))
                {
                    throw Error(DiagnosticCodes.ExpressionCannotOrder, binary.Position, null, symbol, left.Type.Argument);
                }

                CombinedQuantity(left, right, binary);
                return new BoundBinary(ExprType.Bool, binary.Operator, left, right, OperandType(left, right), binary);

            case BinaryOperator.Coalesce:
                if (left.Type.Kind == TypeKind.Null)
                {
                    throw Error(DiagnosticCodes.ExpressionNullNotAllowed, binary.Position, null, Role("role.left", "??"));
                }

                (left, right) = Unify(left, right, binary, symbol);
                if (left.Type.Kind == TypeKind.Ratio && right.Type.Kind == TypeKind.Ratio)
                {
                    return new BoundBinary(ExprType.Ratio, binary.Operator, left, right, ExprType.Ratio, binary);
                }

                if (left.Type.IsNumeric)
                {
                    var coalesced = ExprType.NumberOf(CombinedQuantity(left, right, binary));
                    left = Expect(left, ExprType.Number, Role("role.left", "??"));
                    right = Expect(right, ExprType.Number, Role("role.right", "??"));
                    return new BoundBinary(coalesced, binary.Operator, left, right, coalesced, binary);
                }

                return new BoundBinary(left.Type, binary.Operator, left, right, left.Type, binary);

            case BinaryOperator.Add or BinaryOperator.Subtract when left.Type.Kind == TypeKind.Date || right.Type.Kind == TypeKind.Date:
                return BindDateArithmetic(binary.Operator, left, right, binary);

            default:
                var quantity = ArithmeticQuantity(left, right, binary);
                return new BoundBinary(ExprType.NumberOf(quantity), binary.Operator, Expect(left, ExprType.Number, Role("role.left", symbol)),
                    Expect(right, ExprType.Number, Role("role.right", symbol)), ExprType.NumberOf(quantity), binary);
        }
    }

    /// <summary>
    /// Dates and days: <c>date + n</c>, <c>n + date</c> and <c>date - n</c> are the date n calendar days later or earlier
    /// (bound with the date on the left); <c>date - date</c> is the days from the right date to the left one, a number of
    /// days. The number must be days or a plain number: months or years are refused (TDR047), since a month has no fixed
    /// length; two dates added (TDR045) and a number minus a date (TDR046) have no meaning. <c>addDays(d, n)</c> and
    /// <c>daysBetween(from, to)</c> bind through here too, at their call.
    /// </summary>
    private static BoundBinary BindDateArithmetic(BinaryOperator op, BoundNode left, BoundNode right, ExpressionNode at)
    {
        if (left.Type.Kind == TypeKind.Date && right.Type.Kind == TypeKind.Date)
        {
            return op == BinaryOperator.Subtract
                ? new BoundBinary(ExprType.NumberOf(Quantity.Days), op, left, right, ExprType.Date, at)
                : throw Error(DiagnosticCodes.DatesAdded, at.Position, null, Text(at));
        }

        if (op == BinaryOperator.Subtract && right.Type.Kind == TypeKind.Date)
        {
            throw Error(DiagnosticCodes.DateSubtractedFromNumber, at.Position, null, Text(at));
        }

        var (date, days) = left.Type.Kind == TypeKind.Date ? (left, right) : (right, left);
        days = Expect(days, ExprType.Number, "the number of days added to a date");
        if (days.Type.Quantity is not (Quantity.Days or Quantity.Number))
        {
            throw Error(DiagnosticCodes.DateNeedsDays, at.Position, null, Text(at), DiagnosticCatalog.QuantityTerm(days.Type.Quantity));
        }

        return new BoundBinary(ExprType.Date, op, date, days, ExprType.Date, at);
    }

    /// <summary>
    /// The kind of two numbers compared, added or joined by <c>??</c> or <c>?:</c>: a share with a number written without
    /// its percent sign (<c>ratio &gt;= 15</c>) and two different kinds (a share with a count) are errors; a plain
    /// number takes the other side's kind. Non-numbers give <see cref="Quantity.Number"/>.
    /// </summary>
    private static Quantity CombinedQuantity(BoundNode left, BoundNode right, ExpressionNode at)
    {
        if (!left.Type.IsNumeric || !right.Type.IsNumeric)
        {
            return Quantity.Number;
        }

        var (l, r) = (left.Type.Quantity, right.Type.Quantity);
        if (l == r)
        {
            return l;
        }

        // A plain number from 0 to 1 beside a share is a fraction (0.5, 1 = 100%); above 1 it is a percentage that lost its
        // sign (ratio >= 15 can never pass).
        if (l == Quantity.Share && PlainLiteral(right) is { } rightValue && Math.Abs(rightValue) > 1)
        {
            throw ShareWithoutPercent(left, right, rightValue);
        }

        if (r == Quantity.Share && PlainLiteral(left) is { } leftValue && Math.Abs(leftValue) > 1)
        {
            throw ShareWithoutPercent(right, left, leftValue);
        }

        if (!Quantities.Compatible(l, r))
        {
            var reason = l == Quantity.Share || r == Quantity.Share
                ? "a share and another kind of number cannot be compared or added"
                : "these two kinds of number cannot be compared or added";
            throw Error(DiagnosticCodes.QuantityMismatch, at.Position, null, Text(at), DiagnosticCatalog.QuantityTerm(l), DiagnosticCatalog.QuantityTerm(r),
                DiagnosticCatalog.Term(reason));
        }

        return l == Quantity.Number ? r : l;
    }

    /// <summary>
    /// The kind of <c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c>: sums and differences keep their operands' common
    /// kind (checked as a comparison is); a product or quotient keeps the kind of the side a plain literal scales
    /// (<c>params.soThang * 2</c>), and is otherwise a plain number (a count divided by a count may be anything).
    /// </summary>
    private static Quantity ArithmeticQuantity(BoundNode left, BoundNode right, BinaryNode at)
    {
        if (!left.Type.IsNumeric || !right.Type.IsNumeric)
        {
            return Quantity.Number;
        }

        if (at.Operator is BinaryOperator.Add or BinaryOperator.Subtract)
        {
            return CombinedQuantity(left, right, at);
        }

        return PlainLiteral(right) is not null ? left.Type.Quantity
            : PlainLiteral(left) is not null && at.Operator == BinaryOperator.Multiply ? right.Type.Quantity
            : Quantity.Number;
    }

    /// <summary>The value of a number literal written without a percent sign (<c>12</c>, <c>-1</c>), else null.</summary>
    private static decimal? PlainLiteral(BoundNode node) => node switch
    {
        BoundLiteral { Syntax: LiteralNode { Kind: LiteralKind.Number }, Value: decimal value } => value,
        BoundUnary { Operator: UnaryOperator.Negate, Operand: BoundLiteral { Syntax: LiteralNode { Kind: LiteralKind.Number }, Value: decimal value } } => -value,
        _ => null,
    };

    private static BindError ShareWithoutPercent(BoundNode share, BoundNode literal, decimal value)
    {
        var written = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var suggestion = value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) + "%";
        return Error(DiagnosticCodes.ShareWithoutPercent, literal.Syntax.Position, suggestion, Text(share.Syntax), written);
    }

    /// <summary>An expression as printed in a message, cut to 80 characters.</summary>
    private static string Text(ExpressionNode node)
    {
        var text = ExpressionPrinter.Print(node);
        return text.Length <= 80 ? text : text[..79] + "…";
    }

    private static ExprType OperandType(BoundNode left, BoundNode right) =>
        left.Type.Kind == TypeKind.Ratio || right.Type.Kind == TypeKind.Ratio ? ExprType.Ratio : left.Type;

    /// <summary>Brings two operands to a common type: scale levels written as text become level indices; numbers and ratios mix.</summary>
    private static (BoundNode Left, BoundNode Right) Unify(BoundNode left, BoundNode right, ExpressionNode at, string symbol)
    {
        if (left.Type.Kind == TypeKind.Scale && right.Type.Kind == TypeKind.Text)
        {
            return (left, ToLevel(right, left.Type));
        }

        if (right.Type.Kind == TypeKind.Scale && left.Type.Kind == TypeKind.Text)
        {
            return (ToLevel(left, right.Type), right);
        }

        if (left.Type.IsNumeric && right.Type.IsNumeric)
        {
            return (left, right);
        }

        if (!left.Type.SameAs(right.Type))
        {
            throw Error(DiagnosticCodes.ExpressionCannotCombine, at.Position, null, symbol, left.Type.Argument, right.Type.Argument);
        }

        return (left, right);
    }

    private static BoundLiteral ToLevel(BoundNode node, ExprType scaleType)
    {
        var scale = scaleType.Scale!;
        if (node is not BoundLiteral { Value: string level })
        {
            throw Error(DiagnosticCodes.ExpressionScaleLevelNeedsQuotes, node.Syntax.Position, null, scale.Id, scale.Levels.LastOrDefault()?.Id ?? "");
        }

        var index = scale.IndexOf(level);
        if (index < 0)
        {
            throw Error(DiagnosticCodes.ScaleLiteralNotOnScale, node.Syntax.Position, Suggestions.Closest(level, scale.Levels.Select(l => l.Id)),
                level, scale.Id, string.Join(", ", scale.Levels.Select(l => l.Id)));
        }

        return new BoundLiteral(scaleType, index, node.Syntax);
    }

    private BoundConditional BindConditional(ConditionalNode conditional)
    {
        var condition = Expect(BindNode(conditional.Condition), ExprType.Bool, Role("role.condition", "'? :'"));
        var whenTrue = BindNode(conditional.WhenTrue);
        var whenFalse = BindNode(conditional.WhenFalse);
        if (whenTrue.Type.Kind == TypeKind.Null || whenFalse.Type.Kind == TypeKind.Null)
        {
            throw Error(DiagnosticCodes.ExpressionNullNotAllowed, conditional.Position, null, Role("role.branch"));
        }

        (whenTrue, whenFalse) = Unify(whenTrue, whenFalse, conditional, "? :");
        if (whenTrue.Type.IsNumeric && !(whenTrue.Type.Kind == TypeKind.Ratio && whenFalse.Type.Kind == TypeKind.Ratio))
        {
            var quantity = CombinedQuantity(whenTrue, whenFalse, conditional);
            whenTrue = Expect(whenTrue, ExprType.Number, Role("role.branch"));
            whenFalse = Expect(whenFalse, ExprType.Number, Role("role.branch"));
            return new BoundConditional(ExprType.NumberOf(quantity), condition, whenTrue, whenFalse, conditional);
        }

        return new BoundConditional(whenTrue.Type, condition, whenTrue, whenFalse, conditional);
    }

    private BoundIn BindIn(InNode inNode)
    {
        var value = BindNode(inNode.Value);
        if (value.Type.IsNumeric)
        {
            value = Expect(value, ExprType.Number, Role("role.in-value"));
        }

        var items = ImmutableArray.CreateBuilder<BoundNode>();
        foreach (var itemSyntax in inNode.Items)
        {
            var item = BindNode(itemSyntax);
            (_, item) = Unify(value, item, itemSyntax, inNode.Negated ? "not in" : "in");
            if (item.Type.Kind == TypeKind.Ratio)
            {
                item = new BoundRatioToNumber(item, item.Syntax);
            }

            items.Add(item);
        }

        if (value.Type.Kind is TypeKind.List or TypeKind.Null or TypeKind.Initiative or TypeKind.Individual or TypeKind.Collective)
        {
            throw Error(DiagnosticCodes.ExpressionInNeedsValue, inNode.Position, null, value.Type.Argument);
        }

        return new BoundIn(value, items.ToImmutable(), inNode.Negated, inNode);
    }

    private static BindError Error(DiagnosticCode code, int position, string? suggestion, params string[] arguments) =>
        new(code, position, suggestion, arguments);

    private sealed class BindError(DiagnosticCode code, int position, string? suggestion, string[] arguments) : Exception(code.ToString())
    {
        public DiagnosticCode Code { get; } = code;

        public int Position { get; } = position;

        public string? Suggestion { get; } = suggestion;

        public string[] Arguments { get; } = arguments;
    }
}
