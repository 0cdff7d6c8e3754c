using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Writing;

/// <summary>The canonical output's own writer writes, to the character, what Newtonsoft's JsonTextWriter writes.</summary>
public sealed class CanonicalJsonWriterTests
{
    private abstract record Node;

    private sealed record ObjectNode(IReadOnlyList<(string Name, Node Value)> Members) : Node;

    private sealed record ArrayNode(IReadOnlyList<Node> Items) : Node;

    private sealed record StringNode(string? Value) : Node;

    private sealed record IntNode(int? Value) : Node;

    private sealed record LongNode(long Value) : Node;

    private sealed record DecimalNode(decimal? Value) : Node;

    private sealed record BoolNode(bool Value) : Node;

    private sealed record NullNode : Node;

    private static readonly char[] Characters =
        ['a', 'Z', '0', ' ', '"', '\\', '/', '\'', '<', '&', '\u0000', '\u0001', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001f', '\u007f',
         '\u0085', '\u00a0', 'ệ', 'Đ', '\u2028', '\u2029', '\ud83d', '\ude00', '\ufeff', '\uffff'];

    private static Gen<string> Text() =>
        Gen.Frequency((1, Gen.Constant("")), (6, Gen.Elements(Characters).ArrayOf().Select(c => new string(c))), (1, Gen.Constant(new string('x', 40_000) + "\"")));

    private static Gen<decimal> Decimals() =>
        Gen.Zip(Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)), Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Elements(true, false), Gen.Choose(0, 28))))
            .Select(t => new decimal(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1 == 0 ? 0 : t.Item2.Item1 * 97, t.Item2.Item2.Item1, (byte)t.Item2.Item2.Item2));

    private static Gen<Node> Leaf() => Gen.OneOf(
        Text().Select(s => (Node)new StringNode(s)),
        Gen.Constant((Node)new StringNode(null)),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => (Node)new IntNode(i)),
        Gen.Constant((Node)new IntNode(null)),
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)).Select(t => (Node)new LongNode(((long)t.Item1 << 32) | (uint)t.Item2)),
        Decimals().Select(d => (Node)new DecimalNode(d)),
        Gen.Elements(0m, 1m, -1m, 5.0m, 0.78m, 100m, 0.000001m, decimal.MaxValue, decimal.MinValue).Select(d => (Node)new DecimalNode(d)),
        Gen.Constant((Node)new DecimalNode(null)),
        Gen.Elements(true, false).Select(b => (Node)new BoolNode(b)),
        Gen.Constant((Node)new NullNode()));

    private static Gen<Node> Tree(int size)
    {
        if (size <= 0)
        {
            return Leaf();
        }

        var child = Gen.Sized(_ => Tree(size / 3));
        return Gen.Frequency(
            (2, Leaf()),
            (1, child.ListOf().Select(items => (Node)new ArrayNode([.. items]))),
            (1, Gen.Zip(Text(), child).ListOf().Select(members => (Node)new ObjectNode([.. members]))));
    }

    /// <summary>The calls a document is written with, bound to one writer or the other.</summary>
    private sealed record Sink(
        Action<string> Name, Action<string?> Text, Action<int?> Int, Action<long> Long, Action<decimal?> Decimal, Action<bool> Bool, Action Null,
        Action StartObject, Action EndObject, Action StartArray, Action EndArray);

    private static void Write(Node node, Sink sink)
    {
        switch (node)
        {
            case ObjectNode o:
                sink.StartObject();
                foreach (var (name, value) in o.Members)
                {
                    sink.Name(name);
                    Write(value, sink);
                }

                sink.EndObject();
                break;
            case ArrayNode a:
                sink.StartArray();
                foreach (var item in a.Items)
                {
                    Write(item, sink);
                }

                sink.EndArray();
                break;
            case StringNode s:
                sink.Text(s.Value);
                break;
            case IntNode i:
                sink.Int(i.Value);
                break;
            case LongNode l:
                sink.Long(l.Value);
                break;
            case DecimalNode d:
                sink.Decimal(d.Value);
                break;
            case BoolNode b:
                sink.Bool(b.Value);
                break;
            default:
                sink.Null();
                break;
        }
    }

    private static string Newtonsoft(Node root, bool indented)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = indented ? Formatting.Indented : Formatting.None, Indentation = 2, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
        {
            Write(root, new Sink(json.WritePropertyName, json.WriteValue, json.WriteValue, json.WriteValue, json.WriteValue, json.WriteValue, json.WriteNull,
                json.WriteStartObject, json.WriteEndObject, json.WriteStartArray, json.WriteEndArray));
        }

        return text.ToString();
    }

    private static string Ours(Node root, bool indented)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var json = new CanonicalJsonWriter(text, indented);
        Write(root, new Sink(json.WritePropertyName, json.WriteValue, json.WriteValue, json.WriteValue, json.WriteValue, json.WriteValue, json.WriteNull,
            json.WriteStartObject, json.WriteEndObject, json.WriteStartArray, json.WriteEndArray));
        json.Flush();
        return text.ToString();
    }

    [Property(MaxTest = 1_000)]
    public Property Write_AnyDocument_IsTheTextNewtonsoftWrites()
    {
        var documents = Gen.Sized(size => Tree(Math.Min(size, 40))).Where(n => n is ObjectNode or ArrayNode);
        return Prop.ForAll(Arb.From(documents), Arb.From(Gen.Elements(true, false)), (root, indented) =>
            {
                var expected = Newtonsoft(root, indented);
                var actual = Ours(root, indented);
                return (expected == actual).Label($"expected:\n{expected}\nactual:\n{actual}");
            })
            ;
    }

    [Theory]
    [InlineData(false, """{"a":[],"b":{},"c":[1,"x\u001f\"\\",null,{"d":5.0}],"e":0.78}""")]
    [InlineData(true, "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    \"x\\u001f\\\"\\\\\",\n    null,\n    {\n      \"d\": 5.0\n    }\n  ],\n  \"e\": 0.78\n}")]
    public void Write_KnownDocument_IsExactlyTheCanonicalText(bool indented, string expected)
    {
        var root = new ObjectNode([
            ("a", new ArrayNode([])), ("b", new ObjectNode([])),
            ("c", new ArrayNode([new IntNode(1), new StringNode("x\u001f\"\\"), new NullNode(), new ObjectNode([("d", new DecimalNode(5m))])])),
            ("e", new DecimalNode(0.78m))]);

        Assert.Equal(expected, Ours(root, indented));
        Assert.Equal(expected, Newtonsoft(root, indented));
    }
}
