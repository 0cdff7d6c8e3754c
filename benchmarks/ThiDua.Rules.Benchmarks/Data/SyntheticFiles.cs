using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using NodaTime.Text;
using ThiDua.Rules.Model.Subjects;

namespace ThiDua.Rules.Benchmarks.Data;

/// <summary>Writes a synthetic population as the canonical data JSON (design §3), streaming, for end-to-end runs.</summary>
public static class SyntheticFiles
{
    public static void WriteJson(SubjectData data, string path)
    {
        using var stream = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        using var json = new JsonTextWriter(stream) { Formatting = Formatting.None, Culture = CultureInfo.InvariantCulture };
        json.WriteStartObject();
        json.WritePropertyName("year");
        json.WriteValue(data.Year);
        json.WritePropertyName("asOf");
        json.WriteValue(LocalDatePattern.Iso.Format(data.AsOf!.Value));
        json.WritePropertyName("units");
        json.WriteStartArray();
        foreach (var unit in data.Units)
        {
            json.WriteStartObject();
            Write(json, "id", unit.Id);
            Write(json, "name", unit.Name);
            Write(json, "parent", unit.Parent);
            Write(json, "cluster", unit.Cluster);
            Write(json, "rating", unit.Rating);
            WriteFacts(json, unit.Facts);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("individuals");
        json.WriteStartArray();
        foreach (var person in data.Individuals)
        {
            json.WriteStartObject();
            Write(json, "id", person.Id);
            Write(json, "name", person.Name);
            Write(json, "unit", person.Unit);
            Write(json, "rating", person.Rating);
            Write(json, "employeeType", person.EmployeeType);
            if (person.StartDate is { } start)
            {
                Write(json, "startDate", LocalDatePattern.Iso.Format(start));
            }

            if (person.PendingReview == true)
            {
                json.WritePropertyName("pendingReview");
                json.WriteValue(true);
            }

            if (person.Discipline is { } discipline)
            {
                json.WritePropertyName("discipline");
                json.WriteStartObject();
                Write(json, "level", discipline.Level);
                Write(json, "date", discipline.Date is { } d ? LocalDatePattern.Iso.Format(d) : null);
                json.WriteEndObject();
            }

            WriteWorks(json, "initiatives", person.Initiatives);
            WriteWorks(json, "researchWorks", person.ResearchWorks);
            WriteFacts(json, person.Facts);
            json.WritePropertyName("history");
            json.WriteStartObject();
            foreach (var year in person.History)
            {
                json.WritePropertyName(year.Year.ToString(CultureInfo.InvariantCulture));
                json.WriteStartObject();
                Write(json, "rating", year.Rating);
                json.WritePropertyName("awards");
                json.WriteStartArray();
                foreach (var award in year.Awards)
                {
                    json.WriteValue(award.Id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Write(JsonTextWriter json, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    private static void WriteWorks(JsonTextWriter json, string name, System.Collections.Immutable.ImmutableArray<Initiative> works)
    {
        if (works.IsEmpty)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var work in works)
        {
            json.WriteStartObject();
            Write(json, "name", work.Name);
            Write(json, "scope", work.Scope);
            Write(json, "recognizedOn", work.RecognizedOn is { } d ? LocalDatePattern.Iso.Format(d) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFacts(JsonTextWriter json, System.Collections.Immutable.ImmutableDictionary<string, object?> facts)
    {
        if (facts.IsEmpty)
        {
            return;
        }

        json.WritePropertyName("facts");
        json.WriteStartObject();
        foreach (var (name, value) in facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        json.WriteEndObject();
    }
}
