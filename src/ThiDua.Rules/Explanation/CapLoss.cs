using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;
using ThiDua.Rules.Writing;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// Finds, for a failed criterion, the award of this year that it reads (<c>has</c>, <c>streak</c>, <c>awardCount</c> on
/// the subject itself) and that the subject met but lost to its quota: the title (CSTĐ cấp tỉnh after three CSTĐCS
/// years) is then lost only because of this year's cap, and the explanation says so instead of "0 — còn thiếu 3".
/// </summary>
internal static class CapLoss
{
    // The awards of this year each criterion reads on the subject itself, in the order a walk of its tree meets them:
    // found once per expression, not per subject.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BoundNode, int[]> Reads = [];

    /// <summary>The index of such an award (the first the expression reads, in reading order), or -1.</summary>
    public static int Find(EvalFrame frame, BoundNode node, int subject)
    {
        foreach (var award in Reads.GetValue(node, static n => [.. OwnAwards(n, [])]))
        {
            if (frame.Outcomes[award] is { } outcomes && subject < outcomes.Length && (Outcome)outcomes[subject] == Outcome.EligibleOverQuota)
            {
                return award;
            }
        }

        return -1;
    }

    /// <summary>The awards read on the subject itself (<c>has</c>, <c>streak</c>, <c>awardCount</c> on <c>this</c>), in pre-order.</summary>
    private static List<int> OwnAwards(BoundNode node, List<int> into)
    {
        switch (node)
        {
            case BoundBuiltinCall { Function: BuiltinFunction.Has or BuiltinFunction.Streak or BuiltinFunction.AwardCount, Receiver: BoundVariable { Variable.Name: "this" } } call:
                into.Add(call.Index);
                return AllOf(into, call.Arguments);
            case BoundBuiltinCall call:
                return AllOf(into, call.Arguments);
            case BoundUnary unary:
                return OwnAwards(unary.Operand, into);
            case BoundBinary binary:
                return AllOf(into, binary.Left, binary.Right);
            case BoundNullTest test:
                return OwnAwards(test.Operand, into);
            case BoundConditional conditional:
                return AllOf(into, conditional.Condition, conditional.WhenTrue, conditional.WhenFalse);
            case BoundIn inNode:
                return AllOf(into, [inNode.Value, .. inNode.Items]);
            case BoundPluginCall plugin:
                return AllOf(into, plugin.Arguments);
            case BoundRatioToNumber ratio:
                return OwnAwards(ratio.Operand, into);
            default:
                // Aggregates read other subjects (members), whose quotas are theirs, not this subject's.
                return into;
        }
    }

    private static List<int> AllOf(List<int> into, params IEnumerable<BoundNode> nodes)
    {
        foreach (var node in nodes)
        {
            OwnAwards(node, into);
        }

        return into;
    }

    /// <summary>The criterion's name with the note "lost only to this year's quota of …", in both languages.</summary>
    public static (string Name, string? NameEn) Note(CompiledRuleSet compiled, int award, string name, string? nameEn)
    {
        var lost = compiled.Awards[award].Definition;
        return (name + ReportCatalog.Format("quota.cap-loss", Language.Vi, lost.Name),
            (nameEn ?? name) + ReportCatalog.Format("quota.cap-loss", Language.En, lost.NameEn ?? lost.Name));
    }
}
