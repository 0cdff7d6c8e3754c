using System.Linq.Expressions;
using System.Reflection;
using NodaTime;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Expressions.Syntax;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;
using Expr = System.Linq.Expressions.Expression;

namespace ThiDua.Rules.Compilation;

/// <summary>Judges subjects <c>[from, to)</c> for one award: statuses per criterion and the outcome before any quota.</summary>
internal delegate void AwardKernel(EvalFrame frame, int from, int to, byte[] outcomes, byte[] status);

/// <summary>
/// Compiles a bound expression to a <c>System.Linq.Expressions</c> delegate <c>(frame, subject) → value</c>, once per
/// rule set. Aggregates over members compile to inline loops, so evaluating a subject allocates nothing.
/// </summary>
internal sealed class ExpressionCompiler
{
    private static readonly MethodInfo[] RuntimeMethods = typeof(Runtime).GetMethods(BindingFlags.Public | BindingFlags.Static);

    private readonly ParameterExpression _frame = Expr.Parameter(typeof(EvalFrame), "frame");
    private readonly ParameterExpression _subject = Expr.Parameter(typeof(int), "subject");
    private readonly Dictionary<Variable, ParameterExpression> _variables = [];

    // Columns read by the expression, loaded into locals once at the start of the delegate (and, for an award kernel,
    // once per block of subjects rather than once per subject).
    private readonly Dictionary<string, (ParameterExpression Variable, Expr Value)> _hoisted = new(StringComparer.Ordinal);

    // With tracing (explanations), each read that can be missing also notes itself in this trace.
    private ParameterExpression? _trace;

    /// <summary>
    /// Compiles <paramref name="node"/> as <see cref="Compile{T}"/> does, with each read that can be missing (a field, a
    /// fact, an award or rating of the history) noted in the <see cref="MissingTrace"/> passed in: the same evaluation,
    /// short-circuits included, so the values noted are those the result depended on. For explanations only.
    /// </summary>
    public static Func<EvalFrame, int, MissingTrace, object?> CompileTraced(BoundNode node)
    {
        var compiler = new ExpressionCompiler();
        var trace = compiler._trace = Expr.Parameter(typeof(MissingTrace), "trace");
        var body = Expr.Convert(compiler.Emit(node), typeof(object));
        return Expr.Lambda<Func<EvalFrame, int, MissingTrace, object?>>(compiler.WithHoisted(body), compiler._frame, compiler._subject, trace).Compile();
    }

    public static Func<EvalFrame, int, T> Compile<T>(BoundNode node)
    {
        var compiler = new ExpressionCompiler();
        var body = compiler.Emit(node);
        if (body.Type != typeof(T))
        {
            body = Expr.Convert(body, typeof(T));
        }

        return Expr.Lambda<Func<EvalFrame, int, T>>(compiler.WithHoisted(body), compiler._frame, compiler._subject).Compile();
    }

    /// <summary>
    /// Compiles all criteria of an award into one kernel that judges a block of subjects: for each subject it writes
    /// each criterion's status and the outcome before any quota. Columns are loaded once per block.
    /// </summary>
    /// <param name="criteria">Per criterion: its expression (null for a plug-in criterion or a prerequisite).</param>
    /// <param name="fallbacks">Per criterion: the delegate used when there is no expression.</param>
    /// <param name="kind">The award's subject kind; units of another kind are marked not applicable.</param>
    /// <param name="requires">Per criterion: the award a <c>requires:</c> criterion names, else -1 (null: none are).</param>
    public static AwardKernel CompileAward(IReadOnlyList<BoundNode?> criteria, IReadOnlyList<Func<EvalFrame, int, bool?>> fallbacks, SubjectKind kind, IReadOnlyList<int>? requires = null)
    {
        var compiler = new ExpressionCompiler();
        var from = Expr.Parameter(typeof(int), "from");
        var to = Expr.Parameter(typeof(int), "to");
        var outcomes = Expr.Parameter(typeof(byte[]), "outcomes");
        var status = Expr.Parameter(typeof(byte[]), "status");
        var s = compiler._subject;
        var worst = Expr.Variable(typeof(int), "worst");
        var offset = Expr.Variable(typeof(int), "offset");
        var value = Expr.Variable(typeof(int), "value");
        var breakLabel = Expr.Label("done");
        var continueLabel = Expr.Label("next");

        // A criterion's truth value is its status byte (see Runtime.Tri), and the outcome before any quota follows from
        // the worst status: a failure, else an unknown, else recommended.
        var perSubject = new List<Expr>
        {
            Expr.Assign(worst, Expr.Constant(Runtime.True)),
            Expr.Assign(offset, Expr.Multiply(s, Expr.Constant(criteria.Count))),
        };
        if (kind != SubjectKind.Individual)
        {
            var kinds = compiler.Column(individual: false, "Kind");
            perSubject.Add(Expr.IfThen(Expr.NotEqual(Expr.ArrayIndex(kinds, s), Expr.Constant(kind)),
                Expr.Block(Expr.Assign(Expr.ArrayAccess(outcomes, s), Expr.Constant(Evaluator.NotApplicable)), Expr.Continue(continueLabel))));
        }

        for (var c = 0; c < criteria.Count; c++)
        {
            var body = criteria[c] is { } node ? compiler.EmitTri(node)
                : requires is not null && requires[c] >= 0 ? Tri(Expr.Call(Method(nameof(Runtime.Has), typeof(EvalFrame), typeof(int), typeof(int)), compiler._frame, Expr.Constant(requires[c]), s))
                : Tri(Expr.Invoke(Expr.Constant(fallbacks[c]), compiler._frame, s));
            perSubject.Add(Expr.Assign(value, body));
            perSubject.Add(Expr.Assign(Expr.ArrayAccess(status, Expr.Add(offset, Expr.Constant(c))), Expr.Convert(value, typeof(byte))));
            perSubject.Add(Expr.Assign(worst, Expr.Call(MinMethod, worst, value)));
        }

        perSubject.Add(Expr.Assign(Expr.ArrayAccess(outcomes, s), Expr.Convert(
            Expr.Condition(Expr.Equal(worst, Expr.Constant(Runtime.True)), Expr.Constant((int)Outcome.Recommended), worst), typeof(byte))));

        var loop = Expr.Block(
            Expr.Assign(s, from),
            Expr.Loop(
                Expr.IfThenElse(Expr.LessThan(s, to),
                    Expr.Block([worst, offset, value], perSubject.Append(Expr.Label(continueLabel)).Append(Expr.PostIncrementAssign(s))),
                    Expr.Break(breakLabel)),
                breakLabel));
        var lambda = Expr.Lambda<AwardKernel>(compiler.WithHoisted(Expr.Block(typeof(void), [s], loop)), compiler._frame, from, to, outcomes, status);
        return lambda.Compile();
    }

