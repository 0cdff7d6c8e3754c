using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ThiDua.Rules.Loading;
using ThiDua.Rules.Loading.Json;
using ThiDua.Rules.Model;
using ThiDua.Rules.Validation;

namespace ThiDua.Rules.Reporting.Reading;

/// <summary>
/// Reads the council's secret ballots (<c>--votes</c>, design §8): a CSV file, an XLSX workbook (its first sheet) or a
/// JSON file, each vote a row with the columns <c>subject</c>, <c>award</c>, <c>members</c>, <c>yes</c>. Vietnamese
/// headers are accepted (<c>Mã</c>, <c>Danh hiệu</c>, <c>Số thành viên</c>, <c>Số phiếu đồng ý</c>…), in any order and
/// with or without diacritics. Every problem is a diagnostic at its cell (or JSON line), never an exception.
/// </summary>
public static class CouncilVoteReader
{
    /// <summary>The accepted headers of each column, the canonical name first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["subject"] = ["subject", "Mã", "Mã đối tượng", "Mã cá nhân", "Mã đơn vị", "Mã số"],
        ["award"] = ["award", "Danh hiệu", "Mã danh hiệu", "Hình thức", "Danh hiệu, hình thức", "Hình thức khen thưởng"],
        ["members"] = ["members", "Số thành viên", "Thành viên", "Tổng số thành viên", "Số thành viên hội đồng"],
        ["yes"] = ["yes", "Đồng ý", "Số phiếu đồng ý", "Phiếu đồng ý"],
    };

    private static readonly string[] Fields = ["subject", "award", "members", "yes"];

    /// <summary>Reads the votes of <paramref name="path"/> (.csv, .xlsx or .json).</summary>
    /// <param name="path">The votes file: an ordinary file (a folder, device, FIFO or socket is refused before it is opened).</param>
    /// <param name="limits">The size limit (<see cref="DataLimits.MaxFileBytes"/>, enforced while reading too) and the
    /// other limits of data files; null for <see cref="DataLimits.Default"/>.</param>
    /// <returns>The votes in file order, or every diagnostic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static LoadResult<IReadOnlyList<CouncilVote>> Load(string path, DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new DiagnosticBag();
        var fileSpan = new SourceSpan(path, 0, 0);
        var file = InputFile.Data(limits ?? DataLimits.Default);
        IReadOnlyList<CouncilVote>? votes = null;
        try
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (InputFile.Check(path, file, diagnostics) is not null)
            {
                votes = extension switch
                {
                    ".json" => ReadJson(path, limits ?? DataLimits.Default, diagnostics),
                    ".csv" => ReadTable(new SheetSource { File = path, Rows = CsvSubjectReader.Rows(() => CsvSubjectReader.Open(path, limits ?? DataLimits.Default), path, diagnostics) }, diagnostics),
                    ".xlsx" => ReadWorkbook(path, file, diagnostics),
                    _ => Unsupported(path, extension, diagnostics),
                };
            }
        }
        catch (InputLimitException ex)
        {
            diagnostics.Add(ex.Diagnostic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.FileNotReadable, fileSpan, DiagnosticCatalog.FileProblem(ex, path));
        }
        catch (OverflowException)
        {
            diagnostics.Add(DiagnosticCodes.DataInvalidNumber, fileSpan, "votes", DiagnosticCatalog.Phrase("number.too-large"));
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(DiagnosticCodes.CsvNotUtf8, fileSpan);
        }
        catch (Exception ex) when (WorkbookLimits.Malformed(ex) is { } reason)
        {
            diagnostics.Add(DiagnosticCodes.SpreadsheetInvalid, fileSpan, reason);
        }

        return new LoadResult<IReadOnlyList<CouncilVote>>(diagnostics.HasErrors ? null : votes, diagnostics.ToSortedArray());
    }

    private static List<CouncilVote>? Unsupported(string path, string extension, DiagnosticBag diagnostics)
    {
        diagnostics.Add(DiagnosticCodes.DataFormatNotSupported, new SourceSpan(path, 0, 0), extension.Length == 0 ? Path.GetFileName(path) : extension);
        return null;
    }

    private static List<CouncilVote>? ReadWorkbook(string path, InputFile.Rules file, DiagnosticBag diagnostics)
    {
        // The package reader needs to seek: the workbook is read once through the size limit into memory.
        using var stream = InputFile.ReadAll(path, file);
        if (!WorkbookLimits.CheckPackage(stream, path, diagnostics))
        {
            return null;
        }

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false, new DocumentFormat.OpenXml.Packaging.OpenSettings { MaxCharactersInPart = SpreadsheetDataLoader.MaxCharactersInPart });
        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || first?.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
        {
            diagnostics.Add(DiagnosticCodes.SpreadsheetInvalid, new SourceSpan(path, 0, 0), DiagnosticCatalog.Term("the workbook has no sheets"));
            return null;
        }

        var context = new XlsxSubjectReader.WorkbookContext(workbook, path);
        return ReadTable(new SheetSource { File = path, Sheet = first.Name?.Value ?? "Sheet1", Rows = XlsxSubjectReader.Rows(worksheet, context) }, diagnostics);
    }

    /// <summary>A table: the first non-blank row is the header; every later non-blank row is a vote.</summary>
    private static List<CouncilVote>? ReadTable(SheetSource source, DiagnosticBag diagnostics)
    {
        var votes = new List<CouncilVote>();
        int[]? columns = null;
        foreach (var row in source.Rows)
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (columns is null)
            {
                columns = Header(row, source, diagnostics);
                if (columns is null)
                {
                    return null;
                }

                continue;
            }

            var subject = CellParser.Text(row[columns[0]]).Trim();
            var award = CellParser.Text(row[columns[1]]).Trim();
            var members = Count(row, columns[2], source, diagnostics);
            var yes = Count(row, columns[3], source, diagnostics);
            if (subject.Length == 0 || award.Length == 0)
            {
                var empty = subject.Length == 0 ? 0 : 1;
                diagnostics.Add(DiagnosticCodes.SheetInvalidCell, source.SpanOf(row.Number, columns[empty]), Fields[empty], DiagnosticCatalog.Term("an id (not empty)"), DiagnosticCatalog.Term("empty"));
                continue;
            }

            if (members is { } m && yes is { } y)
            {
                votes.Add(new CouncilVote(subject, award, m, y, source.SpanOf(row.Number, columns[0])));
            }
        }

        if (columns is null)
        {
            diagnostics.Add(DiagnosticCodes.SheetMissingColumn, source.SpanOf(1, 0), "subject", string.Join(", ", Headers["subject"]));
            return null;
        }

        return votes;
    }

    private static int[]? Header(SheetRow row, SheetSource source, DiagnosticBag diagnostics)
    {
        var columns = new int[Fields.Length];
        Array.Fill(columns, -1);
        for (var c = 0; c < row.Width; c++)
        {
            var text = TextKey.Header(CellParser.Text(row[c]));
            for (var f = 0; f < Fields.Length; f++)
            {
                if (Headers[Fields[f]].Any(h => TextKey.Header(h) == text))
                {
                    if (columns[f] >= 0)
                    {
                        diagnostics.Add(DiagnosticCodes.SheetDuplicateColumn, source.SpanOf(row.Number, c), CellParser.Text(row[c]), CellParser.Text(row[columns[f]]), Fields[f]);
                    }

                    columns[f] = c;
                }
            }
        }

        var ok = true;
        for (var f = 0; f < Fields.Length; f++)
        {
            if (columns[f] < 0)
            {
                diagnostics.Add(DiagnosticCodes.SheetMissingColumn, source.SpanOf(row.Number, 0), Fields[f], string.Join(", ", Headers[Fields[f]].Select(h => "'" + h + "'")));
                ok = false;
            }
        }

        return ok ? columns : null;
    }

    private static int? Count(SheetRow row, int column, SheetSource source, DiagnosticBag diagnostics)
    {
        var cell = row[column];
        if (CellParser.TryNumber(cell, out var value) && value == decimal.Truncate(value) && value >= 0 && value <= 1_000_000)
        {
            return (int)value;
        }

        diagnostics.Add(DiagnosticCodes.SheetInvalidCell, source.SpanOf(row.Number, column), CellParser.Text(cell), DiagnosticCatalog.Term("a whole number, not negative"), cell.IsBlank ? DiagnosticCatalog.Term("empty") : CellParser.Text(cell));
        return null;
    }

    /// <summary>JSON: an array of votes, or an object whose <c>votes</c> member is one; each vote an object with the four members.</summary>
    private static List<CouncilVote>? ReadJson(string path, DataLimits limits, DiagnosticBag diagnostics)
    {
        JToken root;
        try
        {
            // Through the size limit, and the lengths of names and texts, like a data file.
            using var text = new JsonLimitReader(new StreamReader(InputFile.Open(path, InputFile.Data(limits)), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true), path, limits);
            using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 16 };
            root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }
        catch (JsonReaderException ex)
        {
            JsonSource.ReportReaderError(ex, null, path, diagnostics);
            return null;
        }

        var array = root as JArray ?? (root as JObject)?["votes"] as JArray;
        if (array is null)
        {
            diagnostics.Add(DiagnosticCodes.DataWrongType, Span(root, path), "votes", DiagnosticCatalog.Phrase("json.array"), DiagnosticCatalog.JsonKind(root.Type));
            return null;
        }

        var votes = new List<CouncilVote>();
        foreach (var item in array)
        {
            if (item is not JObject vote)
            {
                diagnostics.Add(DiagnosticCodes.DataWrongType, Span(item, path), "votes[]", DiagnosticCatalog.Phrase("json.object"), DiagnosticCatalog.JsonKind(item.Type));
                continue;
            }

            foreach (var unknown in vote.Properties().Where(p => !Fields.Contains(p.Name)))
            {
                diagnostics.Add(Diagnostic.CreateWithSuggestion(DiagnosticCodes.DataUnknownMember, Span(unknown, path), Suggestions.Closest(unknown.Name, Fields), unknown.Name, DiagnosticCatalog.Term("vote")));
            }

            var subject = JsonText(vote, "subject", path, diagnostics);
            var award = JsonText(vote, "award", path, diagnostics);
            var members = JsonCount(vote, "members", path, diagnostics);
            var yes = JsonCount(vote, "yes", path, diagnostics);
            if (subject is not null && award is not null && members is not null && yes is not null)
            {
                votes.Add(new CouncilVote(subject, award, members.Value, yes.Value, Span(vote, path)));
            }
        }

        return votes;
    }

    private static string? JsonText(JObject vote, string name, string path, DiagnosticBag diagnostics)
    {
        if (vote[name] is not { } token)
        {
            diagnostics.Add(DiagnosticCodes.DataMissingMember, Span(vote, path), name, DiagnosticCatalog.Term("vote"));
            return null;
        }

        var text = token.Type == JTokenType.String ? token.Value<string>()?.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            diagnostics.Add(DiagnosticCodes.DataWrongType, Span(token, path), name, DiagnosticCatalog.Term("an id (not empty)"), token.Type.ToString().ToLowerInvariant());
            return null;
        }

        return text;
    }

    private static int? JsonCount(JObject vote, string name, string path, DiagnosticBag diagnostics)
    {
        if (vote[name] is not { } token)
        {
            diagnostics.Add(DiagnosticCodes.DataMissingMember, Span(vote, path), name, DiagnosticCatalog.Term("vote"));
            return null;
        }

        if (token.Type is JTokenType.Integer or JTokenType.Float && (decimal)token! is var d && d == decimal.Truncate(d) && d >= 0 && d <= 1_000_000)
        {
            return (int)d;
        }

        diagnostics.Add(DiagnosticCodes.DataWrongType, Span(token!, path), name, DiagnosticCatalog.Term("a whole number, not negative"), token!.ToString(Formatting.None));
        return null;
    }

    private static SourceSpan Span(JToken token, string path) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? new SourceSpan(path, info.LineNumber, info.LinePosition) : new SourceSpan(path, 0, 0);
}
