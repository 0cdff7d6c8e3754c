using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.EndToEnd;

/// <summary>
/// The built <c>thidua</c> writes byte-identical output across runs, across thread counts (the runtime told it has one
/// processor or two, through <c>DOTNET_PROCESSOR_COUNT</c>), and when the subjects of the input are shuffled: output
/// order follows the documented sort, never input order or hash order.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    // 12 copies of the sample's individuals: 1,440, three evaluation blocks of 512 for the threads to share.
    private const int Copies = 12;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Formats => ["json", "csv", "html"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Check_OneProcessorAndTwoProcessorsAndASecondRun_WriteIdenticalBytes(string format)
    {
        var data = LargeSample();
        var folder = WriteData("ordered", data);

        var one = Check(folder, format, processors: 1);
        var two = Check(folder, format, processors: 2);
        var again = Check(folder, format, processors: 2);

        Assert.True(one.Length > 50_000, "the output is large enough to be worth comparing: " + one.Length + " bytes");
        AssertSameBytes(one, two, "1 and 2 processors");
        AssertSameBytes(two, again, "two runs");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public void Check_SubjectsShuffled_WritesIdenticalBytes(string format)
    {
        // Diagnostics name positions in the input, which move with the subjects; the JSON and CSV results carry none.
        var data = LargeSample();
        var ordered = WriteData("ordered", data);
        var shuffled = WriteData("shuffled", Shuffled(data, seed: 20241231));

        var expected = Check(ordered, format, processors: 2);
        var actual = Check(shuffled, format, processors: 2);

        Assert.NotEqual(File.ReadAllText(Path.Combine(ordered, "data.json")), File.ReadAllText(Path.Combine(shuffled, "data.json")));
        AssertSameBytes(expected, actual, "shuffled subjects");
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual, string what)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var at = 0;
        while (at < Math.Min(expected.Length, actual.Length) && expected[at] == actual[at])
        {
            at++;
        }

        string Around(byte[] bytes) => Encoding.UTF8.GetString(bytes, Math.Max(0, at - 80), Math.Min(160, bytes.Length - Math.Max(0, at - 80)));
        Assert.Fail($"{what}: outputs differ at byte {at} of {expected.Length}/{actual.Length}:\n{Around(expected)}\n---\n{Around(actual)}");
    }

    /// <summary>The sample data with its individuals repeated <see cref="Copies"/> times under new ids.</summary>
    private static JObject LargeSample()
    {
        var sample = JObject.Parse(File.ReadAllText(Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json"), Encoding.UTF8));
        var individuals = (JArray)sample["individuals"]!;
        var copies = new JArray();
        for (var copy = 0; copy < Copies; copy++)
        {
            foreach (var individual in individuals)
            {
                var clone = (JObject)individual.DeepClone();
                clone["id"] = (string)individual["id"]! + (copy == 0 ? "" : "-" + copy.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
                copies.Add(clone);
            }
        }

        sample["individuals"] = copies;
        return sample;
    }

    /// <summary>The same data with the individuals and the units in a random (seeded) order.</summary>
    private static JObject Shuffled(JObject data, int seed)
    {
        var random = new Random(seed);
        var copy = (JObject)data.DeepClone();
        copy["individuals"] = new JArray(((JArray)copy["individuals"]!).OrderBy(_ => random.Next()).ToList());
        copy["units"] = new JArray(((JArray)copy["units"]!).OrderBy(_ => random.Next()).ToList());
        return copy;
    }

    private string WriteData(string name, JObject data)
    {
        _folder.Write(Path.Combine(name, "data.json"), data.ToString(Newtonsoft.Json.Formatting.Indented));
        return _folder.PathOf(name);
    }

    /// <summary>Runs <c>thidua check</c> in <paramref name="folder"/> on its <c>data.json</c> and returns the bytes written to --out.</summary>
    private static byte[] Check(string folder, string format, int processors)
    {
        var output = Path.Combine(folder, $"ket-qua-{processors}-{Guid.NewGuid():N}.{format}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["DOTNET_PROCESSOR_COUNT"] = processors.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "thidua.dll"), "check", "--rules", Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn"),
            "--data", "data.json", "--format", format, "--include", "all", "--out", output,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("thidua check did not finish within 180 s");
        }

        Assert.True(process.ExitCode == 0, error.Result);
        var bytes = File.ReadAllBytes(output);
        File.Delete(output);
        return bytes;
    }
}
