using System.Text;
using ThiDua.Rules.Reporting.Reading;
using ThiDua.Rules.Tests.ShippedRules;
using Xunit;

namespace ThiDua.Rules.Tests.Reading;

public sealed class ColumnMapTests
{
    /// <summary>Headers of the individuals sheet and the canonical name they map to.</summary>
    public static TheoryData<string, string> IndividualHeaders => new()
    {
        // Vietnamese, as clerks write them
        { "Mã cán bộ", "id" },
        { "Mã", "id" },
        { "Họ và tên", "name" },
        { "Đơn vị", "unit" },
        { "Xếp loại", "rating" },
        { "Loại cán bộ", "employeeType" },
        { "Ngày tuyển dụng", "startDate" },
        { "Số tháng công tác", "monthsWorked" },
        { "Số ngày nghỉ", "daysAbsent" },
        { "Đang xem xét kỷ luật", "pendingReview" },
        { "Hình thức kỷ luật", "discipline.level" },
        { "Ngày kỷ luật", "discipline.date" },
        { "Ngày hết hạn kỷ luật", "discipline.endDate" },
        { "Sáng kiến", "initiatives" },
        { "Đề tài", "researchWorks" },
        { "Năm", "year" },
        { "Ngày tính", "asOf" },
        { "Xếp loại 2023", "rating2023" },
        { "Danh hiệu 2023", "awards2023" },
        { "Danh hiệu năm 2021", "awards2021" },

        // without diacritics, in any case, with stray spaces, NFD (as macOS writes), a required-marker
        { "Ho va ten", "name" },
        { "HỌ VÀ TÊN", "name" },
        { "  Họ   và\u00A0tên ", "name" },
        { "Họ và tên".Normalize(NormalizationForm.FormD), "name" },
        { "ngay tuyen dung", "startDate" },
        { "Mã cán bộ *", "id" },
        { "Xep loai 2022", "rating2022" },

        // the field names of the canonical JSON
        { "id", "id" },
        { "monthsWorked", "monthsWorked" },
        { "MONTHSWORKED", "monthsWorked" },
        { "discipline.endDate", "discipline.endDate" },
        { "rating2023", "rating2023" },
        { "awards2023", "awards2023" },
        { "history.2020.awards", "awards2020" },

        // facts: explicit, by id, or a label with the id in parentheses
        { "facts.conduct", "facts.conduct" },
        { "conduct", "facts.conduct" },
        { "partyMember", "facts.partyMember" },
        { "Tự lực, đoàn kết, tích cực thi đua (conduct)", "facts.conduct" },
        { "Họ và tên đầy đủ (name)", "name" },
    };

    /// <summary>Headers of the units sheet and the canonical name they map to.</summary>
    public static TheoryData<string, string> UnitHeaders => new()
    {
        { "Mã đơn vị", "id" },
        { "Mã", "id" },
        { "Tên đơn vị", "name" },
        { "Đơn vị", "name" },
        { "Đơn vị cấp trên", "parent" },
        { "Loại", "kind" },
        { "Cụm thi đua", "cluster" },
        { "Xếp loại", "rating" },
        { "tthcTotal", "facts.tthcTotal" },
        { "Xếp loại 2019", "rating2019" },
    };

    [Theory]
    [MemberData(nameof(IndividualHeaders))]
    public void Match_IndividualHeader_MapsToTheCanonicalField(string header, string expected) =>
        Assert.Equal(expected, ColumnMap.Match(header, SheetKind.Individuals).CanonicalName);

    [Theory]
    [MemberData(nameof(UnitHeaders))]
    public void Match_UnitHeader_MapsToTheCanonicalField(string header, string expected) =>
        Assert.Equal(expected, ColumnMap.Match(header, SheetKind.Units).CanonicalName);

    [Theory]
    [InlineData("Chức vụ")]
    [InlineData("Chuc vu")]
    [InlineData("Chức danh")]
    [InlineData("position")]
    public void Match_PositionHeader_IsTheSchemasPositionField(string header)
    {
        var match = ColumnMap.Match(header, SheetKind.Individuals);
        Assert.Equal(ColumnRole.Field, match.Role);
        Assert.Equal("position", match.CanonicalName);
    }

    [Theory]
    [InlineData("STT")]
    [InlineData("Ghi chú")]
    [InlineData("Ngày sinh")] // one letter from 'Ngày tính': a did-you-mean would mislead
    [InlineData("Giới tính")]
    [InlineData("ghi chu")]
    [InlineData("")]
    public void Match_ClerksOwnColumn_IsIgnoredSilently(string header) =>
        Assert.Equal(ColumnRole.Ignored, ColumnMap.Match(header, SheetKind.Individuals).Role);

