using System.Collections.Immutable;
using System.Text;
using NodaTime;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Tests.Builders;

/// <summary>Test data that is easier to build in C# than to write as JSON: positions in rule files and large populations.</summary>
internal static class TestData
{
    /// <summary>
    /// The 1-based line and column of the first character of <paramref name="expr"/> inside <paramref name="json"/>, where
    /// the expression is written as a JSON string (as <see cref="TestRules.Award"/> writes it). Diagnostics inside an
    /// expression are reported at this column plus the offset inside the expression.
    /// </summary>
    public static (int Line, int Column) ExpressionStart(string json, string expr)
    {
        var quoted = Newtonsoft.Json.JsonConvert.ToString(expr);
        var index = json.IndexOf(quoted, StringComparison.Ordinal);
        if (index < 0 || json.IndexOf(quoted, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"the expression {quoted} must occur exactly once in the rule file", nameof(expr));
        }

        return Position(json, index + 1);
    }

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th occurrence of <paramref name="text"/> in <paramref name="json"/>.</summary>
    public static (int Line, int Column) PositionOf(string json, string text, int occurrence = 1)
    {
        var index = -1;
        for (var n = 0; n < occurrence; n++)
        {
            index = json.IndexOf(text, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{text}' does not occur {occurrence} time(s) in the text", nameof(text));
            }
        }

        return Position(json, index);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>A rule file of one version of rule set <paramref name="id"/>, with the standard declarations.</summary>
    public static string VersionedRuleFile(string id, string from, string? to, string awards, string extra = "")
    {
        var effective = to is null ? $$"""{ "from": "{{from}}" }""" : $$"""{ "from": "{{from}}", "to": "{{to}}" }""";
        return $$"""
            {
              "id": "{{id}}",
              "name": "Phiên bản {{from}}",
              "effective": {{effective}},
              {{TestRules.StandardDeclarations}},
              "awards": [ {{awards}} ]{{(extra.Length > 0 ? "," + extra : "")}}
            }
            """;
    }

    /// <summary>
    /// A deterministic organisation: one agency root with <paramref name="units"/> − 1 units below it (in three
    /// clusters), and <paramref name="individuals"/> people spread over them with varied ratings, months, bonus points,
    /// initiatives and history; a few values are missing so that some outcomes are <c>insufficient-data</c>.
    /// </summary>
    public static SubjectData Population(int units, int individuals)
    {
        string[] ratings = ["HTXSNV", "HTTNV", "HTTNV", "HTNV", "HTTNV", "KHTNV", "HTXSNV"];
        var unitList = ImmutableArray.CreateBuilder<Unit>(units);
        unitList.Add(new Unit { Id = "U00", Name = "Ban Quản lý", Rating = "HTXSNV", Facts = Facts(("movement", true)) });
        for (var u = 1; u < units; u++)
        {
            unitList.Add(new Unit
            {
                Id = $"U{u:00}",
                Name = $"Phòng {u}",
                Parent = "U00",
                Cluster = $"cum-{u % 3}",
                Rating = ratings[u % ratings.Length],
                Facts = u % 11 == 0 ? ImmutableDictionary<string, object?>.Empty : Facts(("movement", u % 4 != 0)),
            });
        }

        var people = ImmutableArray.CreateBuilder<Individual>(individuals);
        for (var i = 0; i < individuals; i++)
        {
            var history = i % 5 == 0
                ? ImmutableArray.Create(
                    new HistoryYear(2022, "HTTNV", [new AwardRecord("ldtt", null, default)], default),
                    new HistoryYear(2023, "HTXSNV", [new AwardRecord("ldtt", null, default), new AwardRecord("cstd", new LocalDate(2024, 1, 15), default)], default))
                : [];
            people.Add(new Individual
            {
                Id = $"NV{i:0000}",
                Name = $"Người {i}",
                Unit = $"U{(i * 7 % units):00}",
                Rating = i % 97 == 0 ? null : ratings[(i * 3 + i / 7) % ratings.Length],
                MonthsWorked = i % 13 == 0 ? 5 : 12,
                Initiatives = i % 9 == 0 ? [new Initiative("Sáng kiến", "co-so", new LocalDate(2024, 10, 1), default)] : [],
                Facts = Facts(("conduct", i % 17 != 0), ("bonusPoints", (decimal)(i * 31 % 7))),
                History = history,
            });
        }

        return new SubjectData
        {
            Year = 2024,
            AsOf = new LocalDate(2024, 12, 31),
            Units = unitList.ToImmutable(),
            Individuals = people.ToImmutable(),
        };
    }

    /// <summary>The same data with the individuals in a different, deterministic order.</summary>
    public static SubjectData Shuffled(SubjectData data)
    {
        var count = data.Individuals.Length;
        return data with
        {
            Individuals = [.. data.Individuals.Select((person, i) => (person, key: (i * 7919L + 104729L) % count)).OrderBy(x => x.key).ThenBy(x => x.person.Id, StringComparer.Ordinal).Select(x => x.person)],
            Units = [.. data.Units.Reverse()],
        };
    }

    private static ImmutableDictionary<string, object?> Facts(params (string Name, object? Value)[] facts) =>
        facts.ToImmutableDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    /// <summary>UTF-8 without a byte-order mark, the encoding rule and data files are written in.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}

/// <summary>A temporary folder for file-based tests, deleted with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Root = Directory.CreateTempSubdirectory("thidua-tests-").FullName;

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>The full path of <paramref name="relativePath"/> inside the folder (the file need not exist).</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Writes <paramref name="content"/> (UTF-8, with a byte-order mark when asked) and returns the full path.</summary>
    public string Write(string relativePath, string content, bool byteOrderMark = false)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, byteOrderMark ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : TestData.Utf8);
        return path;
    }

    /// <summary>Every file in the folder and below, relative to it, sorted.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system: the OS cleans the temp folder eventually.
        }
    }
}
