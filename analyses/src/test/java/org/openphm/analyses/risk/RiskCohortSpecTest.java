package org.openphm.analyses.risk;

import static java.time.LocalDate.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * The risk model's cohort and features on hand-made tables, on DuckDB and Spark (issue 11, items 1-2), index
 * date 2024-04-01:
 * <pre>
 * A  F born 1950-01, LSOA quintile 1. Registers HYP (2015), HF (2020); DM diagnosed 2024-06-01 (after the index:
 *    not counted); COPD resolved 2023-01-01 (not counted). Spells: emergency 2023-05-01 to 05-11 (10 days, in
 *    12 months), emergency 2022-06-01 to 06-04 (3 days, in 24 months only), elective 2023-10-01 to 10-02 (1 day);
 *    after the index, emergencies 2024-09-01 and 2024-07-01 (2; the first 2024-07-01) and one 2025-04-01 (beyond
 *    12 months). Referrals CSDS 2023-06-01 (in), MHSDS 2022-01-01 (out). BP_SYS 140 (2023-01-01), 150
 *    (2024-03-01), 130 (2024-05-01, after); BMI 31.2 (2022-02-02).
 * B  M born 1990-06, quintile 5, nothing recorded; dies 2024-10-01.
 * C  deregistered 2023-12-31: not in the cohort.
 * D  F born 1960-03, emergency admitted 2024-03-25, not discharged: 7 bed days to the index.
 * </pre>
 */
class RiskCohortSpecTest {
    static final LocalDate INDEX = LocalDate.of(2024, 4, 1);

