using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.RulesEngine;

/// <summary>What the importer could not translate, or had to decide, with the position in the workflow file.</summary>
/// <param name="Span">Where in the workflow file.</param>
/// <param name="Workflow">The workflow.</param>
/// <param name="Rule">The rule (empty for the workflow itself).</param>
/// <param name="En">What happened and what to do, in English.</param>
/// <param name="Vi">The same in Vietnamese.</param>
/// <param name="Untranslated">True when an expression could not be translated (the award then calls the workflow).</param>
public sealed record ImportNote(SourceSpan Span, string Workflow, string Rule, string En, string Vi, bool Untranslated);

/// <summary>The result of <see cref="WorkflowImporter.Import"/>: the rule file's text and every note.</summary>
/// <param name="RuleFile">The rule file (canonical JSON, indented), or null when the workflow file could not be read.</param>
/// <param name="Notes">What could not be translated and what was assumed, in workflow-file order.</param>
/// <param name="Problem">Why the workflow file could not be read (En, Vi), when <paramref name="RuleFile"/> is null.</param>
/// <param name="ProblemSpan">Where the problem is.</param>
public sealed record ImportResult(string? RuleFile, ImmutableArray<ImportNote> Notes, (string En, string Vi)? Problem, SourceSpan ProblemSpan);

/// <summary>
/// Turns a Microsoft RulesEngine workflow file into a rule file: each workflow an award (id: the kebab-case of its
/// <c>WorkflowName</c>), each enabled rule a criterion whose Dynamic LINQ expression is translated to the rule language
/// (<c>input1.rating == "HTTNV"</c> becomes <c>rating == 'HTTNV'</c>).
/// </summary>
/// <remarks>
/// <para>Translated: <c>input1</c>'s members, number, text and true/false/null literals, comparisons, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c> (and the words <c>and</c>, <c>or</c>, <c>not</c>, <c>AndAlso</c>, <c>OrElse</c>), arithmetic,
/// <c>?:</c>, <c>??</c> and parentheses; nested rules with their <c>Operator</c>. Anything else (method calls, other
/// variables, <c>LocalParams</c>) is reported at its position, and the award then also keeps a <c>rulesengine</c>
/// criterion that runs the whole workflow, so the imported award is never less strict than the workflow.</para>
/// <para>Facts: members that are not built-in fields and that the base rule set (<c>extends</c>) does not declare are
/// declared as facts, typed from how the rules use them (compared with a number: number; with text: text; otherwise
/// true/false), and reported. Without a base, the rule file declares the rating scale of design §3.</para>
/// <para>Legal basis: a workflow has none, so each award and criterion says so in its <c>basis</c> (the importer never
/// invents a citation); add the article, clause and point before using the rule file.</para>
/// </remarks>
public static class WorkflowImporter
{
    private static readonly string[] RatingLevels = ["KHTNV", "HTNV", "HTTNV", "HTXSNV"];

    private static readonly string[] BuiltIns = ["id", "name", "rating", "unitId", "employeeType", "startDate", "monthsWorked", "daysAbsent", "pendingReview"];

    /// <summary>Imports a workflow file.</summary>
    /// <param name="workflowPath">The RulesEngine workflow file (JSON).</param>
    /// <param name="outputPath">Where the rule file will be written (paths in it are made relative to its folder).</param>
    /// <param name="extendsPath">The base rule set (file or folder) the rule file extends, or null.</param>
    /// <param name="declaredFacts">The facts the base declares (name and type), or empty.</param>
    /// <returns>The rule file text and the notes; never throws for a bad workflow file.</returns>
    public static ImportResult Import(string workflowPath, string outputPath, string? extendsPath, IReadOnlyDictionary<string, ValueKind> declaredFacts)
    {
        ArgumentNullException.ThrowIfNull(workflowPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        ArgumentNullException.ThrowIfNull(declaredFacts);
        var workflows = WorkflowDocument.Read(workflowPath, out var problem, out var where);
        if (workflows is null)
        {
            return new ImportResult(null, [], problem, where);
        }

        var notes = new List<ImportNote>();
        var facts = new SortedDictionary<string, ValueKind>(StringComparer.Ordinal);
        var outputFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath)) ?? ".";
        var workflowRelative = Path.GetRelativePath(outputFolder, Path.GetFullPath(workflowPath)).Replace('\\', '/');
        var awards = new JArray();
        foreach (var workflow in workflows.Value)
        {
            var criteria = new JArray();
            var untranslated = false;
            var source = ImportCatalog.Format("rule.source", Language.Vi, workflow.Name, Path.GetFileName(workflowPath));
            if (workflow.HasGlobalParams || workflow.HasInjectedWorkflows)
            {
                var (en, vi) = ImportCatalog.Pair("note.global-params");
                notes.Add(new(workflow.Span, workflow.Name, "", en, vi, true));
                untranslated = true;
            }

            foreach (var rule in workflow.Rules.Where(r => r.Enabled))
            {
                var expr = Translate(rule, workflow.Name, notes, facts, declaredFacts);
                if (expr is null)
                {
                    untranslated = true;
                    continue;
                }

                criteria.Add(new JObject
                {
                    ["id"] = Kebab(rule.Name, "rule"),
                    ["name"] = rule.ErrorMessage is { Length: > 0 } message ? message : rule.Name,
                    ["expr"] = expr,
                    ["basis"] = ImportCatalog.Format("rule.criterion-basis", Language.Vi, rule.Name, source),
                });
            }

            if (untranslated)
            {
                criteria.Add(new JObject
                {
                    ["id"] = "quy-trinh-rulesengine",
                    ["name"] = ImportCatalog.Format("rule.workflow-name", Language.Vi, workflow.Name),
                    ["type"] = RulesEngineCriterionType.TypeName,
                    ["args"] = new JObject { ["workflow"] = workflowRelative, ["workflowName"] = workflow.Name },
                    ["basis"] = ImportCatalog.Format("rule.workflow-basis", Language.Vi, source),
                });
            }

            awards.Add(new JObject
            {
                ["id"] = Kebab(workflow.Name, "workflow"),
                ["name"] = workflow.Name,
                ["subject"] = "individual",
                ["basis"] = ImportCatalog.Format("rule.award-basis", Language.Vi, source),
                ["criteria"] = criteria,
            });
        }

