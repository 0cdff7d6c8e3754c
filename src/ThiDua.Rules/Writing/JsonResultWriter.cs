using System.Collections.Immutable;
using System.Globalization;
using NodaTime.Text;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Explanation;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Writing;

/// <summary>
/// Writes the canonical JSON of design §5: <c>ruleSet</c>, <c>year</c>, <c>asOf</c>, <c>results</c>, <c>targets</c>,
/// <c>scores</c>. Streams; invariant culture; LF line ends; the same result always gives the same bytes.
/// </summary>
/// <remarks>Cost: streams, building each explanation as it is written, so memory does not grow with the number of
/// pairs. Static and thread-safe (one result may be written to several writers at once).</remarks>
public static class JsonResultWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="output">Where to write; flushed, not closed. Its <see cref="TextWriter.NewLine"/> is set to LF while
    /// writing and restored after.</param>
    /// <param name="include">Which pairs to list.</param>
    /// <param name="language">The language of the rendered <c>message</c> fields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="IOException">Writing to <paramref name="output"/> failed (the output may be incomplete).</exception>
    public static void Write(EvaluationResult result, TextWriter output, ResultInclusion include = ResultInclusion.Decided, Language language = Language.Vi) =>
        Write(result, output, new JsonResultOptions { Include = include, Language = language });

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/> with the detail chosen in <paramref name="options"/>.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <param name="options">Which pairs, which criteria, the language, indentation.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">Writing to <paramref name="output"/> failed (the output may be incomplete).</exception>
    public static void Write(EvaluationResult result, TextWriter output, JsonResultOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        // Canonical output uses LF whatever the writer's default (Newtonsoft indents with the writer's NewLine).
        var newLine = output.NewLine;
        output.NewLine = "\n";
        try
        {
            WriteDocument(result, output, options);
        }
        finally
        {
            output.NewLine = newLine;
        }
    }

    private static void WriteDocument(EvaluationResult result, TextWriter output, JsonResultOptions options)
    {
        var renderer = new ExplanationRenderer(options.Language);
        var json = new CanonicalJsonWriter(output, options.Indented);
        json.WriteStartObject();
        json.WritePropertyName("ruleSet");
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(result.RuleSet.Id);
        json.WritePropertyName("version");
        json.WriteValue(result.RuleSet.Version);
        json.WritePropertyName("name");
        json.WriteValue(result.RuleSet.Name);
        if (result.RuleSet.Base is { } baseSet)
        {
            json.WritePropertyName("base");
            json.WriteStartObject();
            json.WritePropertyName("id");
            json.WriteValue(baseSet.Id);
            json.WritePropertyName("version");
            json.WriteValue(baseSet.Version);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WritePropertyName("year");
        json.WriteValue(result.Year);
        json.WritePropertyName("asOf");
        json.WriteValue(LocalDatePattern.Iso.Format(result.AsOf));

        if (options.Criteria is CriteriaDetail.None or CriteriaDetail.NotPassed)
        {
            WriteOutcomes(json, result, options, renderer);
        }
        else
        {
            json.WritePropertyName("results");
            json.WriteStartArray();
            OrderedBlocks.Write(json, options.Indented, options.Parallelism, result.SubjectOrder(), (writer, subject) =>
            {
                foreach (var award in result.ResultsOf(subject, options.Include, CriteriaDetail.All))
                {
                    WriteAward(writer, award, renderer);
                }
            });
            json.WriteEndArray();
        }

        json.WritePropertyName("targets");
        json.WriteStartArray();
        foreach (var target in result.Targets())
        {
            json.WriteStartObject();
            Property(json, "unit", target.Unit);
            Property(json, "target", target.Target);
            Property(json, "status", target.Status.ToName());
            WriteEvidence(json, target.Actual, target.Required, target.Missing, renderer);
            Property(json, "message", renderer.Message(target));
            Property(json, "basis", target.Basis);
            if (target.Due is { } due)
            {
                Property(json, "due", LocalDatePattern.Iso.Format(due));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WritePropertyName("scores");
        json.WriteStartArray();
        foreach (var score in result.Scores())
        {
            json.WriteStartObject();
            Property(json, "subject", score.Subject);
            Property(json, "scoring", score.Table);
            if (score.Cluster is not null)
            {
                Property(json, "cluster", score.Cluster);
            }

            json.WritePropertyName("score");
            json.WriteValue(score.Score);
            json.WritePropertyName("rank");
            json.WriteValue(score.Rank);
            json.WritePropertyName("items");
            json.WriteStartArray();
            foreach (var item in score.Items)
            {
                json.WriteStartObject();
                Property(json, "id", item.Id);
                json.WritePropertyName("points");
                json.WriteValue(item.Points);
                json.WritePropertyName("maxPoints");
                json.WriteValue(item.MaxPoints);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write('\n');
    }

    /// <summary>
    /// The compact listings: each award's name and legal basis once (with <c>--detail reasons</c> (<see cref="CriteriaDetail.NotPassed"/>), each of its
    /// criteria's name and basis too), then each pair with only the fields design §5 fixes (no name, unit, message or
    /// basis repeated a million times) and, with <c>--detail reasons</c> (<see cref="CriteriaDetail.NotPassed"/>), for a pair not recommended, the criteria it
    /// did not pass as structured values: <c>id</c>, <c>status</c>, <c>actual</c>, <c>required</c>, <c>missing</c>.
    /// </summary>
    private static void WriteOutcomes(CanonicalJsonWriter json, EvaluationResult result, JsonResultOptions options, ExplanationRenderer renderer)
    {
        var reasons = options.Criteria == CriteriaDetail.NotPassed;
        var include = options.Include;
        json.WritePropertyName("awards");
        json.WriteStartArray();
        foreach (var (award, criteria) in result.CriterionCatalog())
        {
            json.WriteStartObject();
            Property(json, "id", award.Id);
            Property(json, "name", award.Definition.Name);
            Property(json, "basis", award.Definition.Basis);
            if (reasons)
            {
                json.WritePropertyName("criteria");
                json.WriteStartArray();
                foreach (var criterion in criteria)
                {
                    json.WriteStartObject();
                    Property(json, "id", criterion.Id);
                    Property(json, "name", renderer.Language == Language.En ? criterion.NameEn ?? criterion.Name : criterion.Name);
                    Property(json, "basis", criterion.Basis);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("results");
        json.WriteStartArray();
        OrderedBlocks.Write(json, options.Indented, options.Parallelism, result.SubjectOrder(), reasons
            ? (writer, subject) => WriteReasons(writer, result.ReasonsOf(subject, include, ThreadReasons ??= new(8)), renderer)
            : (writer, subject) =>
            {
                foreach (var pair in result.OutcomesOf(subject, include))
                {
                    WritePair(writer, pair, true);
                }
            });
        json.WriteEndArray();
    }

    /// <summary>Pairs with, for those not recommended, the criteria they did not pass as structured values.</summary>
    // Each writing thread's list of one pair's criteria not passed, refilled pair after pair.
    [ThreadStatic]
    private static List<ExplanationBuilder.Reason>? ThreadReasons;

    private static void WriteReasons(CanonicalJsonWriter json, IEnumerable<(PairOutcome Pair, List<ExplanationBuilder.Reason> NotPassed)> reasons, ExplanationRenderer renderer)
    {
        foreach (var (pair, notPassed) in reasons)
        {
            WritePair(json, pair, false);
            if (notPassed.Count > 0)
            {
                json.WritePropertyName("criteria");
                json.WriteStartArray();
                foreach (var criterion in notPassed)
                {
                    json.WriteStartObject();
                    Property(json, "id", criterion.Id);
                    Property(json, "status", criterion.Status.ToName());
                    WriteEvidence(json, criterion.Actual, criterion.Required, criterion.Missing, renderer);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }

    /// <summary>A pair's fixed fields; the object is left open unless <paramref name="close"/>.</summary>
    private static void WritePair(CanonicalJsonWriter json, PairOutcome pair, bool close)
    {
        json.WriteStartObject();
        Property(json, "subject", pair.Subject);
        Property(json, "subjectKind", KindName(pair.Kind));
        Property(json, "award", pair.Award);
        Property(json, "outcome", pair.Outcome.ToName());
        if (pair.SupersededBy is not null)
        {
            Property(json, "supersededBy", pair.SupersededBy);
        }

        if (pair.Council is { } council)
        {
            Property(json, "council", council.ToName());
        }

        if (pair.Rank > 0)
        {
            WriteRank(json, pair.Rank, pair.QuotaPlaces);
        }

        if (close)
        {
            json.WriteEndObject();
        }
    }

    /// <summary>A ranked pair's place in its quota's ranking and the number of places.</summary>
    private static void WriteRank(CanonicalJsonWriter json, int rank, int? quotaPlaces)
    {
        json.WritePropertyName("rank");
        json.WriteValue(rank);
        json.WritePropertyName("quotaPlaces");
        json.WriteValue(quotaPlaces);
    }

    private static void WriteAward(CanonicalJsonWriter json, AwardResult award, ExplanationRenderer renderer)
    {
        json.WriteStartObject();
        Property(json, "subject", award.Subject);
        Property(json, "subjectKind", KindName(award.SubjectKind));
        if (award.SubjectName is not null)
        {
            Property(json, "name", award.SubjectName);
        }

        if (award.Unit is not null)
        {
            Property(json, "unit", award.Unit);
        }

        Property(json, "award", award.Award);
        Property(json, "outcome", award.Outcome.ToName());
        if (award.SupersededBy is not null)
        {
            Property(json, "supersededBy", award.SupersededBy);
        }

        if (award.Position is not null)
        {
            Property(json, "position", award.Position);
        }

        if (award.UnitProposed is { } proposed)
        {
            json.WritePropertyName("unitProposed");
            json.WriteValue(proposed);
            if (award.ProposalCheck is { } check)
            {
                Property(json, "proposalCheck", check.ToName());
            }
        }

        if (award.Vote is { } vote)
        {
            if (award.Council is { } council)
            {
                Property(json, "council", council.ToName());
            }

            json.WritePropertyName("vote");
            json.WriteStartObject();
            json.WritePropertyName("members");
            json.WriteValue(vote.Members);
            json.WritePropertyName("yes");
            json.WriteValue(vote.Yes);
            if (award.CouncilShare is { } share)
            {
                Property(json, "required", (share * 100m).ToString("0.############", CultureInfo.InvariantCulture) + "%");
            }

            json.WriteEndObject();
        }

        if (award.Rank is { } rank)
        {
            WriteRank(json, rank, award.QuotaPlaces);
        }

        Property(json, "basis", award.Basis);
        json.WritePropertyName("criteria");
        json.WriteStartArray();
        foreach (var criterion in award.Criteria)
        {
            json.WriteStartObject();
            Property(json, "id", criterion.Id);
            Property(json, "status", criterion.Status.ToName());
            WriteEvidence(json, criterion.Actual, criterion.Required, criterion.Missing, renderer);
            Property(json, "message", renderer.Message(criterion));
            Property(json, "basis", criterion.Basis);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEvidence(CanonicalJsonWriter json, ExplainedValue? actual, Requirement? required, IReadOnlyCollection<string> missing, ExplanationRenderer renderer)
    {
        if (actual is not null)
        {
            json.WritePropertyName("actual");
            WriteValue(json, actual);
            if (actual.Value is Fraction f)
            {
                json.WritePropertyName("count");
                json.WriteValue(f.Numerator);
                json.WritePropertyName("of");
                json.WriteValue(f.Denominator);
            }
        }

        if (required is not null)
        {
            json.WritePropertyName("required");
            WriteRequired(json, required, renderer);
        }

        if (missing.Count > 0)
        {
            json.WritePropertyName("missing");
            json.WriteStartArray();
            foreach (var m in missing)
            {
                json.WriteValue(m);
            }

            json.WriteEndArray();
        }
    }

    /// <summary>A requirement as <see cref="RequiredText"/> words it, the usual numbers formatted in place (a million
    /// people's reasons make no string of them).</summary>
    private static void WriteRequired(CanonicalJsonWriter json, Requirement required, ExplanationRenderer renderer)
    {
        Span<char> text = stackalloc char[80];
        var op = required.Operator;
        var start = op.Length + 1;
        if (start < 16 && required.Value.Value is decimal d && Format(required.Value.IsPercent ? d * 100m : d, required.Value.IsPercent, text[start..]) is var written and > 0)
        {
            op.CopyTo(text);
            text[op.Length] = ' ';
            json.WriteValue(text[..(start + written)]);
            return;
        }

        json.WriteValue(op + " " + RequiredText(required.Value, renderer));

        static int Format(decimal value, bool percent, Span<char> into)
        {
            var formatted = percent
                ? value.TryFormat(into, out var n, "0.############", CultureInfo.InvariantCulture) && n < into.Length
                : value.TryFormat(into, out n, default, CultureInfo.InvariantCulture);
            if (!formatted)
            {
                return 0;
            }

            if (percent)
            {
                into[n++] = '%';
            }

            return n;
        }
    }

    /// <summary>Requirements in the canonical JSON use invariant formatting: <c>&gt; 80%</c>, <c>≥ HTTNV</c>.</summary>
    private static string RequiredText(ExplainedValue value, ExplanationRenderer renderer) => value.Value switch
    {
        decimal d when value.IsPercent => (d * 100m).ToString("0.############", CultureInfo.InvariantCulture) + "%",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        NodaTime.LocalDate date => LocalDatePattern.Iso.Format(date),
        bool b => b ? "true" : "false",
        null => "null",
        _ => renderer.Format(value),
    };

    private static void WriteValue(CanonicalJsonWriter json, ExplainedValue value)
    {
        switch (value.Value)
        {
            case Fraction f:
                json.WriteValue(Math.Round(f.ToDecimal(), 6, MidpointRounding.AwayFromZero));
                break;
            case decimal d:
                json.WriteValue(d);
                break;
            case bool b:
                json.WriteValue(b);
                break;
            case NodaTime.LocalDate date:
                json.WriteValue(LocalDatePattern.Iso.Format(date));
                break;
            case string s:
                json.WriteValue(s);
                break;
            default:
                json.WriteNull();
                break;
        }
    }

    private static string KindName(Model.SubjectKind kind) => kind switch
    {
        Model.SubjectKind.Individual => "individual",
        Model.SubjectKind.Unit => "unit",
        Model.SubjectKind.Enterprise => "enterprise",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void Property(CanonicalJsonWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}

/// <summary>How much <see cref="JsonResultWriter"/> writes. Immutable; the defaults give the canonical output of design §5.</summary>
public sealed record JsonResultOptions
{
    /// <summary>Which pairs to list (default: decided).</summary>
    public ResultInclusion Include { get; init; } = ResultInclusion.Decided;

    /// <summary>The language of the rendered <c>message</c> fields (default Vietnamese).</summary>
    public Language Language { get; init; } = Language.Vi;

    /// <summary>Which criteria each result lists (default: all, each with its message and basis).</summary>
    public CriteriaDetail Criteria { get; init; } = CriteriaDetail.All;

    /// <summary>Indent with two spaces (default); when false, no white space at all (a smaller, faster file).</summary>
    public bool Indented { get; init; } = true;

    /// <summary>How many threads build the results' text (the text is the same for any number; tests compare them).</summary>
    internal int Parallelism { get; init; } = Environment.ProcessorCount;
}
