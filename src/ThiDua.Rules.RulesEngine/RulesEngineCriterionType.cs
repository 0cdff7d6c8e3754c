using System.Collections.Immutable;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using global::RulesEngine.ExpressionBuilders;
using global::RulesEngine.Models;
using ThiDua.Rules.Extensibility;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.RulesEngine;

/// <summary>
/// The criterion type <c>rulesengine</c>: a Microsoft RulesEngine workflow used as a criterion,
/// <c>{ "type": "rulesengine", "args": { "workflow": "file.json", "workflowName": "Name" } }</c> (the path relative to the
/// rule file). The criterion passes when every enabled rule of the workflow succeeds.
/// </summary>
/// <remarks>
/// <para><b>Input:</b> <c>input1</c> is the subject, with its built-in fields and the facts the rule set declares under
/// their rule-file names (<c>input1.rating</c>, <c>input1.monthsWorked</c>, <c>input1.conduct</c>): numbers as
/// <see cref="decimal"/>, true/false as <see cref="bool"/>, text and scale levels as <see cref="string"/>, dates as
/// <see cref="DateTime"/>. A rule that reads a missing value is unknown (never false), so the pair is
/// <c>insufficient-data</c> unless another rule or criterion fails.</para>
/// <para><b>Compiled with the rule set:</b> the workflow file is read and every rule parsed by RulesEngine's own
/// <see cref="RuleExpressionParser"/> (Dynamic LINQ, RulesEngine's default settings) when the rule set is validated or
/// compiled. A problem is a diagnostic at the rule's line and column in the workflow file: unreadable file (TDR080),
/// unknown workflow (TDR081), an expression that does not compile (TDR082), an <c>input1</c> member that is neither a
/// field nor a declared fact (TDR083, with a did-you-mean), anything outside the allow-list (TDR084, see the README's
/// trust boundary), and RulesEngine features a criterion cannot honour (TDR085: <c>LocalParams</c>,
/// <c>GlobalParams</c>, <c>WorkflowsToInject</c>, expression types other than <c>LambdaExpression</c>).</para>
/// <para><b>Not used:</b> actions, success events and error messages (they do not change whether a rule succeeds).
/// Nested rules are combined with their <c>Operator</c> (<c>And</c>/<c>AndAlso</c>, <c>Or</c>/<c>OrElse</c>).</para>
/// <para><b>Cost:</b> parsing and compiling costs milliseconds per rule, once per rule set; judging a subject reads the
/// fields the workflow uses and calls one compiled delegate per rule. <b>Thread safety:</b> the prepared judge is
/// immutable and thread-safe.</para>
/// </remarks>
public sealed class RulesEngineCriterionType : IPreparedCriterionType
{
    /// <summary>The name used in rule files.</summary>
    public const string TypeName = "rulesengine";

    // RuleExpressionParser caches its Dynamic LINQ configuration (building it scans the loaded assemblies); it is not
    // documented as thread-safe, so one instance is shared under a lock.
    private static readonly RuleExpressionParser Parser = new(new ReSettings());
    private static readonly Lock ParserLock = new();

    private static readonly Regex InputMember = new(@"\binput1\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <inheritdoc/>
    public string Name => TypeName;

    /// <summary>Applies to individuals, units and enterprises.</summary>
    /// <param name="kind">The award's subject kind.</param>
    /// <returns>Always true.</returns>
    public bool AppliesTo(SubjectKind kind) => true;

    /// <summary>Checks the argument names and types only; the workflow itself is checked by <see cref="Prepare"/>.</summary>
    /// <param name="arguments">The arguments as written.</param>
    /// <returns>One message per problem.</returns>
    public IEnumerable<string> CheckArguments(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var name in arguments.Keys.Where(k => k is not ("workflow" or "workflowName")).Order(StringComparer.Ordinal))
        {
            yield return $"unexpected argument '{name}' (known arguments: workflow, workflowName)";
        }

        if (!arguments.TryGetValue("workflow", out var path) || path is not string { Length: > 0 })
        {
            yield return "'workflow' must be the path of a RulesEngine workflow file (JSON), relative to the rule file";
        }

        if (!arguments.TryGetValue("workflowName", out var workflow) || workflow is not string { Length: > 0 })
        {
            yield return "'workflowName' must be the WorkflowName of a workflow in that file";
        }
    }

