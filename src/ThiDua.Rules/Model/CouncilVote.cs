namespace ThiDua.Rules.Model;

/// <summary>
/// The council's secret ballot on one (subject, award) pair (design §8): how many members the council has and how many
/// voted yes. Immutable.
/// </summary>
/// <param name="Subject">The subject's id.</param>
/// <param name="Award">The award id.</param>
/// <param name="Members">All members of the council (present or not: absent members give their opinion in writing).</param>
/// <param name="Yes">The members who voted yes.</param>
/// <param name="Span">Where the vote was read (file and line, or sheet and cell).</param>
public sealed record CouncilVote(string Subject, string Award, int Members, int Yes, SourceSpan Span);

/// <summary>The council's decision on a voted pair, by the award's threshold (a share of all members).</summary>
public enum CouncilDecision
{
    /// <summary>Enough members voted yes (<c>approved</c>).</summary>
    Approved = 0,

    /// <summary>Too few members voted yes (<c>not-approved</c>).</summary>
    NotApproved = 1,
}

/// <summary>
/// What a rule file says about the council's vote on an award (<c>councilVote</c>): the share of all council members
/// that must vote yes, as an expression (usually a parameter), with its legal basis. Immutable.
/// </summary>
/// <param name="Share">The share, for example <c>params.tyLePhieuCstdCapTinh</c> (0.9).</param>
/// <param name="Basis">The legal basis of the threshold.</param>
/// <param name="Note">Free text: what was verified and what was not.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record CouncilVoteRule(SourceText Share, string Basis, string? Note, SourceSpan Span);

/// <summary>
/// What a rule file says about the bonus an award carries (<c>bonus</c>; Nghị định 98/2023/NĐ-CP Điều 54): a multiple of
/// the base salary (mức lương cơ sở), and the base salary itself, each an expression (usually a parameter), with the
/// legal basis. Reports total the bonuses of the proposals per form. Immutable.
/// </summary>
/// <param name="Multiple">The multiple of the base salary, for example <c>0.3</c> or <c>params.heSoThuongLdtt</c>.</param>
/// <param name="BaseSalary">The base salary in đồng, for example <c>params.mucLuongCoSo</c>; null when not given (the
/// bonus is then reported as a multiple only).</param>
/// <param name="Basis">The legal basis of the multiple.</param>
/// <param name="Note">Free text: what was verified and what was not.</param>
/// <param name="Span">Where it was declared.</param>
public sealed record BonusRule(SourceText Multiple, SourceText? BaseSalary, string Basis, string? Note, SourceSpan Span);
