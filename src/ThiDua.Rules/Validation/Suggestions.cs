namespace ThiDua.Rules.Validation;

/// <summary>Did-you-mean suggestions by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The longest text a suggestion is looked for: longer than any name of the format.</summary>
    private const int MaxInputLength = 100;

    /// <summary>Returns the candidate closest to <paramref name="input"/>, or null when none is close enough.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        // The distance is at least the difference in length: a text far longer than any name is never close, and is not
        // compared (a 50-million-character member name would otherwise take gigabytes and minutes).
        if (input.Length > MaxInputLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var bestIsPrefix = false;
        var limit = Math.Max(2, input.Length / 3);
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            if (Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());

            // On a tie, prefer a candidate that starts with what was typed: 'HTT' → 'HTTNV', not 'HTNV'.
            var isPrefix = candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase);
            if (distance < bestDistance || (distance == bestDistance && isPrefix && !bestIsPrefix))
            {
                best = candidate;
                bestDistance = distance;
                bestIsPrefix = isPrefix;
            }
        }

        // Allow roughly one edit per three characters, at least two: "monthWorked" → "monthsWorked".
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
