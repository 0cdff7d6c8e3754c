using ThiDua.Rules.Compilation;
using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Expressions.Binding;

namespace ThiDua.Rules.Explanation;

/// <summary>
/// Finds, for a failed criterion, the award of this year that it reads (<c>has</c>, <c>streak</c>, <c>awardCount</c> on
/// the subject itself) and that the subject met but lost to its quota: the title (CSTĐ cấp tỉnh after three CSTĐCS
/// years) is then lost only because of this year's cap, and the explanation says so instead of "0 — còn thiếu 3".
/// </summary>
internal static class CapLoss
{
    /// <summary>The index of such an award, or -1.</summary>
    public static int Find(EvalFrame frame, BoundNode node, int subject)
    {
        switch (node)
        {
            case BoundBuiltinCall { Function: BuiltinFunction.Has or BuiltinFunction.Streak or BuiltinFunction.AwardCount, Receiver: BoundVariable { Variable.Name: "this" } } call
                when frame.Outcomes[call.Index] is { } outcomes && subject < outcomes.Length && (Outcome)outcomes[subject] == Outcome.EligibleOverQuota:
                return call.Index;
            case BoundBuiltinCall call:
                return FirstOf(frame, subject, call.Arguments);
            case BoundUnary unary:
                return Find(frame, unary.Operand, subject);
            case BoundBinary binary:
                return FirstOf(frame, subject, binary.Left, binary.Right);
            case BoundNullTest test:
                return Find(frame, test.Operand, subject);
            case BoundConditional conditional:
                return FirstOf(frame, subject, conditional.Condition, conditional.WhenTrue, conditional.WhenFalse);
            case BoundIn inNode:
                return FirstOf(frame, subject, [inNode.Value, .. inNode.Items]);
            case BoundPluginCall plugin:
                return FirstOf(frame, subject, plugin.Arguments);
            case BoundRatioToNumber ratio:
                return Find(frame, ratio.Operand, subject);
            default:
                // Aggregates read other subjects (members), whose quotas are theirs, not this subject's.
                return -1;
        }
    }

    private static int FirstOf(EvalFrame frame, int subject, params IEnumerable<BoundNode> nodes)
    {
        foreach (var node in nodes)
        {
            var found = Find(frame, node, subject);
            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    /// <summary>The criterion's name with the note "lost only to this year's quota of …", in both languages.</summary>
    public static (string Name, string? NameEn) Note(CompiledRuleSet compiled, int award, string name, string? nameEn)
    {
        var lost = compiled.Awards[award].Definition;
        return (name + ExplanationWords.Get("caploss.note", Language.Vi, lost.Name),
            (nameEn ?? name) + ExplanationWords.Get("caploss.note", Language.En, lost.NameEn ?? lost.Name));
    }
}