    private BlockExpression WithHoisted(Expr body)
    {
        var hoisted = _hoisted.Values.ToList();
        return Expr.Block(body.Type, hoisted.Select(h => h.Variable), hoisted.Select(h => (Expr)Expr.Assign(h.Variable, h.Value)).Append(body));
    }

    /// <summary>Compiles to a boxed result, for explanations written at output time.</summary>
    public static Func<EvalFrame, int, object?> CompileBoxed(BoundNode node) => Compile<object?>(node);

    public static Type ClrType(ExprType type) => type.Kind switch
    {
        TypeKind.Bool => typeof(bool?),
        TypeKind.Number => typeof(decimal?),
        TypeKind.Ratio => typeof(Fraction?),
        TypeKind.Text => typeof(string),
        TypeKind.Date => typeof(LocalDate?),
        TypeKind.Scale => typeof(int?),
        TypeKind.Individual or TypeKind.Collective => typeof(int),
        TypeKind.Initiative => typeof(InitiativeRow),
        TypeKind.List => type.Element!.Kind == TypeKind.Initiative ? typeof(InitiativeRow[]) : typeof(int[]),
        _ => typeof(object),
    };

    // Runtime methods by name and parameter types: looked up once (compiling fifty awards asks thousands of times).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MethodInfo> MethodCache = new(StringComparer.Ordinal);

