using Newtonsoft.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Places data-binding diagnostics at the member they are about. Binding sees a record's position only (keeping every
/// member's position for a million people would cost memory on every run); a diagnostic that names a member of a
/// record of a JSON file (its span's path is <c>individuals[3].rating</c>) is moved to that member's value by one
/// streaming pass over the file, made only when binding found such a problem. Memory stays bounded by one line.
/// </summary>
internal static class MemberLocator
{
    /// <summary>The most diagnostics placed in one pass (a file with more problems gets the first ones placed).</summary>
    private const int MaxPlaced = 10_000;

    public static IReadOnlyList<Diagnostic> Relocate(IReadOnlyList<Diagnostic> diagnostics)
    {
        var wanted = new Dictionary<string, Dictionary<string, SourceSpan?>>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            if (IsMemberOfARecord(d.Span) && wanted.Count <= MaxPlaced)
            {
                if (!wanted.TryGetValue(d.Span.File, out var paths))
                {
                    wanted[d.Span.File] = paths = new(StringComparer.Ordinal);
                }

                paths.TryAdd(d.Span.JsonPath, null);
            }
        }

        if (wanted.Count == 0)
        {
            return diagnostics;
        }

        foreach (var (file, paths) in wanted)
        {
            Find(file, paths);
        }

        return [.. diagnostics.Select(d => IsMemberOfARecord(d.Span) && wanted.TryGetValue(d.Span.File, out var paths) && paths.GetValueOrDefault(d.Span.JsonPath) is { } at
            ? d.WithSpan(at)
            : d)];
    }

    private static bool IsMemberOfARecord(SourceSpan span) =>
        span.Line > 0 && span.Cell is null && span.JsonPath is { Length: > 0 } path && path[^1] != ']' && path.Contains('[', StringComparison.Ordinal)
        && span.File.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static void Find(string file, Dictionary<string, SourceSpan?> paths)
    {
        try
        {
            // The file was read once already; it is opened the same way again (an ordinary file within the limit).
            if (InputFile.Refusal(file, InputFile.Data(DataLimits.Default), out _) is not null)
            {
                return;
            }

            using var text = new CapturingTextReader(Utf8Text.Open(file), new CommaChecker());
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = JsonSource.MaxDepth };
            var left = paths.Count;
            while (left > 0 && json.Read())
            {
                if (json.TokenType != JsonToken.PropertyName)
                {
                    continue;
                }

                text.Trim(text.OffsetAfter(json.LineNumber, json.LinePosition));
                var path = json.Path;
                if (!paths.TryGetValue(path, out var found) || found is not null || !json.Read())
                {
                    continue;
                }

                var column = json.TokenType switch
                {
                    JsonToken.StartObject or JsonToken.StartArray => json.LinePosition,
                    JsonToken.String => text.TokenColumn(json.LineNumber, json.LinePosition, JsonSource.TokenKind.String),
                    _ => text.TokenColumn(json.LineNumber, json.LinePosition, JsonSource.TokenKind.Literal),
                };
                paths[path] = new SourceSpan(file, json.LineNumber, Math.Max(1, column), path);
                left--;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // The file changed or cannot be read again: the diagnostics keep the record's position.
        }
    }
}