    static List<SpecTable> tables() {
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa", "death_date")
                .row("A", "F", "1950-01", "A", "E01000001", null)
                .row("B", "M", "1990-06", "H", "E01000002", parse("2024-10-01"))
                .row("C", "M", "1980-01", "A", "E01000001", null)
                .row("D", "F", "1960-03", "M", "E01000001", null)
                .build();
        SpecTable registration = SpecTable.canonical(
                        CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
                .row("A", "P00001", parse("2010-01-01"), null)
                .row("B", "P00001", parse("2010-01-01"), null)
                .row("C", "P00001", parse("2010-01-01"), parse("2023-12-31"))
                .row("D", "P00001", parse("2010-01-01"), null)
                .build();
        SpecTable condition = SpecTable.canonical(
                        CanonicalSchema.CONDITION, "person_id", "condition", "diagnosis_date", "resolved_date")
                .row("A", "HYP", parse("2015-01-01"), null)
                .row("A", "HF", parse("2020-01-01"), null)
                .row("A", "DM", parse("2024-06-01"), null)
                .row("A", "COPD", parse("2010-01-01"), parse("2023-01-01"))
                .build();
        SpecTable spell = SpecTable.canonical(
                        CanonicalSchema.SPELL,
                        "spell_id",
                        "person_id",
                        "provider_code",
                        "admission_method",
                        "admission_date",
                        "discharge_date",
                        "primary_diagnosis",
                        "treatment_function",
                        "cost_gbp")
                .row("s1", "A", "RC9", "emergency", parse("2023-05-01"), parse("2023-05-11"), "I500", "300", 1.0)
                .row("s2", "A", "RC9", "emergency", parse("2022-06-01"), parse("2022-06-04"), "I500", "300", 1.0)
                .row("s3", "A", "RC9", "elective", parse("2023-10-01"), parse("2023-10-02"), "K40", "100", 1.0)
                .row("s4", "A", "RC9", "emergency", parse("2024-09-01"), parse("2024-09-03"), "I500", "300", 1.0)
                .row("s5", "A", "RC9", "emergency", parse("2024-07-01"), parse("2024-07-02"), "I500", "300", 1.0)
                .row("s6", "A", "RC9", "emergency", parse("2025-04-01"), parse("2025-04-02"), "I500", "300", 1.0)
                .row("s7", "D", "RC9", "emergency", parse("2024-03-25"), null, "J18", "300", 1.0)
                .build();
        SpecTable referral = SpecTable.canonical(
                        CanonicalSchema.REFERRAL,
                        "referral_id",
                        "person_id",
                        "dataset",
                        "provider_code",
                        "referral_date")
                .row("r1", "A", "CSDS", "RWK", parse("2023-06-01"))
                .row("r2", "A", "MHSDS", "RV3", parse("2022-01-01"))
                .build();
        SpecTable observation = SpecTable.canonical(CanonicalSchema.OBSERVATION, "person_id", "code", "value", "date")
                .row("A", "BP_SYS", 140.0, parse("2023-01-01"))
                .row("A", "BP_SYS", 150.0, parse("2024-03-01"))
                .row("A", "BP_SYS", 130.0, parse("2024-05-01"))
                .row("A", "BMI", 31.2, parse("2022-02-02"))
                .build();
        return List.of(
                SpecGeography.practices(new SpecGeography.Place("E06000032", "Luton")),
                SpecGeography.lsoas("E06000032", "E06000032"),
                patient,
                registration,
                condition,
                spell,
                referral,
                observation);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void featuresAndOutcomeAsOfTheIndexDate(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            Result r = engine.execute(RiskCohort.on(INDEX));
            Map<String, Map<String, Object>> byPerson = new HashMap<>();
            for (Map<String, Object> row : r.asMaps()) {
                byPerson.put((String) row.get("person_id"), row);
            }
            assertEquals(
                    List.of("A", "B", "D"), byPerson.keySet().stream().sorted().toList(), "C left before the index");
            Map<String, Object> a = byPerson.get("A");
            assertEquals(74L, ((Number) a.get("age")).longValue());
            assertEquals("1", a.get("imd_quintile"));
            assertEquals(1L, a.get("reg_hyp"));
            assertEquals(1L, a.get("reg_hf"));
            assertEquals(0L, a.get("reg_dm"), "diagnosed after the index date");
            assertEquals(0L, a.get("reg_copd"), "resolved before the index date");
            assertEquals(2L, a.get("ltc_count"));
            assertEquals(1L, a.get("emergency_12m"));
            assertEquals(2L, a.get("emergency_24m"));
            // bed days of every spell, emergency or elective: 10 + 1 in 12 months, and the 3 before that
            assertEquals(11L, a.get("bed_days_12m"));
            assertEquals(14L, a.get("bed_days_24m"));
            assertEquals(1L, a.get("elective_12m"));
            assertEquals(1L, a.get("community_referrals_12m"));
            assertEquals(0L, a.get("mh_referrals_12m"));
            assertEquals(
                    150.0, ((Number) a.get("latest_sbp")).doubleValue(), 1e-9, "the latest on or before the index");
            assertEquals(31.2, ((Number) a.get("latest_bmi")).doubleValue(), 1e-9);
            assertEquals(2L, a.get("emergency_after"), "2025-04-01 is beyond the 12 months");
            assertEquals(LocalDate.of(2024, 7, 1), a.get("first_emergency_after"));
            assertNull(a.get("death_after"));

            Map<String, Object> b = byPerson.get("B");
            assertEquals(0L, b.get("ltc_count"));
            assertEquals(0L, b.get("emergency_after"));
            assertNull(b.get("latest_sbp"), "never recorded stays unknown, not 0");
            assertEquals(LocalDate.of(2024, 10, 1), b.get("death_after"), "a death in the 12 months is reported");
            assertEquals("5", b.get("imd_quintile"));

            Map<String, Object> d = byPerson.get("D");
            assertEquals(1L, d.get("emergency_12m"));
            assertEquals(7L, d.get("bed_days_12m"), "an open spell counts to the index date");
            assertFalse(
                    r.columns().contains("ethnicity"), "the raw code is not carried; ethnic_group is, for fairness");
        }
    }
}
