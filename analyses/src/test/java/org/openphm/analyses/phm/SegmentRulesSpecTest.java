package org.openphm.analyses.phm;

import static java.time.LocalDate.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * The shipped segment rules (phm/segments.json) on hand-built people, on DuckDB and Spark: every segment, and
 * every tie-break between two rules a person meets (the earlier segment wins). Index date 2024-04-01; everyone
 * is registered at one practice since 2010.
 */
class SegmentRulesSpecTest {
    static final LocalDate INDEX = LocalDate.of(2024, 4, 1);

    /** person, birth month, registers, emergency admissions in the 12 months before, expected segment. */
    record Person(String id, String born, List<String> registers, int emergencies, String segment) {}

    static final List<Person> PEOPLE = List.of(
            new Person("EOL", "1940-01", List.of("PC", "DEM", "HF"), 1, "End of life"),
            new Person("DEM", "1974-01", List.of("DEM"), 0, "Frailty and dementia"),
            // the frailty branch: 65+ with 9 of the 36 eFI deficits evidenced by registers (9/36 = 0.25)
            new Person(
                    "FRAIL",
                    "1950-06",
                    List.of("RA", "AF", "STIA", "DM", "HYP", "CHD", "PDIS", "OST", "PAD"),
                    0,
                    "Frailty and dementia"),
            // the same 9 deficits under 65: not frail by the rule, so complex multimorbidity (9 LTCs)
            new Person(
                    "YOUNG9",
                    "1970-06",
                    List.of("RA", "AF", "STIA", "DM", "HYP", "CHD", "PDIS", "OST", "PAD"),
                    0,
                    "Complex multimorbidity"),
            // dementia and an exacerbating organ failure: frailty and dementia comes first
            new Person("DEMHF", "1945-01", List.of("DEM", "HF"), 2, "Frailty and dementia"),
            new Person("HF", "1950-01", List.of("HF"), 1, "Organ failure with exacerbations"),
            // organ failure before complex multimorbidity (COPD, CKD, AST, DM: 4 LTCs)
            new Person("COPD4", "1955-01", List.of("COPD", "CKD", "AST", "DM"), 1, "Organ failure with exacerbations"),
            // heart failure without an admission is a stable condition
            new Person("HFSTABLE", "1950-01", List.of("HF"), 0, "Stable long-term conditions"),
            new Person("MM4", "1960-01", List.of("HYP", "DM", "AST", "CHD"), 0, "Complex multimorbidity"),
            // SMI with three other conditions: complex multimorbidity comes before SMI
            new Person("SMI4", "1980-01", List.of("SMI", "DEP", "AST", "DM"), 0, "Complex multimorbidity"),
            new Person("SMI", "1990-01", List.of("SMI"), 0, "Serious mental illness or learning disability"),
            new Person("LDHYP", "1985-01", List.of("LD", "HYP"), 0, "Serious mental illness or learning disability"),
            new Person("HYP", "1970-01", List.of("HYP"), 0, "Stable long-term conditions"),
            // a child of 3 with asthma: stable long-term conditions before early years
            new Person("CHILDAST", "2020-12", List.of("AST"), 0, "Stable long-term conditions"),
            new Person("BABY", "2022-06", List.of(), 0, "Early years"),
            // obesity is a register but not a long-term condition: healthy
            new Person("OB", "1994-01", List.of("OB"), 0, "Healthy"),
            new Person("WELL", "1999-01", List.of(), 0, "Healthy"));

    static List<SpecTable> tables() {
        var patient = SpecTable.canonical(
                CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa", "death_date");
        var registration = SpecTable.canonical(
                CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date");
        var condition = SpecTable.canonical(
                CanonicalSchema.CONDITION, "person_id", "condition", "diagnosis_date", "resolved_date");
        var spell = SpecTable.canonical(
                CanonicalSchema.SPELL,
                "spell_id",
                "person_id",
                "provider_code",
                "admission_method",
                "admission_date",
                "discharge_date",
                "primary_diagnosis",
                "treatment_function",
                "cost_gbp");
        int spells = 0;
        for (Person p : PEOPLE) {
            patient.row(p.id(), "F", p.born(), "A", "E01000001", null);
            registration.row(p.id(), "P00001", parse("2010-01-01"), null);
            for (String r : p.registers()) {
                condition.row(p.id(), r, parse("2015-01-01"), null);
            }
            for (int i = 0; i < p.emergencies(); i++) {
                spells++;
                spell.row(
                        "s" + spells,
                        p.id(),
                        "RC9",
                        "emergency",
                        parse("2023-06-01").plusDays(10L * i),
                        parse("2023-06-03").plusDays(10L * i),
                        "I500",
                        "300",
                        100.0);
            }
        }
        return List.of(
                SpecGeography.practices(new SpecGeography.Place("E06000032", "Luton")),
                SpecGeography.lsoas("E06000032", "E06000032"),
                patient.build(),
                registration.build(),
                condition.build(),
                spell.build(),
                SpecTable.canonical(
                                CanonicalSchema.REFERRAL,
                                "referral_id",
                                "person_id",
                                "dataset",
                                "provider_code",
                                "referral_date")
                        .build(),
                SpecTable.canonical(CanonicalSchema.OBSERVATION, "person_id", "code", "value", "date")
                        .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void everySegmentAndEveryTieBreak(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            var result = engine.execute(
                    Segmentation.segmented(SegmentRules.standard(), INDEX).select("person_id", "segment"));
            Map<String, String> got = new TreeMap<>();
            result.asMaps().forEach(r -> got.put((String) r.get("person_id"), (String) r.get("segment")));
            Map<String, String> expected = new TreeMap<>();
            PEOPLE.forEach(p -> expected.put(p.id(), p.segment()));
            assertEquals(expected, got);
            // every segment of the shipped rules is reached by someone here
            List<String> reached = new ArrayList<>(got.values());
            for (String name : SegmentRules.standard().names()) {
                assertEquals(true, reached.contains(name), name + " is tested");
            }
        }
    }
}
