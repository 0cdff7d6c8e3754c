using System.Collections.Immutable;
using System.Text;
using NodaTime;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading;

/// <summary>
/// Loads rule files (one file, or every <c>*.json</c> below a folder except <c>schema/</c> and <c>samples/</c>) into a
/// <see cref="RuleLibrary"/>. Never throws for bad input: problems come back as diagnostics with file, line and column.
/// </summary>
/// <remarks>
/// <para><b>Cost:</b> reads and parses each file once (strict JSON with positions); files above
/// <see cref="MaxRuleFileBytes"/> are refused. A folder's files are read in ordinal path order, so diagnostics do not
/// depend on the file system. Loading checks structure only; expressions are checked by
/// <see cref="Validation.RuleSetValidator"/> or <see cref="Compilation.RuleSetCompiler"/>.</para>
/// <para><b>Thread safety:</b> all methods are static and share no state.</para>
/// </remarks>
public static class RuleSetLoader
{
    /// <summary>The largest rule file accepted, in bytes.</summary>
    public const long MaxRuleFileBytes = 16L * 1024 * 1024;

    private static readonly string[] SkippedFolders = ["schema", "samples", "bin", "obj"];

    /// <summary>Loads a rule file or a folder of rule files (with the bases they <c>extends</c>).</summary>
    /// <param name="path">A <c>.json</c> file or a folder; relative paths stay relative in diagnostics.</param>
    /// <returns>The library, or the diagnostics that explain why there is none (a missing path is <c>TDR023</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static LoadResult<RuleLibrary> Load(string path) => Load(path, null);

