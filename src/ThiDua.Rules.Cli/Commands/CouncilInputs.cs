using System.Collections.Immutable;
using System.CommandLine;
using ThiDua.Rules.Model;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Cli.Commands;

/// <summary>
/// The council-session inputs a command may take (design §8): <c>--votes FILE</c>, the council's secret ballots, and
/// <c>--history ARCHIVE</c>, the archive that fills each subject's history.
/// </summary>
internal sealed class CouncilInputs
{
    public Option<string?> Votes { get; } = new("--votes");

    public Option<string?> History { get; } = new("--history");

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public CouncilInputs AddTo(Command command)
    {
        command.Options.Add(Votes);
        command.Options.Add(History);
        return this;
    }

    /// <summary>The ballots of <c>--votes</c> (empty without it); null after reporting the file's errors.</summary>
    public ImmutableArray<CouncilVote>? LoadVotes(CliContext context, ParseResult parse, Loading.DataLimits limits, Language language)
    {
        if (parse.GetValue(Votes) is not { } path)
        {
            return [];
        }

        var loaded = CouncilVoteReader.Load(path, limits);
        context.Report(loaded.Diagnostics, language);
        return loaded.TryGetValue(out var votes) ? [.. votes] : null;
    }
}
