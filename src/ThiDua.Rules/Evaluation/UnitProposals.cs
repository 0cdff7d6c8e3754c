using System.Globalization;
using System.Text;
using ThiDua.Rules.Compilation;
using ThiDua.Rules.Intake;
using ThiDua.Rules.Model;
using ThiDua.Rules.Schema;

namespace ThiDua.Rules.Evaluation;

/// <summary>How the unit's own proposal (the data's <c>proposals</c>, column <c>Đề nghị</c>) compares with what the rules allow.</summary>
public enum ProposalCheck
{
    /// <summary>The unit proposes the pair, but the rules do not propose it (not eligible, over the quota, short of data,
    /// superseded by a higher form or not approved by the council): <c>proposed-not-eligible</c>.</summary>
    ProposedNotEligible = 0,

    /// <summary>The rules propose the pair, but the unit does not: <c>eligible-not-proposed</c>.</summary>
    EligibleNotProposed = 1,
}

/// <summary>The fixed names of <see cref="ProposalCheck"/> used in every output.</summary>
public static class ProposalCheckNames
{
    /// <summary><c>proposed-not-eligible</c> or <c>eligible-not-proposed</c>.</summary>
    /// <param name="check">The comparison.</param>
    /// <returns>The name.</returns>
    public static string ToName(this ProposalCheck check) => check == ProposalCheck.ProposedNotEligible ? "proposed-not-eligible" : "eligible-not-proposed";
}

/// <summary>
/// Reads a subject's own proposals (the <c>proposals</c> field of the subject schema) for an award: an entry names the
/// award by its id or by its Vietnamese or English name, compared without case, surrounding or repeated spaces, in NFC.
/// </summary>
internal static class UnitProposals
{
    private static readonly SubjectField IndividualField = SubjectSchema.Find(true, "proposals")!;
    private static readonly SubjectField UnitField = SubjectSchema.Find(false, "proposals")!;

    /// <summary>Whether the subject's unit proposes it for <paramref name="award"/>; null when the data does not say.</summary>
    public static bool? Of(Population population, CompiledAward award, int subject)
    {
        var individual = award.Subject == SubjectKind.Individual;
        var field = individual ? IndividualField : UnitField;
        var columns = individual ? population.Individuals.Plain : population.Units.Plain;
        if (field.PlainSlot < 0 || field.PlainSlot >= columns.Length || columns[field.PlainSlot] is not string[]?[] column || column[subject] is not { } entries)
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if (Names(entry, award.Definition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="entry"/> names <paramref name="award"/>.</summary>
    public static bool Names(string entry, AwardDefinition award)
    {
        var key = Key(entry);
        return key == Key(award.Id) || key == Key(award.Name) || (award.NameEn is { } en && key == Key(en));
    }

    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var part in text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length == 0 ? "" : " ").Append(part.ToLower(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
