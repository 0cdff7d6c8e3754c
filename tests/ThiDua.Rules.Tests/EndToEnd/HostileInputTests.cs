using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using ThiDua.Rules.Cli;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Tests.Builders;
using ThiDua.Rules.Tests.ShippedRules;
using ThiDua.Rules.Validation;
using Xunit;
using static ThiDua.Rules.Tests.Builders.CliHarness;

namespace ThiDua.Rules.Tests.EndToEnd;

/// <summary>
/// Inputs too large, too strange or too hostile to check in, made at run time and given to the built <c>thidua</c>: each
/// ends with its exit code and one clear diagnostic at its place, within bounded time and peak memory (measured), and
/// leaves every input file as it was.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const long MiB = 1L << 20;

    private static readonly string NationalRules = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "vn");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // ---- files that are not ordinary files ----------------------------------------------------------------------

    [Theory]
    [InlineData("d.json")]
    [InlineData("d.csv")]
    [InlineData("d.xlsx")]
    public void Check_DataIsALinkToDevZero_RefusedAtOnce(string name)
    {
        var link = File.CreateSymbolicLink(_folder.PathOf(name), "/dev/zero").FullName;

        var run = RunBuilt(60, "check", "--rules", NationalRules, "--data", link, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, link, "TDR140");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), run.Elapsed.ToString());
    }

    [Fact]
    public void Check_DataIsAFifoAndRulesFolderHoldsAFifo_RefusedWithoutBlocking()
    {
        var data = MakeFifo("d.json");
        var rules = Directory.CreateDirectory(_folder.PathOf("rules")).FullName;
        File.Copy(Path.Combine(NationalRules, "vn-tdkt-2024.json"), Path.Combine(rules, "vn-tdkt-2024.json"));
        var fifoRule = MakeFifo("rules/zz-fifo.json");
        var sample = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

        var onData = RunBuilt(60, "check", "--rules", NationalRules, "--data", data, "--lang", "en");
        var onRules = RunBuilt(60, "check", "--rules", rules, "--data", sample, "--lang", "en");

        AssertOneClearLine(onData, ExitCodes.BadInput, data, "TDR140");
        Assert.Equal(ExitCodes.RulesFailed, onRules.ExitCode);
        Assert.Contains($"{fifoRule} TDR060 '{fifoRule}' is not an ordinary file", onRules.Error, StringComparison.Ordinal);
    }

    /// <summary>Every option and argument that names a file to read, with each kind of file that is not an ordinary one.</summary>
    public static TheoryData<string, string> FileTakingInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in new[] { "--votes", "--history", "--plugin", "--rules", "--against", "import-rulesengine", "record --archive", "validate", "test", "describe" })
        {
            foreach (var kind in new[] { "fifo", "dev-zero", "folder" })
            {
                // A folder is a rule set (rules, against, validate, test, describe) or a report folder: not odd there.
                if (kind != "folder" || input is "--votes" or "--history" or "import-rulesengine" or "record --archive")
                {
                    data.Add(input, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FileTakingInputs))]
    public void AnyCommand_InputFileIsAFifoADeviceOrAFolder_OneClearLineExit2InBoundedTime(string input, string kind)
    {
        // Each is made with the extension its option reads (a votes file named .json would be read as JSON for ever).
        var extension = input switch { "--plugin" => ".dll", "--history" or "record --archive" => ".db", _ => ".json" };
        var path = kind switch
        {
            "fifo" => MakeFifo("odd" + extension),
            "dev-zero" => File.CreateSymbolicLink(_folder.PathOf("odd" + extension), "/dev/zero").FullName,
            _ => Directory.CreateDirectory(_folder.PathOf("odd" + extension)).FullName,
        };
        var sample = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");
        string[] arguments = input switch
        {
            "--plugin" => ["--plugin", path, "validate", NationalRules],
            "--rules" => ["check", "--rules", path, "--data", sample],
            "--against" => ["diff", "--rules", NationalRules, "--against", path, "--data", sample],
            "import-rulesengine" => ["import-rulesengine", path, "--out", _folder.PathOf("imported.json")],
            "record --archive" => ["record", "--rules", NationalRules, "--data", sample, "--decision", "1/QĐ", "--decided-on", "2025-01-15", "--archive", path],
            "validate" or "test" or "describe" => [input, path],
            _ => ["check", "--rules", NationalRules, "--data", sample, input, path],
        };
        var (where, code) = input switch
        {
            "--plugin" => ("thidua: " + path, "TDR065"),
            "import-rulesengine" => (path, "TDR080"),
            "--rules" or "--against" or "validate" or "test" or "describe" => (path, "TDR060"),
            _ => (path, "TDR140"),
        };
        var before = Hash(sample);

        var run = RunBuilt(60, [.. arguments, "--lang", "en"]);

        // A FIFO opened for reading would block until the 60 s limit of RunBuilt; diff evaluates its first side before it
        // reads --against, which takes a while on a loaded machine.
        AssertOneClearLine(run, ExitCodes.BadInput, where, code);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(50), run.Elapsed.ToString());
        Assert.True(run.PeakBytes < 400 * MiB, $"peak {run.PeakBytes / MiB} MiB");
        Assert.Equal(before, Hash(sample));
        Assert.False(File.Exists(_folder.PathOf("imported.json")));
    }

    [Theory]
    [InlineData("phieu.json", "[" + "{ \"subject\": \"NV001\", \"award\": \"lao-dong-tien-tien\", \"members\": 9, \"yes\": 9 },")]
    [InlineData("phieu.csv", "subject,award,members,yes\nNV001,lao-dong-tien-tien,9,9\n")]
    public void Check_VotesFileAboveTheSizeLimit_RefusedAtTheVotesFile(string name, string text)
    {
        var votes = _folder.Write(name, string.Concat(Enumerable.Repeat(text, 200)));
        var sample = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

        var run = Run("check", "--rules", NationalRules, "--data", sample, "--votes", votes, "--max-file-size", "4KB", "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, votes, "TDR141");
    }

    [Fact]
    public void Check_VotesJsonWithAVeryLongMemberName_RefusedAtTheNameBeforeHoldingIt()
    {
        var votes = _folder.Write("phieu.json", "[{ \"" + new string('x', 2_000_000) + "\": 1 }]");
        var sample = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules", "samples", "ban-quan-ly-2024.json");

        var run = Run("check", "--rules", NationalRules, "--data", sample, "--votes", votes, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, votes + ":1:4", "TDR142");
    }

    [Fact]
    public void Validate_ExtendsDevZeroEtcPasswdOrProcEnviron_RefusedBeforeReadingAndNothingQuoted()
    {
        var zero = File.CreateSymbolicLink(_folder.PathOf("zero.json"), "/dev/zero").FullName;
        foreach (var (target, code) in new[] { ("../../../../../../../../etc/passwd", "TDR061"), ("/proc/self/environ", "TDR061"), (zero, "TDR061"), (_folder.Write("package.json", """{ "name": "secret-value", "version": "1.0.0" }"""), "TDR064") })
        {
            var planText = $$"""{ "id": "p", "name": "P", "effective": { "from": "2024-01-01" }, "extends": {{Newtonsoft.Json.JsonConvert.ToString(target)}} }""";
            var plan = _folder.Write("plan.json", planText);
            var column = planText.IndexOf("\"extends\": ", StringComparison.Ordinal) + "\"extends\": ".Length + 1;

            var run = RunBuilt(60, "validate", plan, "--lang", "en");
            var text = run.Output + run.Error;

            Assert.Equal(ExitCodes.RulesFailed, run.ExitCode);
            Assert.Contains($"{plan}:1:{column} {code} ", text, StringComparison.Ordinal); // at the 'extends' value
            Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-value", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PATH=", text, StringComparison.Ordinal);
            Assert.True(run.PeakBytes < 400 * MiB, $"peak {run.PeakBytes / MiB} MiB");
        }
    }

    [Fact]
    public void Load_ExtendsOutsideTheAllowedRoot_RefusedBeforeOpening()
    {
        var outside = _folder.Write("outside/base.json", """{ "id": "b", "name": "B", "effective": { "from": "2024-01-01" } }""");
        var plan = _folder.Write("root/plan.json", """{ "id": "p", "name": "P", "effective": { "from": "2024-01-01" }, "extends": "../outside/base.json" }""");
        var inside = _folder.Write("root/base.json", """{ "id": "b", "name": "B", "effective": { "from": "2024-01-01" } }""");
        var planInside = _folder.Write("root/sub/plan.json", """{ "id": "p", "name": "P", "effective": { "from": "2024-01-01" }, "extends": "../base.json" }""");
        var options = RuleLoadOptions.Default with { ExtendsRoot = _folder.PathOf("root") };

        var refused = Assert.Single(RuleSetLoader.Load(plan, options).Errors);
        var allowed = RuleSetLoader.Load(planInside, options);

        var column = File.ReadAllText(plan).IndexOf("../outside", StringComparison.Ordinal); // the opening quote of the 'extends' value
        Assert.Equal((DiagnosticCodes.ExtendsOutsideRoot, plan, 1, column), (refused.Code, refused.Span.File, refused.Span.Line, refused.Span.Column));
        Assert.True(allowed.Succeeded, string.Join("\n", allowed.Diagnostics));
        Assert.True(File.Exists(outside) && File.Exists(inside));
    }

    [Fact]
    public void Load_ExtendsFanOutThreeFilesTwelveLevels_EachBaseLoadedOnce()
    {
        // Level k holds three files, each extending the folder of level k+1: 3^12 = 531,441 loads if each path loaded again.
        const int Levels = 12;
        for (var level = 0; level <= Levels; level++)
        {
            for (var i = 0; i < 3; i++)
            {
                var extends = level < Levels ? $", \"extends\": \"../l{level + 1}\"" : "";
                _folder.Write($"l{level}/r{i}.json", $$"""{ "id": "r{{level}}", "name": "R", "effective": { "from": "{{2020 + i}}-01-01", "to": "{{2020 + i}}-12-31" }{{extends}} }""");
            }
        }

        var clock = Stopwatch.StartNew();
        var loaded = RuleSetLoader.Load(_folder.PathOf("l0"));

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Take(3)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal("r1", loaded.GetValueOrThrow().Select(new NodaTime.LocalDate(2021, 6, 1)).GetValueOrThrow().Base!.Id);
    }

    // ---- sizes --------------------------------------------------------------------------------------------------

    [Fact]
    public void Check_DataWithA5MillionCharacterMemberName_RefusedAtTheNameInBoundedMemory()
    {
        var path = _folder.PathOf("d.json");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("{ \"year\": 2024,\n  \"");
            writer.Write(new string('n', 5_000_000));
            writer.Write("\": 1 }\n");
        }

        var before = Hash(path);

        var run = RunBuilt(120, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, $"{path}:2:3", "TDR142");
        Assert.Contains("longer than 1,000 characters", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 2_000, "the name is not echoed");
        Assert.True(run.PeakBytes < 400 * MiB, $"peak {run.PeakBytes / MiB} MiB");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), run.Elapsed.ToString());
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void Validate_RuleFileOf15MegabytesWithOneLongMemberName_OneLineAtTheNameCutInBoundedMemory()
    {
        // Issue 20: a 15 MB rule file with a long member name took 2.8 GB. The name is reported at its place, quoted cut.
        const string Head = """{"id":"p","name":"P","effective":{"from":"2024-01-01"},""";
        var rules = _folder.PathOf("dai.json");
        using (var writer = new StreamWriter(rules, false, new UTF8Encoding(false)))
        {
            writer.Write(Head + "\"");
            writer.Write(new string('x', 15_000_000));
            writer.Write("\":1}");
        }

        var before = Hash(rules);

        var run = RunBuilt(120, "validate", rules, "--lang", "en");

        Assert.Equal(ExitCodes.RulesFailed, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains(" TDR002 ", StringComparison.Ordinal));
        Assert.StartsWith($"{rules}:1:{Head.Length + 1} TDR002 unknown member 'xxx", line, StringComparison.Ordinal);
        Assert.True(line.Length < 1_500, "the name was echoed whole: " + line.Length);
        Assert.True(run.PeakBytes < 800 * MiB, $"peak {run.PeakBytes / MiB} MiB");
        Assert.Equal(before, Hash(rules));
    }

    [Fact]
    public void Check_DataWithATwoMillionCharacterText_RefusedAtTheValue()
    {
        var path = _folder.Write("d.json", "{ \"year\": 2024, \"units\": [ { \"id\": \"U\", \"name\": \"" + new string('x', 2_000_000) + "\" } ] }");

        var run = RunBuilt(120, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, $"{path}:1:49", "TDR143");
    }

    [Fact]
    public void Load_DataGrowingPastTheLimitWhileRead_RefusedWhatEverTheSizeSaid()
    {
        // The size is checked when opening and again while reading: a file that grows after the check still stops.
        var path = _folder.Write("d.json", "{ \"year\": 2024, \"individuals\": [] }" + new string(' ', 1000));
        var limits = DataLimits.Default with { MaxFileBytes = 500 };

        var error = Assert.Single(SubjectDataLoader.Load(path, limits).Errors);

        Assert.Equal(DiagnosticCodes.DataFileTooLarge, error.Code);
        using var stream = InputFile.Open(path, InputFile.Data(limits));
        var read = Assert.Throws<InputLimitException>(() => stream.CopyTo(Stream.Null));
        Assert.Equal(DiagnosticCodes.DataFileTooLarge, read.Diagnostic.Code);
    }

    [Fact]
    public void Check_WorkbookWhoseSheetUnpacksToGigabytes_RefusedAsAZipBombInBoundedMemory()
    {
        // 300 MB of spaces inside the sheet, packed to a few hundred KB.
        var path = Workbook("bomb.xlsx", sheet =>
        {
            sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Mã cán bộ</t></is></c></row>");
            var filler = Encoding.UTF8.GetBytes(new string(' ', 1 << 20));
            for (var i = 0; i < 300; i++)
            {
                sheet.Flush();
                sheet.BaseStream.Write(filler);
            }
        });
        var before = Hash(path);

        var run = RunBuilt(180, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, path, "TDR213");
        Assert.Contains("'xl/worksheets/sheet1.xml' unpacks to more than", run.Error, StringComparison.Ordinal);
        Assert.True(run.PeakBytes < 500 * MiB, $"peak {run.PeakBytes / MiB} MiB");
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void Check_WorkbookWithOneRowOfAMillionCells_RefusedAtTheRowInBoundedMemory()
    {
        var path = Workbook("wide.xlsx", sheet =>
        {
            sheet.Write("<row r=\"1\">");
            for (var i = 0; i < 1_000_000; i++)
            {
                sheet.Write("<c/>");
            }

            sheet.Write("</row>");
        });

        var run = RunBuilt(180, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, $"{path}:Sheet1!A1", "TDR214");
        Assert.Contains("more than 16,384 cells", run.Error, StringComparison.Ordinal);
        Assert.True(run.PeakBytes < 500 * MiB, $"peak {run.PeakBytes / MiB} MiB");
    }

    [Fact]
    public void Check_WorkbookWithTooManySharedStrings_RefusedInBoundedMemory()
    {
        var random = new Random(20);
        var path = Workbook("strings.xlsx", sheet => sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), strings =>
        {
            for (var i = 0; i <= 2 * 1_048_576; i++)
            {
                strings.Write("<si><t>");
                strings.Write(random.Next().ToString("x8", CultureInfo.InvariantCulture));
                strings.Write("</t></si>");
            }
        });

        var run = RunBuilt(180, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, path, "TDR216");
        Assert.True(run.PeakBytes < 800 * MiB, $"peak {run.PeakBytes / MiB} MiB");
    }

    [Fact]
    public void Check_WorkbookWithACellOfFortyThousandCharacters_RefusedAtTheCell()
    {
        var path = Workbook("long.xlsx", sheet => sheet.Write(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Mã cán bộ</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Họ và tên</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>NV1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>" + new string('x', 40_000) + "</t></is></c></row>"));

        var run = RunBuilt(60, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, $"{path}:Sheet1!B2", "TDR217");
        Assert.True(run.Error.Length < 2_000, "the cell is not echoed");
    }

    [Fact]
    public void Check_WorkbookPartWithAVeryLongName_Refused()
    {
        var path = Workbook("names.xlsx", sheet => sheet.Write("<row r=\"1\"/>"), extra: zip => zip.CreateEntry("xl/" + new string('n', 5_000) + ".xml"));

        var run = RunBuilt(60, "check", "--rules", NationalRules, "--data", path, "--lang", "en");

        AssertOneClearLine(run, ExitCodes.BadInput, path, "TDR218");
    }

    // ---- work ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Check_ThreeNestedAggregatesOver20000People_RefusedAtTheCriterionInBoundedTimeAndMemory()
    {
        var rules = _folder.Write("rules.json", Evaluation.WorkBudgetTests.Rules);
        var data = _folder.Write("d.json", Evaluation.WorkBudgetTests.PeopleInOneUnit(20_000));
        var before = (Hash(rules), Hash(data));
        var criterion = RuleSetLoader.Load(rules).GetValueOrThrow().Versions.Single().Awards.Single().Criteria.Single().Span;

        var run = RunBuilt(120, "check", "--rules", rules, "--data", data, "--out", _folder.PathOf("r.json"), "--lang", "en");

        // 20,000³ = 8·10¹² elements: days of work, refused from the estimate.
        AssertOneClearLine(run, ExitCodes.BadInput, $"{rules}:{criterion.Line}:{criterion.Column}", "TDR144");
        Assert.Contains("about 8,000,400,020,000 list elements", run.Error, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), run.Elapsed.ToString());
        Assert.True(run.PeakBytes < 400 * MiB, $"peak {run.PeakBytes / MiB} MiB");
        Assert.Equal(before, (Hash(rules), Hash(data)));
        Assert.False(File.Exists(_folder.PathOf("r.json")));
    }

    // ---- signals ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void Check_SignalWhileWritingALargeReport_LeavesNoTemporaryFileAndNoOutput(string signal)
    {
        // On a busy machine the report may be finished before the signal arrives: that run proves nothing, so it is
        // repeated with a population three times larger (a report that takes longer to write), up to three times.
        for (var people = 20_000; ; people *= 3)
        {
            if (SignalWhileWriting(signal, people) || people > 200_000)
            {
                return;
            }
        }
    }

    /// <summary>One run; false when the process had already finished writing when the signal was sent.</summary>
    private bool SignalWhileWriting(string signal, int people)
    {
        var data = _folder.PathOf("d" + people.ToString(CultureInfo.InvariantCulture) + ".json");
        File.WriteAllText(data, PeopleJson(people), new UTF8Encoding(false));
        var before = Hash(data);
        var outFolder = Directory.CreateDirectory(_folder.PathOf("out" + people.ToString(CultureInfo.InvariantCulture))).FullName;
        // A test run started in the background by a non-interactive shell inherits SIGINT ignored (POSIX shells ignore it
        // for background jobs, and an ignored signal stays ignored across exec): env resets it, as a terminal would have it.
        var start = new ProcessStartInfo("env") { WorkingDirectory = ShippedRulesTests.RepositoryRoot, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "thidua.dll"), "check", "--rules", NationalRules, "--data", data, "--format", "json", "--include", "all", "--out", Path.Combine(outFolder, "r.json") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(outFolder, ".thidua-*.tmp").Any() || new FileInfo(Directory.EnumerateFiles(outFolder).First()).Length < 1_000_000)
        {
            if (process.HasExited && File.Exists(Path.Combine(outFolder, "r.json")) && people <= 200_000)
            {
                return false;
            }

            Assert.False(process.HasExited, "the run ended before the report was being written");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "no temporary file appeared");
            Thread.Sleep(10);
        }

        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(60_000), "the process did not end after SIG" + signal);
        if (process.ExitCode == 0 && File.Exists(Path.Combine(outFolder, "r.json")) && people <= 200_000)
        {
            return false; // the report was complete before the signal arrived
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outFolder));
        Assert.Equal(before, Hash(data));
        return true;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private string MakeFifo(string relative)
    {
        var path = _folder.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var process = Process.Start("mkfifo", [path])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>A minimal workbook of one sheet named Sheet1 whose rows <paramref name="rows"/> writes, streamed into the package.</summary>
    private string Workbook(string name, Action<StreamWriter> rows, Action<StreamWriter>? sharedStrings = null, Action<ZipArchive>? extra = null)
    {
        var path = _folder.PathOf(name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Entry(string entry, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            var strings = sharedStrings is null ? "" : """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""";
            Entry("[Content_Types].xml", $$"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{{strings}}</Types>""");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            var stringsRelation = sharedStrings is null ? "" : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""";
            Entry("xl/_rels/workbook.xml.rels", $$"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{{stringsRelation}}</Relationships>""");
            using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false)))
            {
                sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                rows(sheet);
                sheet.Write("</sheetData></worksheet>");
            }

            if (sharedStrings is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                sharedStrings(writer);
                writer.Write("</sst>");
            }

            extra?.Invoke(zip);
        }

        return path;
    }

    /// <summary>A canonical data file of <paramref name="people"/> individuals in 100 units.</summary>
    internal static string PeopleJson(int people, int units = 100)
    {
        var builder = new StringBuilder(people * 160);
        builder.Append("{ \"year\": 2024, \"asOf\": \"2024-12-31\",\n  \"units\": [\n    { \"id\": \"BQL\", \"name\": \"Ban\", \"kind\": \"unit\", \"rating\": \"HTXSNV\" }");
        for (var u = 0; u < units; u++)
        {
            builder.Append(CultureInfo.InvariantCulture, $",\n    {{ \"id\": \"U{u}\", \"name\": \"Phòng {u}\", \"parent\": \"BQL\", \"kind\": \"unit\", \"rating\": \"HTTNV\", \"facts\": {{ \"movement\": true, \"solidarity\": true }} }}");
        }

        builder.Append("\n  ],\n  \"individuals\": [\n");
        for (var i = 0; i < people; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"    {{ \"id\": \"NV{i:000000}\", \"name\": \"Người {i}\", \"unit\": \"U{i % units}\", \"rating\": \"{(i % 3 == 0 ? "HTXSNV" : "HTTNV")}\", \"startDate\": \"2015-03-01\", \"monthsWorked\": 12, \"facts\": {{ \"conduct\": true }} }}");
            builder.Append(i < people - 1 ? ",\n" : "\n");
        }

        return builder.Append("  ]\n}\n").ToString();
    }
}