        var file = new JObject
        {
            ["id"] = Kebab(Path.GetFileNameWithoutExtension(workflowPath), "imported"),
            ["name"] = ImportCatalog.Format("rule.file-name", Language.Vi, Path.GetFileName(workflowPath)),
            ["effective"] = new JObject { ["from"] = "2024-01-01" },
        };
        if (extendsPath is not null)
        {
            file["extends"] = Path.GetRelativePath(outputFolder, Path.GetFullPath(extendsPath)).Replace('\\', '/');
        }
        else
        {
            file["scales"] = new JArray(new JObject
            {
                ["id"] = "rating",
                ["levels"] = new JArray(RatingLevels.Select(l => new JObject { ["id"] = l })),
            });
        }

        if (facts.Count > 0)
        {
            file["facts"] = new JArray(facts.Select(f => new JObject
            {
                ["id"] = f.Key,
                ["subject"] = "individual",
                ["type"] = f.Value switch { ValueKind.Number => "number", ValueKind.Text => "string", _ => "bool" },
                ["label"] = f.Key,
            }));
        }

        file["awards"] = awards;
        var builder = new StringBuilder();
        using (var writer = new JsonTextWriter(new StringWriter(builder, CultureInfo.InvariantCulture)) { Formatting = Formatting.Indented })
        {
            file.WriteTo(writer);
        }