    /// <summary>Not called: the compiler uses the judge <see cref="Prepare"/> returns.</summary>
    /// <param name="subject">Unused.</param>
    /// <param name="arguments">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public bool? Evaluate(SubjectView subject, IReadOnlyDictionary<string, object?> arguments) =>
        throw new InvalidOperationException("a rulesengine criterion is judged by the workflow prepared with the rule set");

    /// <inheritdoc/>
    public ICriterionJudge? Prepare(CriterionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = CheckArguments(context.Arguments).ToList();
        foreach (var problem in problems)
        {
            context.ReportArgument("args", problem);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var written = (string)context.Arguments["workflow"]!;
        var workflowName = (string)context.Arguments["workflowName"]!;
        var path = context.ResolvePath(written);
        var workflows = WorkflowDocument.Read(path, out var unreadable, out var where);
        if (workflows is null)
        {
            context.Report(DiagnosticCodes.WorkflowFileProblem, where.Line > 0 ? where : context.Span, null, written, unreadable!.Value.En);
            return null;
        }

        var workflow = workflows.Value.FirstOrDefault(w => string.Equals(w.Name, workflowName, StringComparison.Ordinal));
        if (workflow is null)
        {
            var names = workflows.Value.Select(w => w.Name).ToList();
            context.Report(DiagnosticCodes.WorkflowNotFound, context.Span, Closest(workflowName, names), workflowName, written, string.Join(", ", names));
            return null;
        }

        return Compile(workflow, context);
    }

    internal static CompiledWorkflow? Compile(Workflow workflow, CriterionContext context)
    {
        var fields = context.Fields;
        var inputType = DynamicClassFactory.CreateType([.. fields.Select(f => new DynamicProperty(f.Name, ClrType(f.Kind)))], createParameterCtor: false);
        var input = Expression.Parameter(inputType, "input1");
        var values = Expression.Parameter(typeof(object?[]), "values");
        var slotOf = fields.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var ok = true;
        if (workflow.HasGlobalParams || workflow.HasInjectedWorkflows)
        {
            context.Report(DiagnosticCodes.WorkflowUnsupported, workflow.Span, null, "-", workflow.Name, workflow.HasGlobalParams ? "GlobalParams" : "WorkflowsToInject");
            ok = false;
        }

        var rules = ImmutableArray.CreateBuilder<CompiledRule>();
        foreach (var rule in workflow.Rules.Where(r => r.Enabled))
        {
            var compiled = CompileRule(rule);
            ok &= compiled is not null;
            if (compiled is not null)
            {
                rules.Add(compiled);
            }
        }

        if (!ok)
        {
            return null;
        }

        // Only the fields some rule reads are fetched per subject.
        var used = new SortedSet<int>(rules.SelectMany(Leaves).SelectMany(l => l.Reads));
        return new CompiledWorkflow(workflow.Name, [.. fields.Select(f => f.Name)], [.. used], rules.ToImmutable());

        CompiledRule? CompileRule(WorkflowRule rule)
        {
            if (rule.HasLocalParams)
            {
                context.Report(DiagnosticCodes.WorkflowUnsupported, rule.Span, null, rule.Name, workflow.Name, "LocalParams");
                return null;
            }

            if (rule.ExpressionType is { } type && !string.Equals(type, "LambdaExpression", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(DiagnosticCodes.WorkflowUnsupported, rule.Span, null, rule.Name, workflow.Name, "RuleExpressionType " + type);
                return null;
            }

            if (!rule.Rules.IsEmpty)
            {
                var or = rule.Operator is { } op && (op.Equals("Or", StringComparison.OrdinalIgnoreCase) || op.Equals("OrElse", StringComparison.OrdinalIgnoreCase));
                if (!or && rule.Operator is { } other && !other.Equals("And", StringComparison.OrdinalIgnoreCase) && !other.Equals("AndAlso", StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(DiagnosticCodes.WorkflowUnsupported, rule.Span, null, rule.Name, workflow.Name, "Operator " + other);
                    return null;
                }

                var children = rule.Rules.Where(r => r.Enabled).Select(CompileRule).ToList();
                return children.Any(c => c is null) ? null : new CompiledRule { Name = rule.Name, Rules = [.. children!], Or = or };
            }

            if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                context.Report(DiagnosticCodes.WorkflowRuleInvalid, rule.Span, null, rule.Name, workflow.Name, DiagnosticCatalog.Phrase("rulesengine.no-expression"));
                return null;
            }

            // A member of input1 that the subject does not have: said in our words, with a did-you-mean, before the parser
            // says it in its own.
            foreach (Match match in InputMember.Matches(rule.Expression))
            {
                var member = match.Groups[1].Value;
                if (!fields.Any(f => string.Equals(f.Name, member, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Report(DiagnosticCodes.WorkflowUnknownInput, rule.ExpressionSpan with { Column = rule.ExpressionSpan.Column + match.Groups[1].Index },
                        Closest(member, fields.Select(f => f.Name)), rule.Name, workflow.Name, member, context.Subject.ToString().ToLowerInvariant());
                    return null;
                }
            }

            Expression body;
            try
            {
                lock (ParserLock)
                {
                    body = Parser.Parse(rule.Expression, [input], typeof(bool));
                }
            }
            catch (ParseException ex)
            {
                context.Report(DiagnosticCodes.WorkflowRuleInvalid, rule.ExpressionSpan with { Column = rule.ExpressionSpan.Column + Math.Max(0, ex.Position) }, null, rule.Name, workflow.Name, ParseProblem.Of(ex.Message));
                return null;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
            {
                context.Report(DiagnosticCodes.WorkflowRuleInvalid, rule.ExpressionSpan, null, rule.Name, workflow.Name, ParseProblem.Of(ex.Message));
                return null;
            }

            if (ExpressionAllowList.FirstRefused(body, input) is { } refused)
            {
                context.Report(DiagnosticCodes.WorkflowNotAllowed, rule.ExpressionSpan, null, rule.Name, workflow.Name, refused, ExpressionAllowList.Listing);
                return null;
            }

            var rewriter = new CompiledWorkflow.SlotRewriter(input, values, slotOf);
            var rewritten = rewriter.Visit(body);
            var lambda = Expression.Lambda<Func<object?[], bool>>(rewritten, values).Compile();
            return new CompiledRule { Name = rule.Name, Evaluate = lambda, Reads = [.. rewriter.Reads], Comparison = ComparisonOf(body, input, slotOf) };
        }
    }

    private static IEnumerable<CompiledRule> Leaves(CompiledRule rule) => rule.Evaluate is not null ? [rule] : rule.Rules.SelectMany(Leaves);

    private static (int, string, object?)? ComparisonOf(Expression body, ParameterExpression input, Dictionary<string, int> slotOf)
    {
        static Expression Strip(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? Strip(u.Operand) : e;
        if (body is not BinaryExpression b)
        {
            return null;
        }

        var op = b.NodeType switch
        {
            ExpressionType.GreaterThanOrEqual => "≥",
            ExpressionType.GreaterThan => ">",
            ExpressionType.LessThanOrEqual => "≤",
            ExpressionType.LessThan => "<",
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "≠",
            _ => null,
        };
        return op is not null && Strip(b.Left) is MemberExpression m && m.Expression == input && Strip(b.Right) is ConstantExpression c
            ? (slotOf[m.Member.Name], op, c.Value is int or long or double or float ? Convert.ToDecimal(c.Value, System.Globalization.CultureInfo.InvariantCulture) : c.Value)
            : null;
    }

    internal static Type ClrType(ValueKind kind) => kind switch
    {
        ValueKind.Bool => typeof(bool),
        ValueKind.Number => typeof(decimal),
        ValueKind.Date => typeof(DateTime),
        _ => typeof(string),
    };

    /// <summary>The closest name by edit distance (at most a third of the name's length), for a did-you-mean.</summary>
    internal static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