    /// <summary>Loads a rule file or a folder of rule files with options (for example, confining <c>extends</c> to a folder).</summary>
    /// <param name="path">A <c>.json</c> file or a folder; relative paths stay relative in diagnostics.</param>
    /// <param name="options">The options; null for <see cref="RuleLoadOptions.Default"/>.</param>
    /// <returns>The library, or the diagnostics that explain why there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static LoadResult<RuleLibrary> Load(string path, RuleLoadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        var library = Load(path, diagnostics, new LoadSession(options ?? RuleLoadOptions.Default));
        return new LoadResult<RuleLibrary>(library, diagnostics.ToSortedArray());
    }

    /// <summary>
    /// Loads what can be loaded even when some files have errors, so that validation can report every problem of every
    /// file in one pass (a file with an unknown member still gets its expressions checked).
    /// </summary>
    internal static (RuleLibrary Library, DiagnosticBag Diagnostics) LoadPartial(string path)
    {
        var diagnostics = new DiagnosticBag();
        return (Load(path, diagnostics, new LoadSession(RuleLoadOptions.Default)), diagnostics);
    }

    /// <summary>Loads one rule file from text (for editors and tests); <paramref name="fileName"/> is used in diagnostics.</summary>
    /// <param name="json">The rule file's text.</param>
    /// <param name="fileName">The name shown in diagnostics; an <c>extends</c> path is resolved against the current directory.</param>
    /// <returns>A library of one version, or the diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="fileName"/> is null.</exception>
    public static LoadResult<RuleLibrary> LoadText(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag();
        var entry = ReadFile(new StringReader(json), fileName, Directory.GetCurrentDirectory(), diagnostics, new LoadSession(RuleLoadOptions.Default));
        var library = new RuleLibrary(entry is null ? [] : [entry], fileName);
        return new LoadResult<RuleLibrary>(library, diagnostics.ToSortedArray());
    }

    internal static RuleLibrary Load(string path, DiagnosticBag diagnostics, LoadSession loading)
    {
        var entries = new List<RuleLibrary.Entry>();
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Directory)
        {
            var files = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(SkippedFolders.Contains))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                diagnostics.Add(DiagnosticCodes.FileNotReadable, new SourceSpan(path, 0, 0), DiagnosticCatalog.Phrase("file.no-rule-file"));
            }

            foreach (var file in files)
            {
                var entry = LoadFile(file, diagnostics, loading);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }
        else if (status.Kind == FileKind.Other)
        {
            diagnostics.Add(DiagnosticCodes.RuleFileNotRegular, new SourceSpan(path, 0, 0), path);
        }
        else if (status.Kind == FileKind.Regular)
        {
            var entry = LoadFile(path, diagnostics, loading);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
        else
        {
            diagnostics.Add(DiagnosticCodes.FileNotReadable, new SourceSpan(path, 0, 0), DiagnosticCatalog.Phrase("file.not-found-or-folder"));
        }

        return new RuleLibrary([.. entries], path);
    }

    private static RuleLibrary.Entry? LoadFile(string file, DiagnosticBag diagnostics, LoadSession loading)
    {
        try
        {
            // A FIFO, device or socket named *.json in a rules folder would block or never end: refused before opening;
            // the size limit holds while reading too, whatever the file system reported.
            if (InputFile.Check(file, InputFile.RuleFile, diagnostics) is null)
            {
                return null;
            }

            var stream = InputFile.Open(file, InputFile.RuleFile, 4096);
            using var reader = Utf8Text.Reader(stream, 4096);
            return ReadFile(reader, file, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", diagnostics, loading);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Utf8Text.Report(ex, file, diagnostics);
            return null;
        }
    }

    private static RuleLibrary.Entry? ReadFile(TextReader reader, string file, string directory, DiagnosticBag diagnostics, LoadSession loading)
    {
        var root = JsonSource.Parse(reader, file, diagnostics);
        if (root is null)
        {
            return null;
        }

        var ruleSet = RuleSetJsonReader.Read(root, file, diagnostics);
        if (ruleSet is null)
        {
            return null;
        }

        RuleLibrary? baseLibrary = null;
        if (ruleSet.Extends is { } extends)
        {
            // Every problem with the base is placed at the 'extends' value, not at the start of the file.
            var at = (root as Newtonsoft.Json.Linq.JObject)?["extends"] is { } member ? JsonSource.SpanOf(member, file) : ruleSet.Span;
            var self = Path.GetFullPath(file);
            var basePath = Path.GetFullPath(Path.Combine(directory, extends));
            if (loading.Loading.Contains(basePath) || string.Equals(basePath, self, StringComparison.Ordinal) || self.StartsWith(basePath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticCodes.ExtendsProblem, at, extends, DiagnosticCatalog.Phrase("ruleset.extends-itself"));
                return new RuleLibrary.Entry(ruleSet, null);
            }

            // Checked before anything is opened: only ordinary .json files or folders, and (when the embedder says so)
            // only inside the allowed folder; /etc/passwd, /proc/self/environ or /dev/zero are never read.
            var status = FileStatus.Of(basePath);
            if (loading.Options.ExtendsRoot is { } rootFolder && !Inside(status.Kind == FileKind.Missing ? basePath : status.FullPath, rootFolder))
            {
                diagnostics.Add(DiagnosticCodes.ExtendsOutsideRoot, at, extends, rootFolder);
                return new RuleLibrary.Entry(ruleSet, null);
            }

            if (status.Kind == FileKind.Other || (status.Kind == FileKind.Regular && !basePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(DiagnosticCodes.ExtendsNotJson, at, extends);
                return new RuleLibrary.Entry(ruleSet, null);
            }

            // Each base is loaded once however many files reach it (three files extending each other twelve levels
            // deep would otherwise be read 3^12 times).
            if (!loading.Bases.TryGetValue(basePath, out var loaded))
            {
                loading.Loading.Add(self);
                var baseDiagnostics = new DiagnosticBag();
                var library = Load(basePath, baseDiagnostics, loading);
                loading.Loading.Remove(self);
                loaded = (library, baseDiagnostics.ToSortedArray());
                loading.Bases[basePath] = loaded;
            }

            baseLibrary = loaded.Library;
            var errors = loaded.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count > 0)
            {
                if (errors.Exists(d => NotARuleFile.Contains(d.Code)))
                {
                    // Not a rule file at all: say so without quoting a word of it or a position inside it.
                    diagnostics.Add(DiagnosticCodes.ExtendsInvalid, at, extends, errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    // The base's first error, rendered in the language of the message (not frozen in English).
                    diagnostics.Add(DiagnosticCodes.ExtendsProblem, at, extends, DiagnosticCatalog.Nested(errors[0]));
                }

                baseLibrary = null;
            }
        }

        CheckAwardChanges(ruleSet, root, file, baseLibrary, diagnostics);
        return new RuleLibrary.Entry(ruleSet.Extends is null ? CommonCriterionUses.Resolve(ruleSet, diagnostics) : ruleSet, baseLibrary);
    }

    /// <summary>
    /// A plan's awards against every base version in force during the plan: a change (<c>extends</c> on an award) must
    /// find its base award in each of them (TDR048), and a whole award replacing a base award must not span two base
    /// versions that both have it (TDR050: a 2024 award copied into a 2021–2025 plan would otherwise replace the 2017
    /// award too, silently). Without a base, an award cannot change one (TDR049).
    /// </summary>
    private static void CheckAwardChanges(RuleSet ruleSet, Newtonsoft.Json.Linq.JToken root, string file, RuleLibrary? baseLibrary, DiagnosticBag diagnostics)
    {
        var awardsJson = (root as Newtonsoft.Json.Linq.JObject)?["awards"] as Newtonsoft.Json.Linq.JArray;
        for (var i = 0; i < ruleSet.Awards.Length; i++)
        {
            var award = ruleSet.Awards[i];
            var json = awardsJson is not null && i < awardsJson.Count ? awardsJson[i] as Newtonsoft.Json.Linq.JObject : null;
            SourceSpan At(string member) => json?[member] is { } token ? JsonSource.SpanOf(token, file) : award.Span;
            if (ruleSet.Extends is null)
            {
                if (award.Extends is not null)
                {
                    diagnostics.Add(DiagnosticCodes.AwardChangeWithoutBase, At("extends"), award.Id, "extends");
                }

                if (award.Effective is not null)
                {
                    diagnostics.Add(DiagnosticCodes.AwardChangeWithoutBase, At("effective"), award.Id, "effective");
                }

                continue;
            }

            if (baseLibrary is null || Intersect(ruleSet.Effective, award.Effective) is not { } period)
            {
                continue;
            }

            var bases = new List<(RuleSet Version, EffectivePeriod InForce)>();
            foreach (var entry in baseLibrary.Entries)
            {
                if (Intersect(period, entry.RuleSet.Effective) is { } shared
                    && RuleLibrary.Resolve(entry, shared.From, new DiagnosticBag()) is { } resolved)
                {
                    bases.Add((resolved, entry.RuleSet.Effective));
                }
            }

            if (award.Extends is { } baseId)
            {
                if (bases.FirstOrDefault(b => !b.Version.Awards.Any(a => a.Id == baseId)) is { Version: not null } lacking)
                {
                    diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.ExtendedAwardMissing, At("extends"),
                        Suggestions.Closest(baseId, lacking.Version.Awards.Select(a => a.Id)), award.Id, baseId,
                        lacking.Version.Id + " (" + lacking.InForce + ")"));
                }

                continue;
            }

            var holding = bases.Where(b => b.Version.Awards.Any(a => a.Id == award.Id)).ToList();
            if (holding.Count > 1)
            {
                diagnostics.Add(DiagnosticCodes.AwardCopySpansBaseVersions, At("id"), award.Id, period.ToString(),
                    string.Join(", ", holding.Select(b => b.Version.Id + " " + b.InForce)));
            }
        }
    }

    /// <summary>The days two periods share (the second may be null: no limit), or null when none.</summary>
    private static EffectivePeriod? Intersect(EffectivePeriod first, EffectivePeriod? second)
    {
        if (second is null)
        {
            return first;
        }

        var from = first.From > second.From ? first.From : second.From;
        LocalDate? to = first.To is null ? second.To : second.To is null ? first.To : first.To < second.To ? first.To : second.To;
        return to is null || from <= to ? new EffectivePeriod(from, to) : null;
    }

    // The errors that say a base is not a rule file (its text is not JSON, or not shaped as a rule set).
    private static readonly HashSet<DiagnosticCode> NotARuleFile =
    [
        DiagnosticCodes.InvalidJson, DiagnosticCodes.UnknownMember, DiagnosticCodes.MissingMember, DiagnosticCodes.WrongJsonType,
        DiagnosticCodes.InputTooLarge, DiagnosticCodes.RuleFileTooLarge, DiagnosticCodes.RuleFileNotRegular, DiagnosticCodes.ExtendsInvalid,
    ];

    private static bool Inside(string path, string folder)
    {
        var root = FileStatus.Of(folder).FullPath.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The state of one load: the files being loaded (to find loops), the bases already loaded, the options.</summary>
    internal sealed class LoadSession(RuleLoadOptions options)
    {
        public RuleLoadOptions Options { get; } = options;

        public HashSet<string> Loading { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (RuleLibrary Library, ImmutableArray<Diagnostic> Diagnostics)> Bases { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>Options for <see cref="RuleSetLoader.Load(string, RuleLoadOptions?)"/>.</summary>
/// <remarks>Immutable; change with <c>with</c>.</remarks>
public sealed record RuleLoadOptions
{
    /// <summary>No confinement.</summary>
    public static RuleLoadOptions Default { get; } = new();

    /// <summary>
    /// When set, <c>extends</c> may name only files and folders inside this folder (after following symbolic links);
    /// a base outside it is refused before it is opened (<c>TDR062</c>). For hosts that load rule files written by
    /// others. Null (the default): any ordinary <c>.json</c> file or folder.
    /// </summary>
    public string? ExtendsRoot { get; init; }
}

/// <summary>
/// Every version of the rule sets found at a path. <see cref="Select"/> picks the version in force on a date and merges
/// it with the base it extends.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="Select"/> merges on every call (cheap, but keep the compiled result,
/// not the library, for repeated evaluation).</remarks>
public sealed class RuleLibrary
{
    internal RuleLibrary(ImmutableArray<Entry> entries, string path)
    {
        Entries = entries;
        Path = path;
    }

    /// <summary>The path the library was loaded from.</summary>
    public string Path { get; }

    /// <summary>Every version, as written in its file (not merged with bases), in file order.</summary>
    public ImmutableArray<RuleSet> Versions => [.. Entries.Select(e => e.RuleSet)];

    /// <summary>The distinct rule-set ids, sorted.</summary>
    public ImmutableArray<string> Ids => [.. Entries.Select(e => e.RuleSet.Id).Distinct().Order(StringComparer.Ordinal)];

    internal ImmutableArray<Entry> Entries { get; }

    /// <summary>
    /// Selects the version in force on <paramref name="asOf"/> (of rule set <paramref name="id"/>, required only when the
    /// path holds several) and merges it with the base version in force on the same date.
    /// </summary>
    /// <param name="asOf">The date (usually the data's as-of date).</param>
    /// <param name="id">The rule-set id; null when the path holds one rule set.</param>
    /// <returns>The merged version, or a diagnostic: no version in force (<c>TDR027</c>), overlapping versions
    /// (<c>TDR026</c>), several rule sets (<c>TDR028</c>) or a base that cannot be used (<c>TDR030</c>).</returns>
    public LoadResult<RuleSet> Select(LocalDate asOf, string? id = null)
    {
        var diagnostics = new DiagnosticBag();
        var ruleSet = SelectCore(asOf, id, diagnostics);
        return new LoadResult<RuleSet>(ruleSet, diagnostics.ToSortedArray());
    }

    internal RuleSet? SelectCore(LocalDate asOf, string? id, DiagnosticBag diagnostics)
    {
        var candidates = Entries.Where(e => id is null || e.RuleSet.Id == id).ToList();
        var ids = candidates.Select(e => e.RuleSet.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ids.Count > 1)
        {
            diagnostics.Add(DiagnosticCodes.AmbiguousRuleSet, new SourceSpan(Path, 0, 0), string.Join(", ", ids));
            return null;
        }

        var inForce = candidates.Where(e => e.RuleSet.Effective.Contains(asOf)).ToList();
        if (inForce.Count != 1)
        {
            if (inForce.Count == 0)
            {
                diagnostics.Add(DiagnosticCodes.NoVersionInForce, new SourceSpan(Path, 0, 0), id ?? ids.FirstOrDefault() ?? "?",
                    NodaTime.Text.LocalDatePattern.Iso.Format(asOf),
                    string.Join(", ", candidates.Select(e => e.RuleSet.Effective.ToString())));
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.OverlappingVersions, inForce[1].RuleSet.Span, inForce[0].RuleSet.Id, inForce[0].RuleSet.Span.ToString());
            }

            return null;
        }

        return Resolve(inForce[0], asOf, diagnostics);
    }

    /// <summary>Merges an entry with its base version in force on <paramref name="asOf"/>.</summary>
    internal static RuleSet? Resolve(Entry entry, LocalDate asOf, DiagnosticBag diagnostics)
    {
        if (entry.RuleSet.Extends is null)
        {
            return entry.RuleSet;
        }

        if (entry.Base is null)
        {
            return null;
        }

        var baseDiagnostics = new DiagnosticBag();
        var baseRuleSet = entry.Base.SelectCore(asOf, null, baseDiagnostics);
        if (baseRuleSet is null)
        {
            var first = baseDiagnostics.ToSortedArray().FirstOrDefault(d => d.Severity == Severity.Error);
            diagnostics.Add(DiagnosticCodes.ExtendsProblem, entry.RuleSet.Span, entry.RuleSet.Extends, first is null ? DiagnosticCatalog.Phrase("ruleset.no-version-in-force") : DiagnosticCatalog.Nested(first));
            return null;
        }

        return RuleSetMerger.Merge(baseRuleSet, entry.RuleSet, asOf, diagnostics);
    }

    internal sealed record Entry(RuleSet RuleSet, RuleLibrary? Base);
}

/// <summary>Merges an extending rule set over its base: items with the same id are replaced, new ones added.</summary>
internal static class RuleSetMerger
{
    public static RuleSet Merge(RuleSet baseSet, RuleSet over, LocalDate asOf, DiagnosticBag diagnostics)
    {
        var parameters = baseSet.Parameters.ToList();
        foreach (var p in over.Parameters)
        {
            var index = parameters.FindIndex(b => b.Id == p.Id);
            if (index < 0)
            {
                parameters.Add(p);
                continue;
            }

            var original = parameters[index];
            var given = p.Value is not null || p.Values.Any(v => v.Value is not null);
            if (given && original.Type != p.Type)
            {
                diagnostics.Add(DiagnosticCodes.ParameterTypeDiffersFromBase, p.Span, p.Id, DiagnosticCatalog.ValueKindArgument(p.Type), DiagnosticCatalog.ValueKindArgument(original.Type));
                continue;
            }

            // A base parameter without a value and without a declared kind says nothing of its kind: any value fits.
            var kindKnown = original.KindDeclared || original.Value is not null || original.Values.Any(v => v.Value is not null);
            if (given && kindKnown && !Quantities.Fits(original.Kind, p.Kind))
            {
                // A plan that lowers a cap of "15%" to 12 (without the percent sign) would lift it to 1200%.
                var shown = p.Value ?? p.Values.First(v => v.Value is not null).Value!;
                var written = shown is decimal d
                    ? (p.Kind == Quantity.Share ? d * 100 : d).ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) + (p.Kind == Quantity.Share ? "%" : "")
                    : shown.ToString() ?? "";
                var suggestion = original.Kind == Quantity.Share && shown is decimal plain ? plain.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : null;
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.ParameterKindMismatch, p.Span, suggestion, p.Id, DiagnosticCatalog.QuantityTerm(original.Kind),
                    original.Span.ToString(), written, DiagnosticCatalog.QuantityTerm(p.Kind)));
                continue;
            }

            parameters[index] = original with
            {
                // The plan's values replace the base's, dated ones included: a plan's one value holds for every date.
                Value = p.Value, Values = p.Values, Note = p.Note ?? original.Note, Basis = p.Basis ?? original.Basis, Span = p.Span,
                Kind = original.Kind == Quantity.Number || !kindKnown ? p.Kind : original.Kind,
                KindDeclared = original.KindDeclared || p.KindDeclared,
            };
        }

        var merged = over with
        {
            Base = new RuleSetReference(baseSet.Id, baseSet.Version),
            Basis = MergeById(baseSet.Basis, over.Basis, x => x.Id),
            Parameters = [.. parameters],
            Scales = MergeById(baseSet.Scales, over.Scales, x => x.Id),
            Facts = MergeById(baseSet.Facts, over.Facts, x => x.Id),
            Scoring = MergeById(baseSet.Scoring, over.Scoring, x => x.Id),
            Awards = MergeAwards(baseSet, over, asOf, diagnostics),
            Targets = MergeById(baseSet.Targets, over.Targets, x => x.Id),
            ExclusiveGroups = MergeById(baseSet.ExclusiveGroups, over.ExclusiveGroups, x => x.Id),
            CommonCriteria = MergeById(baseSet.CommonCriteria, over.CommonCriteria, x => x.Id),
        };
        return CommonCriterionUses.Resolve(merged, diagnostics);
    }

    /// <summary>
    /// The base's awards with the plan's over them: an award whose <c>effective</c> period leaves out
    /// <paramref name="asOf"/> is skipped (the base's stands); a change (<c>extends</c>) is applied to the base award in
    /// force; any other award replaces the one of its id or is added.
    /// </summary>
    private static ImmutableArray<AwardDefinition> MergeAwards(RuleSet baseSet, RuleSet over, LocalDate asOf, DiagnosticBag diagnostics)
    {
        var awards = new List<AwardDefinition>();
        foreach (var award in over.Awards)
        {
            if (award.Effective is { } period && !period.Contains(asOf))
            {
                continue;
            }

            if (award.Extends is not { } baseId)
            {
                awards.Add(award);
            }
            else if (baseSet.Awards.FirstOrDefault(a => a.Id == baseId) is { } original)
            {
                awards.Add(Change(original, award));
            }
            else
            {
                // Also found when loading (at the 'extends' value); here for a library used despite its load errors.
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.ExtendedAwardMissing, award.Span,
                    Suggestions.Closest(baseId, baseSet.Awards.Select(a => a.Id)), award.Id, baseId, baseSet.Id + " (" + baseSet.Effective + ")"));
            }
        }

        return MergeById(baseSet.Awards, [.. awards], x => x.Id);
    }

    /// <summary>A base award with a plan's change: what the change writes replaces, criteria merge by id.</summary>
    private static AwardDefinition Change(AwardDefinition original, AwardDefinition change) => original with
    {
        Id = change.Id,
        Name = change.Name.Length > 0 ? change.Name : original.Name,
        NameEn = change.NameEn ?? original.NameEn,
        Subject = change.SubjectGiven ? change.Subject : original.Subject,
        Basis = change.Basis.Length > 0 ? change.Basis : original.Basis,
        Note = change.Note ?? original.Note,
        Requires = change.Requires.IsEmpty ? original.Requires : change.Requires,
        Criteria = MergeById(original.Criteria, change.Criteria, c => c.Id),
        Quota = change.Quota ?? original.Quota,
        CouncilVote = change.CouncilVote ?? original.CouncilVote,
        Bonus = change.Bonus ?? original.Bonus,
        Extends = change.Extends,
        Effective = change.Effective,
        Span = change.Span,
    };

    private static ImmutableArray<T> MergeById<T>(ImmutableArray<T> baseItems, ImmutableArray<T> overItems, Func<T, string> id)
    {
        var result = baseItems.ToList();
        foreach (var item in overItems)
        {
            var index = result.FindIndex(b => id(b) == id(item));
            if (index >= 0)
            {
                result[index] = item;
            }
            else
            {
                result.Add(item);
            }
        }

        return [.. result];
    }
}
