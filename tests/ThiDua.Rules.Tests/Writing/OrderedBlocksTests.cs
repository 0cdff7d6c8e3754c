using ThiDua.Rules.Benchmarks.Data;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Writing;
using Xunit;

namespace ThiDua.Rules.Tests.Writing;

/// <summary>
/// The results' text is built in blocks on several threads and handed over in order: it must be the text one thread
/// writes, byte for byte, whatever the detail, the indentation, the pairs listed and the blocks left empty.
/// </summary>
public sealed class OrderedBlocksTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Blocks_GiveTheTextOfOneThread_EvenWithEmptyBlocks(bool indented)
    {
        // Items 0..4999: only some are written, so whole blocks (1024..2047, 2048..3071) write nothing.
        var items = Enumerable.Range(0, 5_000).ToArray();
        static void WriteItem(CanonicalJsonWriter json, int item)
        {
            if (item < 700 || item is >= 3_100 and < 3_110 || item % 997 == 0 && item > 4_000)
            {
                json.WriteStartObject();
                json.WritePropertyName("n");
                json.WriteValue(item);
                json.WriteEndObject();
            }
        }

        Assert.Equal(Write(indented, 1, items, WriteItem), Write(indented, 4, items, WriteItem));
        Assert.Equal(Write(indented, 1, items, WriteItem), Write(indented, 2, items, WriteItem));
        Assert.Contains("3109", Write(indented, 4, items, WriteItem), StringComparison.Ordinal);
    }

    [Fact]
    public void NothingWritten_IsAnEmptyArray()
    {
        var items = Enumerable.Range(0, 3_000).ToArray();
        Assert.Equal("{\"results\":[]}", Write(false, 4, items, (_, _) => { }));
    }

    [Fact]
    public void AFailingItem_IsReportedAsThrown()
    {
        var items = Enumerable.Range(0, 5_000).ToArray();
        var error = Assert.Throws<InvalidOperationException>(() => Write(false, 4, items, (json, item) =>
        {
            if (item == 2_500)
            {
                throw new InvalidOperationException("item 2500");
            }

            json.WriteValue(item);
        }));
        Assert.Equal("item 2500", error.Message);
    }

    public static TheoryData<CriteriaDetail, bool, ResultInclusion> Details => new()
    {
        { CriteriaDetail.None, false, ResultInclusion.Decided },
        { CriteriaDetail.NotPassed, false, ResultInclusion.Decided },
        { CriteriaDetail.NotPassed, true, ResultInclusion.All },
        { CriteriaDetail.All, true, ResultInclusion.Decided },
        { CriteriaDetail.All, false, ResultInclusion.All },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void ResultsOfThousandsOfPeople_AreTheSameOnOneThreadAndOnFour(CriteriaDetail detail, bool indented, ResultInclusion include)
    {
        var result = Evaluated.Value;
        var options = new JsonResultOptions { Criteria = detail, Indented = indented, Include = include };
        var one = Write(result, options with { Parallelism = 1 });
        var four = Write(result, options with { Parallelism = 4 });

        Assert.Equal(one, four);
        // Enough pairs for several blocks, and every kind of pair the writer lists.
        Assert.True(CountOf(four, "\"subject\"") > 3 * OrderedBlocks.BlockSize, "too few pairs for several blocks");
        Assert.Contains("\"outcome\": \"not-eligible\"".Replace(" ", indented ? " " : "", StringComparison.Ordinal), four, StringComparison.Ordinal);
    }

    private static readonly Lazy<EvaluationResult> Evaluated = new(() =>
    {
        var folder = Path.Combine(ShippedRules.ShippedRulesTests.RepositoryRoot, "rules", "vn");
        var pack = ThiDua.Rules.Loading.RuleSetLoader.Load(folder).GetValueOrThrow().Select(new NodaTime.LocalDate(2024, 12, 31)).GetValueOrThrow();
        var rules = ThiDua.Rules.Compilation.RuleSetCompiler.Compile(pack).GetValueOrThrow();
        return rules.Evaluate(SyntheticPopulation.Create(4_000, 20241231));
    });

    private static string Write(EvaluationResult result, JsonResultOptions options)
    {
        using var text = new StringWriter();
        JsonResultWriter.Write(result, text, options);
        return text.ToString();
    }

    private static string Write(bool indented, int parallelism, int[] items, Action<CanonicalJsonWriter, int> writeItem)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var json = new CanonicalJsonWriter(text, indented);
        json.WriteStartObject();
        json.WritePropertyName("results");
        json.WriteStartArray();
        OrderedBlocks.Write(json, indented, parallelism, items, writeItem);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return text.ToString();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