    [Theory]
    [InlineData("Họ và tê", "Họ và tên")]
    [InlineData("Ngày tuyen dung", null)] // no diacritics on part of it is still an exact match
    [InlineData("Xếp lọai", null)] // the same letters with the tone mark on another vowel: the same header
    [InlineData("Xếp loạii", "Xếp loại")]
    [InlineData("Ngày tuyển dụn", "Ngày tuyển dụng")]
    [InlineData("Xep loaii 2021", "Xếp loại 2021")]
    public void Match_MisspeltHeader_IsUnknownWithTheClosestHeader(string header, string? suggestion)
    {
        var match = ColumnMap.Match(header, SheetKind.Individuals);

        if (suggestion is null)
        {
            Assert.Equal(ColumnRole.Field, match.Role);
        }
        else
        {
            Assert.Equal(ColumnRole.Unknown, match.Role);
            Assert.Equal(suggestion, match.Suggestion);
        }
    }

    [Fact]
    public void Match_IdentifierOneTypoFromAField_IsAFactWithADidYouMean()
    {
        var match = ColumnMap.Match("monthWorked", SheetKind.Individuals);

        Assert.Equal(ColumnRole.Fact, match.Role);
        Assert.Equal("monthWorked", match.Fact);
        Assert.Equal("monthsWorked", match.Suggestion);
    }

    [Theory]
    [InlineData("kind", true)]
    [InlineData("parent", true)]
    [InlineData("startDate", false)]
    public void Match_FieldNameOfTheOtherSheet_IsUnknownNotAFact(string header, bool onIndividualsSheet) =>
        Assert.Equal(ColumnRole.Unknown, ColumnMap.Match(header, onIndividualsSheet ? SheetKind.Individuals : SheetKind.Units).Role);

    [Theory]
    [InlineData("Số điện thoại")]
    [InlineData("Trình độ chuyên môn")]
    [InlineData("Địa chỉ email")]
    public void Match_ColumnThatIsNoField_IsUnknownWithoutAMisleadingSuggestion(string header)
    {
        var match = ColumnMap.Match(header, SheetKind.Individuals);

        Assert.Equal(ColumnRole.Unknown, match.Role);
        Assert.Null(match.Suggestion);
    }

    [Fact]
    public void Definitions_EveryHeaderOfASheet_FoldsToOneField()
    {
        foreach (var kind in new[] { SheetKind.Individuals, SheetKind.Units })
        {
            var byKey = ColumnMap.Definitions.Where(d => d.AppliesTo(kind))
                .SelectMany(d => d.Headers.Prepend(d.Name).Select(h => (Key: TextKey.Header(h), d.Field)))
                .GroupBy(x => x.Key)
                .Where(g => g.Select(x => x.Field).Distinct().Count() > 1)
                .Select(g => g.Key);

            Assert.Empty(byKey);
        }
    }

    [Fact]
    public void Definitions_EveryFactDeclaredInShippedRules_IsReadAsThatFactWithoutWarning()
    {
        var root = Path.Combine(ShippedRulesTests.RepositoryRoot, "rules");
        var facts = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("schema", StringComparison.Ordinal) && !f.Contains("samples", StringComparison.Ordinal))
            .SelectMany(f => (Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(f))["facts"] as Newtonsoft.Json.Linq.JArray ?? []).Select(x => (string)x["id"]!))
            .Distinct()
            .ToList();

        Assert.NotEmpty(facts);
        Assert.All(facts, fact =>
        {
            var match = ColumnMap.Match(fact, SheetKind.Individuals);
            Assert.Equal((ColumnRole.Fact, fact, (string?)null), (match.Role, match.Fact, match.Suggestion));
        });
    }

    [Fact]
    public void Documentation_ListsEveryAcceptedHeader()
    {
        var doc = File.ReadAllText(Path.Combine(ShippedRulesTests.RepositoryRoot, "docs", "spreadsheets.md"));

        var missing = ColumnMap.Definitions.SelectMany(d => d.Headers.Prepend(d.Name))
            .Concat(ColumnMap.IgnoredHeaders)
            .Concat(ColumnMap.HistoryRatingPrefixes).Concat(ColumnMap.HistoryAwardPrefixes)
            .Concat(XlsxSubjectReader.IndividualSheetNames).Concat(XlsxSubjectReader.UnitSheetNames).Concat(XlsxSubjectReader.InfoSheetNames).Concat(XlsxSubjectReader.NotesSheetNames)
            .Distinct()
            .Where(h => !doc.Contains("`" + h + "`", StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    [Fact]
    public void Documentation_ListsEveryVocabularyWord()
    {
        var doc = File.ReadAllText(Path.Combine(ShippedRulesTests.RepositoryRoot, "docs", "spreadsheets.md"));

        var missing = Vocabulary.All.SelectMany(v => v.Entries.SelectMany(e => e.Words.Prepend(e.Id))).Distinct()
            .Where(word => !doc.Contains(word, StringComparison.Ordinal));

        Assert.Empty(missing);
    }
}
