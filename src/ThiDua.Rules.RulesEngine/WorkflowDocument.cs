using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.RulesEngine;

/// <summary>One rule of a RulesEngine workflow as written, with its position in the workflow file.</summary>
internal sealed record WorkflowRule(
    string Name,
    string? Expression,
    string? ExpressionType,
    string? Operator,
    bool Enabled,
    ImmutableArray<WorkflowRule> Rules,
    bool HasLocalParams,
    string? ErrorMessage,
    SourceSpan Span,
    SourceSpan ExpressionSpan);

/// <summary>One workflow of a RulesEngine workflow file.</summary>
internal sealed record Workflow(string Name, ImmutableArray<WorkflowRule> Rules, bool HasGlobalParams, bool HasInjectedWorkflows, SourceSpan Span);

/// <summary>
/// Reads a RulesEngine workflow file (an array of workflows, or one workflow object) keeping the line and column of every
/// rule and expression. Member names are matched case-insensitively, as RulesEngine's own JSON reading does.
/// </summary>
internal static class WorkflowDocument
{
    /// <summary>Largest workflow file read (the same order as a rule file's limit).</summary>
    public const long MaxBytes = 16L << 20;

    /// <summary>Reads the file; on failure returns null and says why (in English and Vietnamese).</summary>
    public static ImmutableArray<Workflow>? Read(string path, out (string En, string Vi)? problem, out SourceSpan where)
    {
        problem = null;
        where = new SourceSpan(path, 0, 0);
        string text;
        try
        {
            // Opened as every input is: an ordinary file (a FIFO would block, /dev/zero never end), within the limit
            // while reading too.
            var rules = new InputFile.Rules(MaxBytes, DiagnosticCodes.RuleFileNotRegular, DiagnosticCodes.RuleFileTooLarge);
            if (InputFile.Refusal(path, rules, out _) is { } refusal)
            {
                // A missing file is said alone ("no such file"); a refused one (a folder, a device, too large) by its diagnostic.
                problem = refusal.Code == DiagnosticCodes.FileNotReadable
                    ? (DiagnosticCatalog.Localize(refusal.Arguments[0], Language.En), DiagnosticCatalog.Localize(refusal.Arguments[0], Language.Vi))
                    : (refusal.Message(Language.En), refusal.Message(Language.Vi));
                return null;
            }

            using var reader = new StreamReader(InputFile.Open(path, rules), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (InputLimitException ex)
        {
            problem = (ex.Diagnostic.Message(Language.En), ex.Diagnostic.Message(Language.Vi));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = DiagnosticCatalog.FileProblem(ex, path);
            problem = (DiagnosticCatalog.Localize(why, Language.En), DiagnosticCatalog.Localize(why, Language.Vi));
            return null;
        }

        return Parse(text, path, out problem, out where);
    }

    /// <summary>Parses workflow JSON text.</summary>
    public static ImmutableArray<Workflow>? Parse(string text, string path, out (string En, string Vi)? problem, out SourceSpan where)
    {
        problem = null;
        where = new SourceSpan(path, 0, 0);
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("Additional text encountered after finished reading JSON content", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
        }
        catch (JsonReaderException ex)
        {
            where = new SourceSpan(path, ex.LineNumber, ex.LinePosition);
            // Newtonsoft's message classified as the rule files' are (TDR122–TDR137, TDR001), said in both languages.
            var (code, arguments) = Loading.Json.JsonSyntax.Classify(ex.Message);
            var syntax = Diagnostic.Create(code, where, arguments);
            problem = (syntax.Message(Language.En), syntax.Message(Language.Vi));
            return null;
        }

        var lines = text.Split('\n');
        var items = root is JArray array ? array.Children().ToList() : [root];
        var workflows = ImmutableArray.CreateBuilder<Workflow>();
        foreach (var item in items)
        {
            if (item is not JObject workflow)
            {
                where = Span(path, item);
                problem = ImportCatalog.Pair("file.not-workflow-object");
                return null;
            }

            var name = Member(workflow, "WorkflowName")?.Value<string?>();
            if (string.IsNullOrWhiteSpace(name) || Member(workflow, "Rules") is not JArray rules)
            {
                where = Span(path, workflow);
                problem = ImportCatalog.Pair("file.workflow-members");
                return null;
            }

            var parsed = ReadRules(rules, path, lines, ref problem, ref where);
            if (parsed is null)
            {
                return null;
            }

            workflows.Add(new Workflow(name, parsed.Value,
                Member(workflow, "GlobalParams") is JArray { Count: > 0 },
                Member(workflow, "WorkflowsToInject") is JArray { Count: > 0 },
                Span(path, workflow)));
        }

        return workflows.ToImmutable();
    }

    private static ImmutableArray<WorkflowRule>? ReadRules(JArray rules, string path, string[] lines, ref (string En, string Vi)? problem, ref SourceSpan where)
    {
        var result = ImmutableArray.CreateBuilder<WorkflowRule>();
        foreach (var token in rules)
        {
            if (token is not JObject rule || Member(rule, "RuleName") is not JValue { Type: JTokenType.String } nameToken)
            {
                where = Span(path, token);
                problem = ImportCatalog.Pair("file.rule-object");
                return null;
            }

            var expressionToken = Member(rule, "Expression");
            if (expressionToken is not null and not JValue { Type: JTokenType.String or JTokenType.Null })
            {
                where = Span(path, expressionToken);
                problem = ImportCatalog.Pair("file.expression-text");
                return null;
            }

            var children = ImmutableArray<WorkflowRule>.Empty;
            if (Member(rule, "Rules") is JArray nested)
            {
                var read = ReadRules(nested, path, lines, ref problem, ref where);
                if (read is null)
                {
                    return null;
                }

                children = read.Value;
            }

            var enabled = Member(rule, "Enabled") is not JValue { Type: JTokenType.Boolean } flag || flag.Value<bool>();
            result.Add(new WorkflowRule(
                nameToken.Value<string>()!,
                expressionToken?.Value<string?>(),
                Member(rule, "RuleExpressionType")?.Value<string?>(),
                Member(rule, "Operator")?.Value<string?>(),
                enabled,
                children,
                Member(rule, "LocalParams") is JArray { Count: > 0 },
                Member(rule, "ErrorMessage")?.Value<string?>(),
                Span(path, rule),
                expressionToken is null ? Span(path, rule) : StringStart(path, lines, expressionToken)));
        }

        return result.ToImmutable();
    }

    private static JToken? Member(JObject obj, string name) =>
        obj.Properties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static SourceSpan Span(string path, JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? new SourceSpan(path, info.LineNumber, info.LinePosition, token.Path) : new SourceSpan(path, 0, 0, token.Path);

    /// <summary>
    /// The position of a string value's first character (just after its opening quote). Newtonsoft gives the position
    /// after the value; the opening quote is found on that line after the member's name and colon.
    /// </summary>
    private static SourceSpan StringStart(string path, string[] lines, JToken value)
    {
        var span = Span(path, value);
        if (value.Parent is JProperty property && span.Line >= 1 && span.Line <= lines.Length)
        {
            var line = lines[span.Line - 1];
            var name = line.LastIndexOf("\"" + property.Name + "\"", Math.Min(line.Length - 1, Math.Max(0, span.Column - 1)), StringComparison.Ordinal);
            if (name >= 0)
            {
                var colon = line.IndexOf(':', name + property.Name.Length + 2);
                var quote = colon < 0 ? -1 : line.IndexOf('"', colon + 1);
                if (quote >= 0)
                {
                    return span with { Column = quote + 2 };
                }
            }
        }

        return span;
    }
}
