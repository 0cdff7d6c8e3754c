using NodaTime;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Model;

namespace ThiDua.Rules.Benchmarks;

/// <summary>The 2024 national pack from rules/vn, restricted to the four annual titles the hand-written baseline implements.</summary>
public static class NationalPack
{
    public static readonly string[] AnnualTitles = ["lao-dong-tien-tien", "chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien", "tap-the-lao-dong-xuat-sac"];

    public static string RulesFolder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ThiDua.Rules.sln")))
            {
                directory = directory.Parent;
            }

            var root = directory?.FullName ?? Directory.GetCurrentDirectory();
            return Path.Combine(root, "rules", "vn");
        }
    }

    public static RuleSet Load() =>
        RuleSetLoader.Load(RulesFolder).GetValueOrThrow().Select(new LocalDate(2024, 12, 31)).GetValueOrThrow();

    public static RuleSet AnnualTitlesOnly(RuleSet pack) =>
        // The commendation forms go, and with them their exclusive group.
        pack with { Awards = [.. pack.Awards.Where(a => AnnualTitles.Contains(a.Id))], Targets = [], Tests = [], ExclusiveGroups = [] };

    /// <summary>The LĐTT title alone (for the RulesEngine peer, which runs only its criteria).</summary>
    public static RuleSet LdttOnly(RuleSet pack) =>
        pack with { Awards = [.. pack.Awards.Where(a => a.Id == "lao-dong-tien-tien")], Targets = [], Tests = [], ExclusiveGroups = [] };

    public static CompiledRuleSet Compile() => RuleSetCompiler.Compile(AnnualTitlesOnly(Load())).GetValueOrThrow();
}