    private static MethodInfo Method(string name, params Type[] parameters) =>
        MethodCache.GetOrAdd(name + "(" + string.Join(",", parameters.Select(p => p.FullName)) + ")",
            _ => RuntimeMethods.Single(m => m.Name == name && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters)));

    private static readonly MethodInfo RatingCountMethod = typeof(SubjectHistoryFunctions).GetMethod(nameof(SubjectHistoryFunctions.RatingCount))!;
    private static readonly MethodInfo HadWithinMethod = typeof(SubjectHistoryFunctions).GetMethod(nameof(SubjectHistoryFunctions.HadWithin))!;
    private static readonly MethodInfo SinceLastMethod = typeof(SubjectHistoryFunctions).GetMethod(nameof(SubjectHistoryFunctions.SinceLast))!;
    private static readonly MethodInfo FactInMethod = typeof(SubjectHistoryFunctions).GetMethod(nameof(SubjectHistoryFunctions.FactIn))!;
    private static readonly MethodInfo FactInTracedMethod = typeof(SubjectHistoryFunctions).GetMethod(nameof(SubjectHistoryFunctions.FactInTraced))!;
    private static readonly MethodInfo DisciplinedInYearMethod = typeof(SubjectHistoryFunctions).GetMethod(nameof(SubjectHistoryFunctions.DisciplinedInYear))!;
    private static readonly MethodInfo MinMethod = typeof(Math).GetMethod(nameof(Math.Min), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo MaxMethod = typeof(Math).GetMethod(nameof(Math.Max), [typeof(int), typeof(int)])!;
    private static readonly ConstantExpression FalseTri = Expr.Constant(Runtime.False);
    private static readonly ConstantExpression UnknownTri = Expr.Constant(Runtime.Unknown);
    private static readonly ConstantExpression TrueTri = Expr.Constant(Runtime.True);

    private static MethodCallExpression Tri(Expr nullableBool) => Expr.Call(Method(nameof(Runtime.Tri), typeof(bool?)), nullableBool);

    private static MethodCallExpression FromTri(Expr tri) => Expr.Call(Method(nameof(Runtime.FromTri), typeof(int)), tri);

    /// <summary>Compiles a node to its value as <see cref="ClrType"/> gives it (a truth value as <c>bool?</c>).</summary>
    private Expr Emit(BoundNode node) => node.Type.Kind == TypeKind.Bool ? FromTri(EmitTri(node)) : EmitValue(node);

    /// <summary>
    /// Compiles a truth-valued node to an int: <see cref="Runtime.False"/>, <see cref="Runtime.Unknown"/> or
    /// <see cref="Runtime.True"/>. Kleene logic is then min, max and 2 - x, with no <c>Nullable&lt;bool&gt;</c>.
    /// </summary>
    private Expr EmitTri(BoundNode node)
    {
        switch (node)
        {
            case BoundLiteral literal:
                return Expr.Constant(Runtime.Tri((bool?)literal.Value));
            case BoundUnary { Operator: UnaryOperator.Not } unary:
                return Expr.Subtract(TrueTri, EmitTri(unary.Operand));
            case BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } binary:
                return EmitKleene(binary.Operator == BinaryOperator.And, EmitTri(binary.Left), EmitTri(binary.Right));
            case BoundBinary { Operator: BinaryOperator.Coalesce } binary:
                var left = Expr.Variable(typeof(int), "left");
                return Expr.Block(typeof(int), [left], Expr.Assign(left, EmitTri(binary.Left)),
                    Expr.Condition(Expr.Equal(left, UnknownTri), EmitTri(binary.Right), left));
            case BoundBinary binary:
                return EmitComparison(binary);
            case BoundNullTest test:
                return EmitNullTest(test);
            case BoundConditional conditional:
                return EmitConditional(conditional);
            case BoundIn inNode:
                return EmitIn(inNode);
            case BoundAggregate aggregate:
                return EmitAggregate(aggregate);
            default:
                return Tri(EmitValue(node));
        }
    }

    private Expr EmitValue(BoundNode node) => node switch
    {
        BoundLiteral literal => Expr.Constant(literal.Value, ClrType(literal.Type)),
        // Lambda parameters are registered while their body is emitted; any other variable is the current subject.
        BoundVariable variable => _variables.TryGetValue(variable.Variable, out var parameter) ? parameter : _subject,
        BoundField field => EmitField(field),
        BoundGlobal global => global.Global == GlobalId.Year
            ? Hoist("year", () => Expr.Convert(Expr.Convert(PopulationProperty(nameof(Intake.Population.Year)), typeof(decimal)), typeof(decimal?)))
            : Expr.Convert(PopulationProperty(nameof(Intake.Population.AsOf)), typeof(LocalDate?)),
        BoundParameter parameter => EmitParameter(parameter),
        BoundUnary unary => Expr.Call(Method(nameof(Runtime.Negate), typeof(decimal?)), Emit(unary.Operand)),
        BoundBinary binary => EmitBinary(binary),
        BoundConditional conditional => EmitConditional(conditional),
        BoundAggregate aggregate => EmitAggregate(aggregate),
        BoundBuiltinCall call => EmitBuiltin(call),
        BoundPluginCall plugin => EmitPlugin(plugin),
        BoundRatioToNumber ratio => Expr.Call(Method(nameof(Runtime.ToNumber), typeof(Fraction?)), Emit(ratio.Operand)),
        _ => throw new InvalidOperationException("unknown bound node " + node.GetType().Name),
    };

    private MemberExpression PopulationProperty(string name) =>
        Expr.Property(Expr.Property(_frame, nameof(EvalFrame.Population)), name);

    private ParameterExpression Column(bool individual, string name) =>
        Hoist((individual ? "i." : "u.") + name,
            () => Expr.Property(PopulationProperty(individual ? nameof(Intake.Population.Individuals) : nameof(Intake.Population.Units)), name));

    private ParameterExpression Hoist(string key, Func<Expr> value)
    {
        if (!_hoisted.TryGetValue(key, out var entry))
        {
            var init = value();
            entry = (Expr.Variable(init.Type, key), init);
            _hoisted[key] = entry;
        }

        return entry.Variable;
    }

    private Expr EmitField(BoundField field)
    {
        var target = Emit(field.Target);
        var individual = field.Target.Type.Kind == TypeKind.Individual;

        switch (field.Field)
        {
            case FieldId.Subject:
                return Traced(target, subject => EmitSchemaField(field.Schema!, subject, individual), (value, subject) => TraceField(value, individual, subject, field.Name));
            case FieldId.InitiativeName: return Expr.Property(target, nameof(InitiativeRow.Name));
            case FieldId.InitiativeScope: return Expr.Property(target, nameof(InitiativeRow.Scope));
            case FieldId.InitiativeRecognizedOn: return Expr.Property(target, nameof(InitiativeRow.RecognizedOn));
            case FieldId.DateYear: return Expr.Call(Method(nameof(Runtime.DateYear), typeof(LocalDate?)), target);
            case FieldId.DateMonth: return Expr.Call(Method(nameof(Runtime.DateMonth), typeof(LocalDate?)), target);
            case FieldId.DateDay: return Expr.Call(Method(nameof(Runtime.DateDay), typeof(LocalDate?)), target);
            default:
                var columnType = ClrType(field.Type).MakeArrayType();
                var facts = Column(individual, "Facts");
                var column = Hoist((individual ? "i.fact." : "u.fact.") + field.FactSlot,
                    () => Expr.Convert(Expr.ArrayIndex(facts, Expr.Constant(field.FactSlot)), columnType));
                return Traced(target, subject => Expr.ArrayIndex(column, subject), (value, subject) => TraceField(value, individual, subject, field.Name));
        }
    }

    /// <summary>
    /// A read of a subject's value; with tracing, the subject is computed once and the value passed through
    /// <paramref name="note"/> (null when the value cannot be missing).
    /// </summary>
    private Expr Traced(Expr subject, Func<Expr, Expr> read, Func<Expr, Expr, Expr?> note)
    {
        if (_trace is null)
        {
            return read(subject);
        }

        var index = Expr.Variable(typeof(int), "traced");
        var value = read(index);
        return note(value, index) is { } noted
            ? Expr.Block(value.Type, [index], Expr.Assign(index, subject), noted)
            : read(subject);
    }

    /// <summary>A field's value noted when missing (<see cref="MissingTrace.Value{T}"/> or <see cref="MissingTrace.Reference{T}"/>), or null when it cannot be.</summary>
    private MethodCallExpression? TraceField(Expr value, bool individual, Expr subject, string name)
    {
        var underlying = Nullable.GetUnderlyingType(value.Type);
        var method = underlying is not null ? TraceValue.MakeGenericMethod(underlying)
            : !value.Type.IsValueType ? TraceReference.MakeGenericMethod(value.Type)
            : null;
        return method is null ? null : Expr.Call(method, value, _trace!, Expr.Constant(individual), subject, Expr.Constant(name));
    }

    private static readonly MethodInfo TraceValue = typeof(MissingTrace).GetMethod(nameof(MissingTrace.Value))!;
    private static readonly MethodInfo TraceReference = typeof(MissingTrace).GetMethod(nameof(MissingTrace.Reference))!;
    private static readonly MethodInfo TraceAward = typeof(MissingTrace).GetMethod(nameof(MissingTrace.Award))!;

    /// <summary>
    /// A field of the subject schema: its own column when it has one (converted to the expression's type: a yes/no
    /// column holds <c>bool</c>, a kind column <see cref="SubjectKind"/>), else its plain column.
    /// </summary>
    private Expr EmitSchemaField(Schema.SubjectField field, Expr target, bool individual)
    {
        if (field.Column is { } name)
        {
            var value = Expr.ArrayIndex(Column(individual, name), target);
            return value.Type == typeof(bool) ? Expr.Convert(value, typeof(bool?))
                : value.Type == typeof(SubjectKind) ? Expr.Call(Method(nameof(Runtime.SubjectKindName), typeof(SubjectKind)), value)
                : value;
        }

        var plain = Column(individual, "Plain");
        var column = Hoist((individual ? "i.plain." : "u.plain.") + field.PlainSlot,
            () => Expr.Convert(Expr.ArrayIndex(plain, Expr.Constant(field.PlainSlot)), field.PlainClrType.MakeArrayType()));
        return Expr.ArrayIndex(column, target);
    }

    private UnaryExpression EmitParameter(BoundParameter parameter)
    {
        var boxed = Expr.ArrayIndex(Expr.Property(_frame, nameof(EvalFrame.Parameters)), Expr.Constant(parameter.Slot));
        var type = ClrType(parameter.Type);
        return type == typeof(string) ? Expr.TypeAs(boxed, typeof(string)) : Expr.Convert(boxed, type);
    }

    private Expr EmitBinary(BoundBinary binary)
    {
        if (binary.Left.Type.Kind == TypeKind.Date)
        {
            // Dates and days (the type checker puts the date on the left): date ± days, or the days between two dates.
            return binary.Right.Type.Kind == TypeKind.Date
                ? Expr.Call(Method(nameof(Runtime.SubtractDates), typeof(LocalDate?), typeof(LocalDate?)), Emit(binary.Left), Emit(binary.Right))
                : Expr.Call(Method(binary.Operator == BinaryOperator.Add ? nameof(Runtime.AddDays) : nameof(Runtime.SubtractDays), typeof(LocalDate?), typeof(decimal?)),
                    Emit(binary.Left), Emit(binary.Right));
        }

        switch (binary.Operator)
        {
            case BinaryOperator.Add when binary.Right is BoundBinary { Operator: BinaryOperator.Coalesce, Right: BoundLiteral { Value: decimal zero } } coalesce
                                         && Runtime.IsPlainZero(zero):
                return EmitAddCoalesceZero(Emit(binary.Left), Emit(coalesce.Left));
            case BinaryOperator.Add:
                return Expr.Call(Method(nameof(Runtime.Add), typeof(decimal?), typeof(decimal?)), Emit(binary.Left), Emit(binary.Right));
            case BinaryOperator.Subtract:
                return Expr.Call(Method(nameof(Runtime.Subtract), typeof(decimal?), typeof(decimal?)), Emit(binary.Left), Emit(binary.Right));
            case BinaryOperator.Multiply:
                return Expr.Call(Method(nameof(Runtime.Multiply), typeof(decimal?), typeof(decimal?)), Emit(binary.Left), Emit(binary.Right));
            case BinaryOperator.Divide:
                return Expr.Call(Method(nameof(Runtime.Divide), typeof(decimal?), typeof(decimal?)), Emit(binary.Left), Emit(binary.Right));
            case BinaryOperator.Coalesce when ClrType(binary.Left.Type) is { IsValueType: true } leftType && leftType == ClrType(binary.Right.Type):
                return Expr.Coalesce(Emit(binary.Left), Emit(binary.Right));
            case BinaryOperator.Coalesce:
                var left = Expr.Variable(ClrType(binary.Left.Type), "left");
                var hasValue = left.Type == typeof(string) ? (Expr)Expr.NotEqual(left, Expr.Constant(null, typeof(string))) : Expr.Property(left, "HasValue");
                return Expr.Block(ClrType(binary.Type), [left], Expr.Assign(left, Emit(binary.Left)), Expr.Condition(hasValue, left, Emit(binary.Right)));
            default:
                // Truth-valued operators are compiled by EmitTri; reached only for a truth value needed as bool?.
                return FromTri(EmitTri(binary));
        }
    }

    /// <summary>
    /// <c>x + (y ?? 0)</c>, the common way to add an optional fact: x itself when y is missing (x + 0 is x to the bit,
    /// which <see cref="Runtime.Add"/> guarantees and a test pins), so the usual case costs no addition.
    /// </summary>
    private static BlockExpression EmitAddCoalesceZero(Expr x, Expr y)
    {
        var left = Expr.Variable(typeof(decimal?), "x");
        var right = Expr.Variable(typeof(decimal?), "y");
        return Expr.Block(typeof(decimal?), [left, right],
            Expr.Assign(left, x),
            Expr.Assign(right, y),
            Expr.Condition(Expr.Property(right, "HasValue"), Expr.Call(Method(nameof(Runtime.Add), typeof(decimal?), typeof(decimal?)), left, right), left));
    }

    /// <summary>
    /// Comparisons of numbers, scale levels and dates compile inline (unknown when either side is unknown); ratios and
    /// text go through <see cref="Runtime.Compare(Fraction?, decimal?)"/> and friends for exactness and ordinal
    /// semantics. The result is a truth value as an int.
    /// </summary>
    private Expr EmitComparison(BoundBinary binary)
    {
        var equality = binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual;
        if (equality && binary.Left.Type.Kind == TypeKind.Bool && binary.Right.Type.Kind == TypeKind.Bool)
        {
            // Unknown if either side is; else whether they are (not) equal.
            var l = Expr.Variable(typeof(int), "l");
            var r = Expr.Variable(typeof(int), "r");
            var same = binary.Operator == BinaryOperator.Equal ? Expr.Equal(l, r) : Expr.NotEqual(l, r);
            return Expr.Block(typeof(int), [l, r], Expr.Assign(l, EmitTri(binary.Left)), Expr.Assign(r, EmitTri(binary.Right)),
                Expr.Condition(Expr.OrElse(Expr.Equal(l, UnknownTri), Expr.Equal(r, UnknownTri)), UnknownTri, Expr.Condition(same, TrueTri, FalseTri)));
        }

        var left = Emit(binary.Left);
        var right = Emit(binary.Right);
        if (left.Type == right.Type && (left.Type == typeof(decimal?) || left.Type == typeof(int?) || left.Type == typeof(LocalDate?)))
        {
            var type = binary.Operator switch
            {
                BinaryOperator.Equal => ExpressionType.Equal,
                BinaryOperator.NotEqual => ExpressionType.NotEqual,
                BinaryOperator.Less => ExpressionType.LessThan,
                BinaryOperator.LessOrEqual => ExpressionType.LessThanOrEqual,
                BinaryOperator.Greater => ExpressionType.GreaterThan,
                _ => ExpressionType.GreaterThanOrEqual,
            };
            return EmitLiftedComparison(type, left, right);
        }

        return Tri(Expr.Call(Method(nameof(Runtime.Test), typeof(int?), typeof(BinaryOperator)),
            Expr.Call(Method(nameof(Runtime.Compare), left.Type, right.Type), left, right), Expr.Constant(binary.Operator)));
    }

    /// <summary>
    /// Both sides evaluated, then unknown if either is missing; a known constant on the right is not tested. Levels
    /// compare inline; numbers and dates through <see cref="Runtime.Order(decimal, decimal)"/> and friends, which keep
    /// the kernel small.
    /// </summary>
    private static BlockExpression EmitLiftedComparison(ExpressionType type, Expr leftExpr, Expr rightExpr)
    {
        var underlying = Nullable.GetUnderlyingType(leftExpr.Type)!;
        var left = Expr.Variable(leftExpr.Type, "l");
        Expr Value(ParameterExpression v) => Expr.Call(v, leftExpr.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), Type.EmptyTypes)!);
        Expr Test(Expr a, Expr b) =>
            underlying == typeof(int) ? Expr.MakeBinary(type, a, b)
            : underlying == typeof(LocalDate) && type is ExpressionType.Equal or ExpressionType.NotEqual
                ? Expr.MakeBinary(type, Expr.Call(Method(nameof(Runtime.Same), underlying, underlying), a, b), Expr.Constant(true))
                : Expr.MakeBinary(type, Expr.Call(Method(nameof(Runtime.Order), underlying, underlying), a, b), Expr.Constant(0));
        if (rightExpr is ConstantExpression { Value: { } constant })
        {
            return Expr.Block(typeof(int), [left], Expr.Assign(left, leftExpr),
                Expr.Condition(Expr.Property(left, "HasValue"),
                    Expr.Condition(Test(Value(left), Expr.Constant(constant, underlying)), TrueTri, FalseTri),
                    UnknownTri));
        }

        var right = Expr.Variable(rightExpr.Type, "r");
        return Expr.Block(typeof(int), [left, right], Expr.Assign(left, leftExpr), Expr.Assign(right, rightExpr),
            Expr.Condition(Expr.AndAlso(Expr.Property(left, "HasValue"), Expr.Property(right, "HasValue")),
                Expr.Condition(Test(Value(left), Value(right)), TrueTri, FalseTri),
                UnknownTri));
    }

    /// <summary>
    /// Kleene and/or with short-circuit: false (and) or true (or) on the left decides without the right; otherwise the
    /// minimum (and) or maximum (or) of the two truth values.
    /// </summary>
    private static BlockExpression EmitKleene(bool isAnd, Expr leftExpr, Expr rightExpr)
    {
        var left = Expr.Variable(typeof(int), "l");
        var decisive = isAnd ? FalseTri : TrueTri;
        return Expr.Block(typeof(int), [left],
            Expr.Assign(left, leftExpr),
            Expr.Condition(Expr.Equal(left, decisive), decisive, Expr.Call(isAnd ? MinMethod : MaxMethod, left, rightExpr)));
    }

    private BlockExpression EmitNullTest(BoundNullTest test)
    {
        // Spill the operand into a variable first: member access on a value produced by a block with loops is not
        // allowed by the expression compiler, and the operand must be evaluated once.
        var operand = test.Operand.Type.Kind == TypeKind.Bool ? EmitTri(test.Operand) : Emit(test.Operand);
        var value = Expr.Variable(operand.Type, "operand");
        Expr isNull = test.Operand.Type.Kind == TypeKind.Bool
            ? Expr.Equal(value, UnknownTri)
            : operand.Type.IsValueType && Nullable.GetUnderlyingType(operand.Type) is null
                ? Expr.Constant(false)
                : !operand.Type.IsValueType
                    ? Expr.Equal(value, Expr.Constant(null, operand.Type))
                    : Expr.Not(Expr.Property(value, "HasValue"));
        return Expr.Block(typeof(int), [value], Expr.Assign(value, operand),
            Expr.Condition(isNull, test.IsNull ? TrueTri : FalseTri, test.IsNull ? FalseTri : TrueTri));
    }

    /// <summary><c>c ? a : b</c>: unknown (missing) when the condition is unknown. A truth value is an int.</summary>
    private BlockExpression EmitConditional(BoundConditional conditional)
    {
        var condition = Expr.Variable(typeof(int), "c");
        var truth = conditional.Type.Kind == TypeKind.Bool;
        var type = truth ? typeof(int) : ClrType(conditional.Type);
        Expr Branch(BoundNode node) => truth ? EmitTri(node) : Emit(node);
        return Expr.Block(type, [condition],
            Expr.Assign(condition, EmitTri(conditional.Condition)),
            Expr.Condition(Expr.Equal(condition, TrueTri), Branch(conditional.WhenTrue),
                Expr.Condition(Expr.Equal(condition, FalseTri), Branch(conditional.WhenFalse), truth ? UnknownTri : Expr.Default(type))));
    }

    private BlockExpression EmitIn(BoundIn inNode)
    {
        var value = Expr.Variable(ClrType(inNode.Value.Type), "v");
        var unknown = Expr.Variable(typeof(bool), "unknown");
        var result = Expr.Variable(typeof(int), "result");
        var done = Expr.Label("done");
        var found = inNode.Negated ? FalseTri : TrueTri;
        var body = new List<Expr> { Expr.Assign(value, Emit(inNode.Value)), Expr.Assign(unknown, Expr.Constant(false)) };
        foreach (var item in inNode.Items)
        {
            var itemValue = Emit(item);
            var test = Expr.Variable(typeof(int), "t");
            body.Add(Expr.Block([test],
                Expr.Assign(test, Tri(Expr.Call(Method(nameof(Runtime.Test), typeof(int?), typeof(BinaryOperator)),
                    Expr.Call(Method(nameof(Runtime.Compare), value.Type, itemValue.Type), value, itemValue), Expr.Constant(BinaryOperator.Equal)))),
                Expr.IfThen(Expr.Equal(test, UnknownTri), Expr.Assign(unknown, Expr.Constant(true))),
                Expr.IfThen(Expr.Equal(test, TrueTri), Expr.Block(Expr.Assign(result, found), Expr.Goto(done)))));
        }

        body.Add(Expr.Assign(result, Expr.Condition(unknown, UnknownTri, inNode.Negated ? TrueTri : FalseTri)));
        body.Add(Expr.Label(done));
        body.Add(result);
        return Expr.Block(typeof(int), [value, unknown, result], body);
    }

    /// <summary>
    /// An aggregate over a list as an inline loop. count and ratio count true elements (unknown if any element is);
    /// all and any are the minimum and maximum of the elements' truth values, stopping at the first false or true.
    /// Only the variables a kind needs are declared: each one costs the JIT.
    /// </summary>
    /// <remarks>
    /// <para>Over <c>list.where(p)</c> (or a chain of them) the loop runs over the innermost list and each element's
    /// membership is the Kleene conjunction of the predicates (false at the first false one, the next ones not
    /// evaluated). An element whose membership is false is skipped, its lambda not evaluated. An element whose membership
    /// is unknown (its predicate read missing data) may or may not be in the list:</para>
    /// <list type="bullet">
    /// <item><c>count</c>, <c>any</c> and <c>all</c> decide it as <c>count(x =&gt; p &amp;&amp; q)</c>,
    /// <c>any(x =&gt; p &amp;&amp; q)</c> and <c>all(x =&gt; !p || q)</c> would: an unknown member matters only when its
    /// own condition could change the answer (an unknown member that fails q is not counted either way; one true
    /// member makes any true).</item>
    /// <item><c>ratio</c>, <c>sum</c>, <c>avg</c>, <c>min</c> and <c>max</c> need the exact list (its size is the ratio's
    /// denominator), so one unknown member makes them unknown; the lambda is still evaluated for it, so an explanation
    /// lists what else is missing.</item>
    /// </list>
    /// <para>Empty lists keep their rules whether filtered or not: a ratio, avg, min or max over no element is unknown
    /// (never 0% or 100%), a count or sum 0, all true and any false.</para>
    /// </remarks>
    private BlockExpression EmitAggregate(BoundAggregate aggregate)
    {
        var filters = new List<BoundWhere>();
        var list = aggregate.Source;
        while (list is BoundWhere where)
        {
            filters.Add(where);
            list = where.Source;
        }

        filters.Reverse();
        var source = Expr.Variable(ClrType(list.Type), "source");
        var length = Expr.ArrayLength(source);
        if (aggregate.Body is null && filters.Count == 0)
        {
            return Expr.Block(typeof(decimal?), [source], Expr.Assign(source, Emit(list)), Expr.Convert(Expr.Convert(length, typeof(decimal)), typeof(decimal?)));
        }

        var index = Expr.Variable(typeof(int), "i");
        var breakLabel = Expr.Label("break");
        var element = Expr.Variable(source.Type.GetElementType()!, aggregate.Element?.Name ?? filters[0].Element.Name);
        var kind = aggregate.Aggregate;
        var truth = kind is AggregateKind.Count or AggregateKind.Ratio or AggregateKind.All or AggregateKind.Any;

        // The membership of the element in the filtered list: the predicates joined by a short-circuit Kleene "and".
        Expr? membership = null;
        foreach (var filter in filters)
        {
            _variables[filter.Element] = element;
            var test = EmitTri(filter.Predicate);
            membership = membership is null ? test : EmitKleene(true, membership, test);
        }

        Expr? lambda = null;
        if (aggregate.Body is not null)
        {
            _variables[aggregate.Element!] = element;
            lambda = truth ? EmitTri(aggregate.Body) : Emit(aggregate.Body);
        }

        foreach (var filter in filters)
        {
            _variables.Remove(filter.Element);
        }

        if (aggregate.Element is not null)
        {
            _variables.Remove(aggregate.Element);
        }

        // count, any and all of a filtered list are those of the whole list with the membership joined to the lambda;
        // ratio, sum, avg, min and max test the membership in the loop (below).
        var member = Expr.Variable(typeof(int), "member");
        var size = Expr.Variable(typeof(int), "size");
        var testsMembership = membership is not null && kind is not (AggregateKind.Count or AggregateKind.Any or AggregateKind.All);
        var body = membership is null || testsMembership ? lambda!
            : kind == AggregateKind.All ? EmitKleene(false, Expr.Subtract(TrueTri, membership), lambda!)
            : lambda is null ? membership
            : EmitKleene(true, membership, lambda);
        var value = Expr.Variable(body.Type, "value");
        var denominator = testsMembership ? (Expr)size : length;

        var count = Expr.Variable(typeof(int), "count");
        var unknown = Expr.Variable(typeof(bool), "unknown");
        var accumulator = Expr.Variable(typeof(decimal), "acc");
        var truthAccumulator = Expr.Variable(typeof(int), "acc");
        var nullNumber = Expr.Constant(null, typeof(decimal?));
        var markUnknown = Expr.Assign(unknown, Expr.Constant(true));

        List<ParameterExpression> variables;
        List<Expr> init;
        Expr step;
        Expr result;
        switch (kind)
        {
            case AggregateKind.Count or AggregateKind.Ratio:
                variables = [count, unknown];
                init = [Expr.Assign(count, Expr.Constant(0)), Expr.Assign(unknown, Expr.Constant(false))];
                step = Expr.IfThenElse(Expr.Equal(value, UnknownTri), markUnknown, Expr.IfThen(Expr.Equal(value, TrueTri), Expr.PostIncrementAssign(count)));
                result = kind == AggregateKind.Count
                    ? Expr.Condition(unknown, nullNumber, Expr.Convert(Expr.Convert(count, typeof(decimal)), typeof(decimal?)))
                    : Expr.Condition(Expr.OrElse(unknown, Expr.Equal(denominator, Expr.Constant(0))), Expr.Constant(null, typeof(Fraction?)),
                        Expr.Convert(Expr.New(typeof(Fraction).GetConstructor([typeof(long), typeof(long)])!, Expr.Convert(count, typeof(long)), Expr.Convert(denominator, typeof(long))), typeof(Fraction?)));
                break;
            case AggregateKind.All or AggregateKind.Any:
                // all: true for an empty list, the minimum, decided at the first false; any: the mirror image.
                var all = kind == AggregateKind.All;
                variables = [truthAccumulator];
                init = [Expr.Assign(truthAccumulator, all ? TrueTri : FalseTri)];
                step = Expr.Block(
                    Expr.Assign(truthAccumulator, Expr.Call(all ? MinMethod : MaxMethod, truthAccumulator, value)),
                    Expr.IfThen(Expr.Equal(truthAccumulator, all ? FalseTri : TrueTri), Expr.Break(breakLabel)));
                result = truthAccumulator;
                break;
            case AggregateKind.Sum or AggregateKind.Avg:
                // A total past the decimal range is unknown, as any sum is (Runtime.Add), never an exception.
                var total = Expr.Variable(typeof(decimal?), "total");
                variables = [unknown, accumulator, total];
                init = [Expr.Assign(unknown, Expr.Constant(false)), Expr.Assign(accumulator, Expr.Constant(0m))];
                step = Expr.IfThenElse(Expr.Not(Expr.Property(value, "HasValue")), markUnknown,
                    Expr.Block(
                        Expr.Assign(total, Expr.Call(Method(nameof(Runtime.Add), typeof(decimal?), typeof(decimal?)), Expr.Convert(accumulator, typeof(decimal?)), value)),
                        Expr.IfThenElse(Expr.Property(total, "HasValue"), Expr.Assign(accumulator, Expr.Property(total, "Value")), markUnknown)));
                result = kind == AggregateKind.Sum
                    ? Expr.Condition(unknown, nullNumber, Expr.Convert(accumulator, typeof(decimal?)))
                    : Expr.Condition(Expr.OrElse(unknown, Expr.Equal(denominator, Expr.Constant(0))), nullNumber,
                        Expr.Convert(Expr.Divide(accumulator, Expr.Convert(denominator, typeof(decimal))), typeof(decimal?)));
                break;
            default:
                variables = [unknown, accumulator, count];
                init = [Expr.Assign(unknown, Expr.Constant(false)), Expr.Assign(accumulator, Expr.Constant(0m)), Expr.Assign(count, Expr.Constant(0))];
                var valueOf = Expr.Property(value, "Value");
                step = Expr.IfThenElse(Expr.Not(Expr.Property(value, "HasValue")), markUnknown,
                    Expr.IfThen(Expr.OrElse(Expr.Equal(count, Expr.Constant(0)),
                            kind == AggregateKind.Min ? Expr.LessThan(valueOf, accumulator) : Expr.GreaterThan(valueOf, accumulator)),
                        Expr.Block(Expr.Assign(accumulator, valueOf), Expr.Assign(count, Expr.Constant(1)))));
                result = Expr.Condition(Expr.OrElse(unknown, Expr.Equal(count, Expr.Constant(0))), nullNumber, Expr.Convert(accumulator, typeof(decimal?)));
                break;
        }

        Expr perElement = Expr.Block(Expr.Assign(value, body), step);
        if (testsMembership)
        {
            // Skip a non-member; evaluate the lambda of a possible one (its missing values are noted), then an unknown
            // member makes the result unknown, a member is counted (the denominator of ratio and avg) and taken.
            perElement = Expr.Block(
                Expr.Assign(member, membership!),
                Expr.IfThen(Expr.NotEqual(member, FalseTri), Expr.Block(
                    Expr.Assign(value, body),
                    Expr.IfThenElse(Expr.Equal(member, UnknownTri), markUnknown, Expr.Block(Expr.PostIncrementAssign(size), step)))));
            variables.Add(size);
            init.Add(Expr.Assign(size, Expr.Constant(0)));
            if (!variables.Contains(unknown))
            {
                variables.Add(unknown);
                init.Add(Expr.Assign(unknown, Expr.Constant(false)));
            }
        }

        var loop = Expr.Loop(
            Expr.IfThenElse(Expr.LessThan(index, length),
                Expr.Block([element, value, .. testsMembership ? [member] : Array.Empty<ParameterExpression>()],
                    Expr.Assign(element, Expr.ArrayIndex(source, index)),
                    perElement,
                    Expr.PostIncrementAssign(index)),
                Expr.Break(breakLabel)),
            breakLabel);

        return Expr.Block(kind is AggregateKind.All or AggregateKind.Any ? typeof(int) : ClrType(aggregate.Type), [source, index, .. variables],
            [Expr.Assign(source, Emit(list)), Expr.Assign(index, Expr.Constant(0)), .. init, loop, result]);
    }

    private Expr EmitBuiltin(BoundBuiltinCall call)
    {
        var individual = call.Receiver!.Type.Kind == TypeKind.Individual;
        if (call.Function == BuiltinFunction.FactIn)
        {
            // The year is known only when it runs: the traced read names the missing value itself.
            var type = ClrType(call.Type);
            return _trace is null
                ? Expr.Call(FactInMethod.MakeGenericMethod(type), _frame, Expr.Constant(individual), Expr.Constant(call.Index), Emit(call.Receiver), Emit(call.Arguments[0]))
                : Expr.Call(FactInTracedMethod.MakeGenericMethod(type), _frame, Expr.Constant(individual), Expr.Constant(call.Index), Emit(call.Receiver), Emit(call.Arguments[0]),
                    _trace, Expr.Constant(call.Fact!));
        }

        return Traced(Emit(call.Receiver!), receiver => EmitBuiltin(call, receiver), (value, subject) => call.Function switch
        {
            // What the reference semantics call missing: an award not decided, a rating or a discipline date not known.
            BuiltinFunction.Has or BuiltinFunction.Streak or BuiltinFunction.AwardCount => Expr.Call(TraceAward.MakeGenericMethod(Nullable.GetUnderlyingType(value.Type)!),
                value, _trace!, Expr.Constant(individual), subject, Expr.Constant(call.Index)),
            BuiltinFunction.RatingStreak or BuiltinFunction.RatingCount => TraceField(value, individual, subject, "rating"),
            BuiltinFunction.DisciplinedAtLeast or BuiltinFunction.DisciplinedInYear => TraceField(value, individual, subject, "discipline.date"),
            _ => null,
        });
    }

    private MethodCallExpression EmitBuiltin(BoundBuiltinCall call, Expr receiver)
    {
        var individual = Expr.Constant(call.Receiver!.Type.Kind == TypeKind.Individual);
        var index = Expr.Constant(call.Index);
        return call.Function switch
        {
            BuiltinFunction.Has => Expr.Call(Method(nameof(Runtime.Has), typeof(EvalFrame), typeof(int), typeof(int)), _frame, index, receiver),
            BuiltinFunction.Had => Expr.Call(Method(nameof(Runtime.Had), typeof(EvalFrame), typeof(bool), typeof(int), typeof(int)), _frame, individual, index, receiver),
            BuiltinFunction.HadInYear => Expr.Call(Method(nameof(Runtime.HadInYear), typeof(EvalFrame), typeof(bool), typeof(int), typeof(int), typeof(decimal?)), _frame, individual, index, receiver, Emit(call.Arguments[0])),
            BuiltinFunction.Streak => Expr.Call(Method(nameof(Runtime.Streak), typeof(EvalFrame), typeof(bool), typeof(int), typeof(int)), _frame, individual, index, receiver),
            BuiltinFunction.RatingStreak => Expr.Call(Method(nameof(Runtime.RatingStreak), typeof(EvalFrame), typeof(bool), typeof(int), typeof(int)), _frame, individual, index, receiver),
            BuiltinFunction.AwardCount => Expr.Call(Method(nameof(Runtime.AwardCount), typeof(EvalFrame), typeof(bool), typeof(int), typeof(int), typeof(decimal?)), _frame, individual, index, receiver, Emit(call.Arguments[0])),
            BuiltinFunction.YearsSince => Expr.Call(Method(nameof(Runtime.YearsSince), typeof(EvalFrame), typeof(bool), typeof(int), typeof(int)), _frame, individual, index, receiver),
            BuiltinFunction.DisciplinedAtLeast => Expr.Call(Method(nameof(Runtime.DisciplinedAtLeast), typeof(EvalFrame), typeof(int), typeof(int)), _frame, index, receiver),
            BuiltinFunction.RatingCount => Expr.Call(RatingCountMethod, _frame, individual, index, receiver, Emit(call.Arguments[0])),
            BuiltinFunction.DisciplinedInYear => Expr.Call(DisciplinedInYearMethod, _frame, index, receiver),
            BuiltinFunction.HadWithin => Expr.Call(HadWithinMethod, _frame, individual, index, receiver, Emit(call.Arguments[0])),
            BuiltinFunction.SinceLast => Expr.Call(SinceLastMethod, _frame, individual, index, receiver, Emit(call.Arguments[0])),
            BuiltinFunction.Score => Expr.Call(Method(nameof(Runtime.Score), typeof(EvalFrame), typeof(int), typeof(int)), _frame, index, receiver),
            _ => Expr.Call(Method(nameof(Runtime.ClusterRank), typeof(EvalFrame), typeof(int), typeof(int)), _frame, index, receiver),
        };
    }

    private UnaryExpression EmitPlugin(BoundPluginCall plugin)
    {
        var arguments = Expr.NewArrayInit(typeof(object), plugin.Arguments.Select(a => Expr.Convert(Emit(a), typeof(object))));
        var call = Expr.Call(Method(nameof(Runtime.InvokePlugin), typeof(Extensibility.IExpressionFunction), typeof(object[])), Expr.Constant(plugin.Function), arguments);
        var type = ClrType(plugin.Type);
        return type == typeof(string) ? Expr.TypeAs(call, typeof(string)) : Expr.Convert(call, type);
    }
}