        return new ImportResult(builder.Append('\n').ToString(), [.. notes], null, default);
    }

    /// <summary>The kebab-case of a name: "LaoDongTienTien" → "lao-dong-tien-tien", "Rule 1" → "rule-1".</summary>
    public static string Kebab(string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        char previous = ' ';
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var ch = c is 'đ' ? 'd' : c is 'Đ' ? 'D' : c;
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (char.IsAsciiLetterUpper(ch) && builder.Length > 0 && builder[^1] != '-' && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)))
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            previous = ch;
        }

        var result = builder.ToString().Trim('-');
        return result.Length == 0 ? fallback : result;
    }

    private static string? Translate(WorkflowRule rule, string workflow, List<ImportNote> notes, SortedDictionary<string, ValueKind> facts, IReadOnlyDictionary<string, ValueKind> declared)
    {
        void Note(SourceSpan span, string key, params object?[] arguments)
        {
            var (en, vi) = ImportCatalog.Pair(key, arguments);
            notes.Add(new(span, workflow, rule.Name, en, vi, true));
        }

        if (rule.HasLocalParams)
        {
            Note(rule.Span, "note.local-params");
            return null;
        }

        if (!rule.Rules.IsEmpty)
        {
            var or = rule.Operator is { } op && (op.Equals("Or", StringComparison.OrdinalIgnoreCase) || op.Equals("OrElse", StringComparison.OrdinalIgnoreCase));
            var parts = rule.Rules.Where(r => r.Enabled).Select(r => Translate(r, workflow, notes, facts, declared)).ToList();
            return parts.Any(p => p is null) ? null : "(" + string.Join(or ? ") || (" : ") && (", parts) + ")";
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            Note(rule.Span, "note.no-expression");
            return null;
        }

        var tokens = Lex(rule.Expression, out var bad);
        if (bad >= 0)
        {
            Note(rule.ExpressionSpan with { Column = rule.ExpressionSpan.Column + bad }, "note.bad-character");
            return null;
        }

        var output = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (kind, text, at) = tokens[i];
            string? piece = kind switch
            {
                'n' => text.TrimEnd('m', 'M', 'd', 'D', 'f', 'F'),
                's' when !text.Contains('\'', StringComparison.Ordinal) => "'" + text + "'",
                'o' => text switch { "=" => "==", "<>" => "!=", "." => null, _ => text },
                'i' => text.ToLowerInvariant() switch
                {
                    "true" or "false" or "null" => text.ToLowerInvariant(),
                    "and" or "andalso" => "&&",
                    "or" or "orelse" => "||",
                    "not" => "!",
                    _ => null,
                },
                _ => null,
            };

            if (kind == 'i' && text == "input1" && i + 2 < tokens.Count && tokens[i + 1].Text == "." && tokens[i + 2].Kind == 'i')
            {
                var member = tokens[i + 2].Text;
                if (i + 3 < tokens.Count && tokens[i + 3].Text is "(" or ".")
                {
                    Note(rule.ExpressionSpan with { Column = rule.ExpressionSpan.Column + tokens[i + 3].At }, "note.after-member", tokens[i + 3].Text, member);
                    return null;
                }

                var name = BuiltIns.FirstOrDefault(b => b.Equals(member, StringComparison.OrdinalIgnoreCase))
                    ?? declared.Keys.FirstOrDefault(d => d.Equals(member, StringComparison.OrdinalIgnoreCase))
                    ?? facts.Keys.FirstOrDefault(d => d.Equals(member, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    name = member;
                    var kindOf = Neighbour(tokens, i + 3, i - 1);
                    facts[name] = kindOf;
                    var (en, vi) = ImportCatalog.Pair("note.fact-declared", member, Describe(kindOf));
                    notes.Add(new(rule.ExpressionSpan with { Column = rule.ExpressionSpan.Column + tokens[i + 2].At }, workflow, rule.Name, en, vi, false));
                }

                Append(output, name);
                i += 2;
                continue;
            }

            if (piece is null)
            {
                Note(rule.ExpressionSpan with { Column = rule.ExpressionSpan.Column + at }, "note.untranslatable", text);
                return null;
            }

            Append(output, piece);
        }

        return output.ToString();
    }

    private static string Describe(ValueKind kind) => kind switch { ValueKind.Number => "number", ValueKind.Text => "string", _ => "bool" };

    private static ValueKind Neighbour(List<(char Kind, string Text, int At)> tokens, int after, int before)
    {
        // "input1.x >= 6": the literal after the comparison; "6 <= input1.x": the one before it.
        if (after + 1 < tokens.Count && tokens[after].Kind == 'o' && tokens[after].Text is "==" or "!=" or "=" or "<>" or ">=" or "<=" or ">" or "<" or "+" or "-" or "*" or "/")
        {
            return tokens[after + 1].Kind switch { 'n' => ValueKind.Number, 's' => ValueKind.Text, _ => ValueKind.Bool };
        }

        if (before - 1 >= 0 && tokens[before].Kind == 'o' && tokens[before].Text is "==" or "!=" or "=" or "<>" or ">=" or "<=" or ">" or "<" or "+" or "-" or "*" or "/")
        {
            return tokens[before - 1].Kind switch { 'n' => ValueKind.Number, 's' => ValueKind.Text, _ => ValueKind.Bool };
        }

        return ValueKind.Bool;
    }

    private static void Append(StringBuilder output, string piece)
    {
        if (output.Length > 0 && piece is not (")" or ".") && output[^1] is not ('(' or '!' or '.'))
        {
            output.Append(' ');
        }

        output.Append(piece);
    }

    /// <summary>Tokens: n number, s string (its content), i identifier, o operator or punctuation.</summary>
    private static List<(char Kind, string Text, int At)> Lex(string text, out int bad)
    {
        var tokens = new List<(char, string, int)>();
        bad = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                if (i < text.Length && text[i] is 'm' or 'M' or 'd' or 'D' or 'f' or 'F')
                {
                    i++;
                }

                tokens.Add(('n', text[start..i], start));
            }
            else if (c == '"')
            {
                var start = i++;
                var content = new StringBuilder();
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\')
                    {
                        bad = i;
                        return tokens;
                    }

                    content.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    bad = start;
                    return tokens;
                }

                i++;
                tokens.Add(('s', content.ToString(), start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(('i', text[start..i], start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "==" or "!=" or ">=" or "<=" or "&&" or "||" or "<>" or "??")
                {
                    tokens.Add(('o', two, i));
                    i += 2;
                }
                else if (c is '=' or '<' or '>' or '!' or '(' or ')' or '+' or '-' or '*' or '/' or '?' or ':' or '.')
                {
                    tokens.Add(('o', c.ToString(), i));
                    i++;
                }
                else
                {
                    bad = i;
                    return tokens;
                }
            }
        }

        return tokens;
    }
}
