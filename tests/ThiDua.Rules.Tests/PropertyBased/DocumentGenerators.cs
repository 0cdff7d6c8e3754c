using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Expressions.Syntax;

namespace ThiDua.Rules.Tests.PropertyBased;

/// <summary>
/// FsCheck generators of whole rule and data documents: built from the grammar (every member of the format, with
/// well-typed and ill-typed expressions, values of the right and of the wrong JSON type, references that resolve and
/// that do not), and by mutating valid files (text edits and JSON-token edits).
/// </summary>
internal static class DocumentGenerators
{
    private static readonly string[] AwardIds = ["cs", "tt", "doanh-nghiep", "giay-khen"];
    private static readonly string[] BadIds = ["Bad Id", "", "base", "lao-động"];
    private static readonly string[] SubjectKinds = ["individual", "individual", "unit", "enterprise"];
    private static readonly string[] Ratings = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];
    private static readonly string[] BadRatings = ["HTT", "", "htxsnv"];
    private static readonly string[] Dates = ["2024-06-30", "2015-03-01", "2023-01-15"];
    private static readonly string[] BadDates = ["2024-02-30", "30/06/2024", "2024-6-1", "", "2024-12-31T00:00:00"];
    // Unit i has id UnitIds[i]; "PHÒNG" is also referred to in its decomposed (NFD) spelling, as some spreadsheets write it.
    private static readonly string[] UnitIds = ["U0", "PHÒNG", "U2", "U3"];
    private static readonly string[] MemberNames = ["id", "name", "note", "critera", "monthWorked", "rankby", "$schema", "nameEn", "facts", "x"];

    /// <summary>Expressions that try to leave the sandbox or to exhaust the engine.</summary>
    public static readonly string[] Escapes =
    [
        "GetType()", "rating.GetType() == null", "System.IO.File.ReadAllText('x') == ''", "Environment.Exit(1)", "DateTime.Now > asOf",
        "typeof(string)", "new List()", "x = 1", "this.password == ''", "members.count(m => m.salary > 0) > 0", "'a' + 'a' == 'aa'",
        "rating.Levels.Count > 0", "params.GetType() == null", "asOf.AddDays(1) > asOf", "year.ToString() == '2024'", "(1)(2)", "conduct()",
        "members[0].rating", "m => true", "has('base', 'base', 'base')", "round(1, 100000) > 0", "round(1, -100000) > 0",
        "date(999999, 1, 1) == null", "awardCount('base', 1000000000000) > 0", "had('base', 99999999999) == false",
        "monthsWorked / 0 > 1", "bonusPoints * 79228162514264337593543950335 * 10 > 0", "-(-(-1)) < 0", "\u0000", "'\\'",
    ];

    // ----- JSON values -----

    /// <summary>A JSON value of any type, for a member given the wrong one.</summary>
    public static Gen<JToken> AnyValue() => Gen.OneOf(
        Gen.Constant<JToken>(JValue.CreateNull()),
        Gen.Elements(true, false).Select(b => (JToken)new JValue(b)),
        Gen.Choose(-3, 3000).Select(n => (JToken)new JValue(n)),
        Gen.Elements(0.5m, -1.25m, 100000000000000000000m, 79228162514264337593543950335m, 0.0000000000000000000000000001m).Select(d => (JToken)new JValue(d)),
        Gen.Elements("123456789012345678901234567890123", "-99999999999999999999999999999999").Select(n => (JToken)new JValue(System.Numerics.BigInteger.Parse(n, System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Elements("", "HTTNV", "2024-02-30", "2024-06-30", "15%", "150%", "abc", "ư", "base", "NaN", "true", "12").Select(s => (JToken)new JValue(s)),
        Gen.Constant<JToken>(new JArray()),
        Gen.Constant<JToken>(new JObject()),
        Gen.Constant<JToken>(new JArray(1, "a", JValue.CreateNull())));

    private static Gen<JToken> Text(params string[] values) => Gen.Elements(values).Select(s => (JToken)new JValue(s));

    /// <summary>Mostly one of the right values, now and then a wrong one (so that documents fail one way at a time).</summary>
    private static Gen<T> Mostly<T>(Gen<T> right, Gen<T> wrong) => Gen.Frequency((100, right), (1, wrong));

    private static Gen<JToken> Maybe(Gen<JToken> gen, int presentWeight = 3) =>
        Gen.Frequency((presentWeight, gen), (1, Gen.Constant<JToken>(null!)));

    private static JObject Object(params (string Name, JToken? Value)[] members)
    {
        var obj = new JObject();
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                obj[name] = value;
            }
        }

        return obj;
    }

    /// <summary>Between 0 and <paramref name="max"/> elements, each made from its index (so that ids can be distinct).</summary>
    private static Gen<T[]> Indexed<T>(Func<int, Gen<T>> element, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), element));

    private static Gen<JArray> ArrayOf<T>(Gen<T> element, int max)
        where T : JToken =>
        Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(element, n)).Select(items => new JArray(items));

    // ----- expressions -----

    /// <summary>Expression text for a subject: mostly well-typed, also random syntax, token soup, escapes and limits.</summary>
    public static Gen<string> Expression(bool individual) => Gen.Frequency(
        (40, individual ? ExpressionGenerators.IndividualBool() : ExpressionGenerators.UnitBool()),
        (2, ExpressionGenerators.Syntax().Select(ExpressionPrinter.Print)),
        (1, Gen.ArrayOf(Gen.Elements("(", ")", "[", "]", "rating", "'HTTNV'", ">=", "&&", "||", "!", "m", "=>", ".", "count", ",", "1", "70%", "?", ":", "??", "in", "not", "null", "\"", "'", "members"))
            .Select(tokens => string.Join(" ", tokens))),
        (1, Gen.Elements(Escapes)),
        (1, Gen.Choose(1, 70).Select(depth => Nested(depth, individual))),
        (1, Gen.Choose(3_980, 4_020).Select(length => Long(length))));

    /// <summary>Aggregates nested <paramref name="depth"/> deep (or parentheses, for an individual).</summary>
    public static string Nested(int depth, bool individual) => individual
        ? new string('(', depth) + "rating >= 'HTTNV'" + new string(')', depth)
        : string.Concat(Enumerable.Range(0, depth).Select(i => $"members.count(m{i} => ")) + "true" + string.Concat(Enumerable.Repeat(") > 0", depth));

    /// <summary>A sum of ones about <paramref name="length"/> characters long (left-deep, no parentheses).</summary>
    public static string Long(int length) => string.Concat(Enumerable.Repeat("1 + ", Math.Max(1, (length - 6) / 4))) + "1 >= 0";

    // ----- rule documents -----

    /// <summary>A rule document built from the grammar over <see cref="Builders.TestRules.StandardDeclarations"/>, then perturbed.</summary>
    public static Gen<string> RuleDocument() =>
        from awards in Indexed(Award, 1, 4)
        from targets in Indexed(Target, 0, 2).Select(t => new JArray(t))
        from scoring in ArrayOf(Scoring(), 1)
        from parameters in Indexed(Parameter, 0, 2).Select(p => new JArray(p))
        from tests in ArrayOf(RuleTest(), 1)
        from effective in Mostly(
            Gen.Constant<JToken>(new JObject { ["from"] = "2024-01-01" }),
            Gen.OneOf(Gen.Elements<JToken>(new JObject { ["from"] = "2024-02-30" }, new JObject { ["from"] = "2024-01-01", ["to"] = "2023-01-01" }, new JObject()), AnyValue()))
        let document = Document(awards, targets, scoring, parameters, tests, effective)
        from perturbed in Perturb(document)
        select perturbed.ToString(Newtonsoft.Json.Formatting.Indented);

    private static JObject Document(JObject[] awards, JArray targets, JArray scoring, JArray parameters, JArray tests, JToken effective)
    {
        // The standard declarations (scales, facts, parameters) are JSON members; parse them once into an object.
        var document = JObject.Parse("{" + Builders.TestRules.StandardDeclarations + "}");
        document.AddFirst(new JProperty("effective", effective));
        document.AddFirst(new JProperty("name", "Bộ quy tắc sinh ngẫu nhiên"));
        document.AddFirst(new JProperty("id", "fuzz"));

        // "base" first and always present, so that has('base') in generated expressions can resolve.
        var all = new JArray(awards.Prepend(BaseAward()));
        document["awards"] = all;
        foreach (var parameter in parameters)
        {
            ((JArray)document["parameters"]!).Add(parameter);
        }

        AddIfAny(document, "targets", targets);
        AddIfAny(document, "scoring", scoring);
        AddIfAny(document, "tests", tests);
        return document;
    }

    private static void AddIfAny(JObject document, string name, JArray items)
    {
        if (items.Count > 0)
        {
            document[name] = items;
        }
    }

    private static JObject BaseAward() => Object(
        ("id", "base"), ("name", "Cơ sở"), ("subject", "individual"), ("basis", "Điều 1"),
        ("criteria", new JArray(Object(("id", "c"), ("expr", "rating >= 'HTTNV' && conduct"), ("basis", "Điều 1")))));

    private static Gen<JObject> Award(int index) =>
        from id in Mostly(Gen.Constant(AwardIds[index % AwardIds.Length]), Gen.Elements(BadIds))
        from subject in Mostly(Gen.Elements(SubjectKinds), Gen.Constant("person"))
        from criteria in Indexed(i => Criterion(i, subject != "individual"), 0, 3)
        from requires in Gen.Frequency((10, Gen.Constant<JToken>(null!)), (1, ArrayOf(Mostly(Text("base"), Text(AwardIds)), 2).Select(a => (JToken)a)))
        from quota in Gen.Frequency((3, Gen.Constant<JToken>(null!)), (1, Quota(subject == "individual").Select(q => (JToken)q)))
        from name in Gen.Elements("Lao động tiên tiến", "", "Giấy khen")
        select Object(("id", id), ("name", name), ("subject", subject), ("basis", "Điều 2"),
            ("requires", requires), ("criteria", new JArray(criteria)), ("quota", quota));

    private static Gen<JObject> Criterion(int index, bool collective) =>
        from id in Mostly(Gen.Constant("tieu-chi-" + index), Gen.Elements("C D", "tieu-chi-0"))
        from kind in Gen.Frequency((200, Gen.Constant("expr")), (collective ? 1 : 20, Gen.Constant("type")), (1, Gen.Constant("both")), (1, Gen.Constant("neither")))
        from expr in Expression(!collective)
        from type in Mostly(Gen.Constant("no-pending-review"), Gen.Elements("khong-co", ""))
        select Object(("id", id), ("basis", "Điều 3"),
            ("expr", kind is "expr" or "both" ? expr : null),
            ("type", kind is "type" or "both" ? type : null));

    private static Gen<JObject> Quota(bool individual) =>
        from max in Mostly(Gen.Elements<JToken>("15%", "0%", "100%", "params.cap", "params.noCap", "1/0", 0.5m), Gen.Elements<JToken>("150%", "-5%", "'x'", "abc(", 3, -1, "cap"))
        from count in Maybe(Gen.Elements(true, false).Select(b => (JToken)new JValue(b)), 1)
        from of in Maybe(Gen.Elements<JToken>("members.count(m => m.has('base'))", "members.count()", "year", "'x'", "m.rating"), 1)
        from per in Maybe(Mostly(Text("unit", "agency", "cluster", "all"), Text("province")), 2)
        from rounding in Maybe(Mostly(Text("floor", "ceiling", "nearest"), Text("up")), 1)
        from rankBy in ArrayOf(
            from expr in Mostly(individual ? Gen.Elements("rating", "bonusPoints", "startDate", "name", "initiatives.count()") : Gen.Elements("rating", "name", "members.count()"), Expression(individual))
            from order in Maybe(Mostly(Text("asc", "desc"), Text("up")), 1)
            select Object(("expr", expr), ("order", order)), 2)
        select Object(("max", max), ("count", count), ("of", of), ("per", per), ("rounding", rounding), ("rankBy", rankBy));

    private static Gen<JObject> Target(int index) =>
        from id in Mostly(Gen.Constant("muc-tieu-" + index), Gen.Constant("Muc Tieu"))
        from subject in Maybe(Mostly(Text("agency", "unit", "enterprise"), Text("province")), 2)
        from expr in Gen.OneOf(Expression(individual: false), Gen.Elements("allMembers.ratio(m => m.has('base')) > 80%", "subunits.count() > 0"))
        from due in Maybe(Mostly(Text(Dates), Text(BadDates)), 1)
        select Object(("id", id), ("name", "Chỉ tiêu"), ("basis", "KH 1"), ("subject", subject), ("expr", expr), ("due", due));

    private static Gen<JObject> Scoring() =>
        from subject in Mostly(Gen.Elements("unit", "enterprise"), Gen.Constant("individual"))
        from within in Maybe(Mostly(Text("cluster", "all"), Text("tinh")), 2)
        from items in ArrayOf(
            from expr in Mostly(Gen.Elements("movement ? 30 : 0", "members.count() * 2", "members.avg(m => m.bonusPoints ?? 0)"), Gen.OneOf(Gen.Elements("'x'", "movement"), Expression(individual: false)))
            from maxPoints in Mostly(Gen.Elements<JToken>(30, 0, 10.5m), Gen.Elements<JToken>(-5, "30", 100000000000000000000m))
            select Object(("id", "muc"), ("name", "Mục"), ("maxPoints", maxPoints), ("expr", expr)), 3)
        select Object(("id", "diem"), ("name", "Bảng điểm"), ("subject", subject), ("rankWithin", within), ("items", items));

    private static Gen<JObject> Parameter(int index) =>
        from id in Mostly(Gen.Constant("thamSo" + index), Gen.Elements("bad id", "cap"))
        from typed in Gen.Elements<(string, JToken)>(("number", "10%"), ("number", 2), ("bool", true), ("string", "x"), ("date", "2024-06-30"), ("number", JValue.CreateNull()))
        from type in Mostly(Gen.Constant<JToken>(typed.Item1), Gen.Elements<JToken>("scale", "int", null!))
        from value in Mostly(Gen.Constant(typed.Item2), AnyValue())
        select Object(("id", id), ("type", type), ("value", value));

    private static Gen<JObject> RuleTest() =>
        from unitCount in Gen.Choose(0, 2)
        from units in Gen.CollectToArray(Enumerable.Range(0, unitCount), i => Unit(i))
        from individuals in Indexed(i => Individual(i, unitCount), 0, 3)
        from outcome in Mostly(Gen.Elements("recommended", "not-eligible", "insufficient-data", "eligible-over-quota"), Gen.Constant("passed"))
        from subject in Gen.Elements("NV0", "NV1", "U0", "PHÒNG", "KHONG-CO")
        from award in Gen.Elements(AwardIds.Append("base").ToArray())
        from asOf in Maybe(Mostly(Text("2024-12-31"), Text(BadDates)), 1)
        select Object(("id", "kiem-thu"), ("name", "Kiểm thử"), ("asOf", asOf), ("year", 2024),
            ("params", new JObject { ["cap"] = "10%" }),
            ("defaults", new JObject { ["individual"] = new JObject { ["rating"] = "HTTNV", ["facts"] = new JObject { ["conduct"] = true } } }),
            ("units", new JArray(units)), ("individuals", new JArray(individuals)),
            ("expect", new JArray(Object(("subject", subject), ("award", award), ("outcome", outcome), ("because", new JArray("tieu-chi-0"))))));

    // ----- data documents -----

    /// <summary>A data document built from the format of design §3, with random field types, then perturbed.</summary>
    public static Gen<string> DataDocument() =>
        from year in Mostly(Gen.Constant<JToken>(2024), AnyValue())
        from asOf in Maybe(Mostly(Text("2024-12-31", "2024-06-30"), Gen.OneOf(Text(BadDates), AnyValue())), 3)
        from unitCount in Gen.Choose(0, 4)
        from units in Gen.CollectToArray(Enumerable.Range(0, unitCount), i => Unit(i))
        from individuals in Indexed(i => Individual(i, unitCount), 0, 8)
        let document = Object(("year", year), ("asOf", asOf), ("units", new JArray(units)), ("individuals", new JArray(individuals)))
        from perturbed in Perturb(document)
        select perturbed.ToString(Newtonsoft.Json.Formatting.Indented);

    private static Gen<JToken> ScalarOrWrong(Gen<JToken> right) => Gen.Frequency((40, right), (1, AnyValue()));

    /// <summary>A reference to one of the first <paramref name="count"/> units, now and then to one that does not exist.</summary>
    private static Gen<JToken> UnitReference(int count) =>
        count == 0
            ? Text("KHONG-CO")
            : Mostly(Gen.Choose(0, count - 1).Select(i => (JToken)(i == 1 ? "PHO\u0300NG" : UnitIds[i])), Text("KHONG-CO", "U9"));

    private static Gen<JObject> Unit(int index) =>
        from id in ScalarOrWrong(Mostly(Text(UnitIds[index]), Text(UnitIds[0])))
        from parent in index == 0 ? Gen.Constant<JToken>(null!) : Maybe(ScalarOrWrong(UnitReference(index)), 1)
        from kind in Maybe(ScalarOrWrong(Mostly(Text("unit", "enterprise"), Text("units"))), 2)
        from rating in Maybe(ScalarOrWrong(Mostly(Text(Ratings), Text(BadRatings))), 3)
        from cluster in Maybe(Text("A", "B"), 1)
        from facts in Maybe(Facts(("movement", Bool), ("budget", Number)).Select(f => (JToken)f), 2)
        from history in Maybe(History().Select(h => (JToken)h), 1)
        select Object(("id", id), ("name", "Đơn vị"), ("parent", parent), ("kind", kind), ("rating", rating), ("cluster", cluster),
            ("facts", facts), ("history", history));

    private static Gen<JObject> Individual(int index, int units) =>
        from id in ScalarOrWrong(Mostly(Text("NV" + index), Text("NV0")))
        from unit in Maybe(ScalarOrWrong(UnitReference(units)), units == 0 ? 1 : 8)
        from rating in Maybe(ScalarOrWrong(Mostly(Text(Ratings), Text(BadRatings))), 4)
        from startDate in Maybe(ScalarOrWrong(Mostly(Text(Dates), Text(BadDates))), 2)
        from months in Maybe(ScalarOrWrong(Mostly(Gen.Elements<JToken>(12, 5, 0, 11.5m, 3), Gen.Constant<JToken>(13))), 2)
        from absent in Maybe(ScalarOrWrong(Mostly(Gen.Elements<JToken>(0, 3), Gen.Constant<JToken>(-2))), 1)
        from discipline in Maybe(Discipline(), 1)
        from pending in Maybe(ScalarOrWrong(Gen.Elements<JToken>(true, false)), 1)
        from initiatives in Maybe(ArrayOf(Initiative(), 3).Select(a => (JToken)a), 1)
        from facts in Maybe(Facts(("conduct", Bool), ("bonusPoints", Number), ("partyMember", Bool), ("khongKhaiBao", AnyValue())).Select(f => (JToken)f), 3)
        from history in Maybe(History().Select(h => (JToken)h), 2)
        from employeeType in Maybe(Text("cong-chuc", "vien-chuc", "nguoi-lao-dong"), 1)
        select Object(("id", id), ("name", "Người"), ("unit", unit), ("rating", rating), ("employeeType", employeeType), ("startDate", startDate),
            ("monthsWorked", months), ("daysAbsent", absent), ("discipline", discipline), ("pendingReview", pending),
            ("initiatives", initiatives), ("researchWorks", initiatives?.DeepClone()), ("facts", facts), ("history", history));

    private static Gen<JToken> Discipline() => Gen.Frequency(
        (20, from level in ScalarOrWrong(Mostly(Text("khien-trach", "canh-cao", "cach-chuc"), Text("canh-bao", "")))
            from date in Maybe(ScalarOrWrong(Mostly(Text(Dates), Text(BadDates))), 3)
            from end in Maybe(Text(Dates), 1)
            select (JToken)Object(("level", level), ("date", date), ("endDate", end))),
        (1, AnyValue()));

    private static Gen<JToken> Initiative() =>
        from scope in Maybe(ScalarOrWrong(Mostly(Text("co-so", "tinh", "toan-quoc"), Text("quoc-te"))), 4)
        from recognized in Maybe(ScalarOrWrong(Mostly(Text(Dates), Text(BadDates))), 3)
        select (JToken)Object(("name", "Sáng kiến"), ("scope", scope), ("recognizedOn", recognized));

    private static readonly Gen<JToken> Bool = Gen.Elements<JToken>(true, false, JValue.CreateNull());

    private static readonly Gen<JToken> Number = Gen.Elements<JToken>(0, 3, 0.5m, 1200000000, JValue.CreateNull());

    /// <summary>Facts with values of their declared type (now and then another), each member present or not.</summary>
    private static Gen<JObject> Facts(params (string Name, Gen<JToken> Value)[] facts) =>
        Gen.CollectToArray(facts, f => Maybe(ScalarOrWrong(f.Value), 3)).Select(values =>
        {
            var obj = new JObject();
            for (var i = 0; i < facts.Length; i++)
            {
                if (values[i] is not null)
                {
                    obj[facts[i].Name] = values[i];
                }
            }

            return obj;
        });

    private static Gen<JObject> History() =>
        from years in Mostly(Gen.SubListOf(["2019", "2020", "2021", "2022", "2023", "2024"]), Gen.SubListOf(["2023", "năm", "99999"]))
        from ratings in Gen.ArrayOf(ScalarOrWrong(Mostly(Text(Ratings), Text(BadRatings))), years.Count)
        from awards in Gen.ArrayOf(ArrayOf(Mostly(Gen.OneOf(Text("base", "cs", "khong-co"), Gen.Constant<JToken>(new JObject { ["id"] = "base", ["decidedOn"] = "2023-05-01" })), AnyValue()), 3), years.Count)
        from facts in Gen.ArrayOf(Maybe(Facts(("conduct", Bool), ("bonusPoints", Number), ("movement", Bool)).Select(f => (JToken)f), 1), years.Count)
        select new JObject(years.Select((y, i) => new JProperty(y, Object(("rating", ratings[i]), ("awards", awards[i]), ("facts", facts[i])))));

    // ----- mutation -----

    /// <summary>Up to three edits of a document's tokens: a value of another type, a misspelt or removed member, an unknown member, a repeated element.</summary>
    public static Gen<JToken> Perturb(JToken document) =>
        Gen.Frequency((10, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Choose(2, 3)))
            .SelectMany(count => Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 5), Gen.Zip(Gen.Choose(0, int.MaxValue - 1), AnyValue())), count))
            .Select(edits =>
            {
                var copy = document.DeepClone();
                foreach (var (kind, (where, value)) in edits)
                {
                    Edit(copy, kind, where, value);
                }

                return copy;
            });

    private static void Edit(JToken document, int kind, int where, JToken value)
    {
        var properties = document is JContainer container ? container.Descendants().OfType<JProperty>().ToList() : [];
        if (properties.Count == 0)
        {
            return;
        }

        var property = properties[where % properties.Count];
        switch (kind)
        {
            case 0:
            case 1:
                property.Value = value.DeepClone();
                break;
            case 2:
                // The misspelt name is checked, not another: two edits of "2023" and "2024" both give "202x", and a
                // JSON object cannot hold a name twice (JObject throws; the generator, not the reader, failed).
                var misspelt = property.Name.Length > 1 ? property.Name[..^1] + "x" : "x";
                if (property.Parent is JObject parent && !parent.ContainsKey(misspelt))
                {
                    property.Replace(new JProperty(misspelt, property.Value));
                }

                break;
            case 3:
                property.Remove();
                break;
            case 4:
                if (property.Parent is JObject owner)
                {
                    owner[MemberNames[where % MemberNames.Length] + "Khac"] = value.DeepClone();
                }

                break;
            default:
                if (property.Value is JArray { Count: > 0 } array)
                {
                    array.Add(array[where % array.Count].DeepClone());
                }

                break;
        }
    }

    /// <summary>Text edits of a valid file: a deletion, an insertion of JSON or expression noise, a truncation, a swapped pair of characters.</summary>
    public static Gen<string> TextMutation(string valid)
    {
        var position = Gen.Choose(0, valid.Length - 1);
        var noise = Gen.Elements("", "{", "}", "[", "]", ",", ":", "\"", "null", "1e400", "NaN", "-1", "true", "'", "\\", "ư", "\u0000", "\uFEFF",
            "=>", "((", "%", "\"x\": 1,", "[[[[[[[[", "12345678901234567890123456789012345", "\\u00", "e+", "/*", "//");
        var replace = from at in position
                      from length in Gen.Choose(0, 12)
                      from text in noise
                      select valid[..at] + text + valid[Math.Min(valid.Length, at + length)..];
        var truncate = position.Select(at => valid[..at]);
        var swap = position.Select(at => at + 1 < valid.Length ? valid[..at] + valid[at + 1] + valid[at] + valid[(at + 2)..] : valid);
        return Gen.Frequency((5, replace), (1, truncate), (1, swap), (2, replace.SelectMany(once => Gen.Choose(0, Math.Max(0, once.Length - 1))
            .SelectMany(at => noise.Select(text => once[..at] + text + once[at..])))));
    }

    /// <summary>Token edits of a valid file (parsed once by the caller).</summary>
    public static Gen<string> TokenMutation(JToken valid) =>
        Perturb(valid).Select(t => t.ToString(Newtonsoft.Json.Formatting.Indented));
}
