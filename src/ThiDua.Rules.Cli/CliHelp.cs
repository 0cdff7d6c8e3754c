using System.CommandLine;
using System.CommandLine.Help;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Cli;

/// <summary>
/// The help in the user's language: every command's, option's and argument's description from the report catalog
/// (<c>help.*</c>), and System.CommandLine's own headings and markers ("Usage:", "[options]", "(REQUIRED)") said again
/// from it (<see cref="Translate"/>), since the library writes them in English only and keeps its help builder internal.
/// </summary>
internal static class CliHelp
{
    /// <summary>Sets every description under <paramref name="root"/> from the catalog.</summary>
    public static void Localize(RootCommand root, Language language)
    {
        root.Description = ReportCatalog.Get("help.thidua", language);
        Describe(root, language);
    }

    private static void Describe(Command command, Language language)
    {
        foreach (var option in command.Options)
        {
            option.Description = ReportCatalog.Get(OptionKey(command, option), language);
        }

        foreach (var argument in command.Arguments)
        {
            var key = "help." + command.Name + ".arg";
            argument.Description = ReportCatalog.Get(ReportCatalog.Contains(key) ? key : "help.arg." + argument.Name.ToLowerInvariant(), language);
        }

        foreach (var subcommand in command.Subcommands)
        {
            subcommand.Description = ReportCatalog.Get("help." + subcommand.Name, language);
            Describe(subcommand, language);
        }
    }

    /// <summary>The key of an option's description: the command's own (<c>help.check.format</c>), else the shared one
    /// (<c>help.option.rules</c>).</summary>
    internal static string OptionKey(Command command, Option option)
    {
        var name = option switch
        {
            HelpOption => "help",
            VersionOption => "version",
            _ => option.Name.TrimStart('-'),
        };
        var own = "help." + command.Name + "." + name;
        return ReportCatalog.Contains(own) ? own : "help.option." + name;
    }

    /// <summary>The help text with System.CommandLine's English words replaced by the catalog's.</summary>
    internal static string Translate(string help, Language language)
    {
        if (language == Language.En)
        {
            return help;
        }

        string W(string key) => ReportCatalog.Get(key, language);
        var headings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportCatalog.Get("help.heading-description", Language.En)] = W("help.heading-description"),
            [ReportCatalog.Get("help.heading-usage", Language.En)] = W("help.heading-usage"),
            [ReportCatalog.Get("help.heading-arguments", Language.En)] = W("help.heading-arguments"),
            [ReportCatalog.Get("help.heading-options", Language.En)] = W("help.heading-options"),
            [ReportCatalog.Get("help.heading-commands", Language.En)] = W("help.heading-commands"),
            [ReportCatalog.Get("help.heading-additional", Language.En)] = W("help.heading-additional"),
        };
        var lines = help.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var bare = line.TrimEnd('\r');
            if (headings.TryGetValue(bare, out var heading))
            {
                lines[i] = heading + line[bare.Length..];
                continue;
            }

            if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                // A description's own text (the catalog's already) is left as it is.
                continue;
            }

            lines[i] = line
                .Replace(" " + ReportCatalog.Get("help.marker-options", Language.En), " " + W("help.marker-options"), StringComparison.Ordinal)
                .Replace(" " + ReportCatalog.Get("help.marker-command", Language.En), " " + W("help.marker-command"), StringComparison.Ordinal)
                .Replace(" " + ReportCatalog.Get("help.marker-required", Language.En), " " + W("help.marker-required"), StringComparison.Ordinal)
                .Replace(ReportCatalog.Get("help.marker-default", Language.En), W("help.marker-default"), StringComparison.Ordinal);
        }

        return string.Join('\n', lines);
    }
}
