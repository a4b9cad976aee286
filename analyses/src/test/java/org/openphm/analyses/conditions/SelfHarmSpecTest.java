package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.ConditionsSpecTest.assertCell;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.AreaType;
import org.openphm.model.CanonicalSchema;

/**
 * DP 3.2 and 3.6: which admissions are for intentional self-harm. Seven people registered in Luton all year.
 * Counted: s1 (p1, 30, emergency, T391 with X600 first), s2 (p2, 17, emergency, S619 with X780 second) and s6 (p6,
 * 12, emergency, T424 with X610). Not counted: s3 (elective), s4 (primary J189 is not an injury), s5 (X850 is
 * assault). All ages: 3 of 7 registered; aged 10-24: s2 and s6, of the four registered people aged 10-24 on 31
 * March 2025 (p2 17, p4 21, p5 23, p6 13).
 */
class SelfHarmSpecTest {

    static List<SpecTable> tables() {
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa", "death_date")
                .row("p1", "F", "1994-01", "A", "E01000001", null)
                .row("p2", "F", "2007-05", "A", "E01000001", null)
                .row("p3", "M", "1984-01", "A", "E01000001", null)
                .row("p4", "M", "2004-01", "A", "E01000001", null)
                .row("p5", "M", "2002-01", "A", "E01000001", null)
                .row("p6", "F", "2012-01", "A", "E01000001", null)
                .row("p7", "M", "1950-01", "A", "E01000001", null)
                .build();
        SpecTable.Builder registration = SpecTable.canonical(
                CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date");
        for (String p : List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7")) {
            registration.row(p, "P00001", LocalDate.parse("2000-01-01"), null);
        }
        SpecTable spell = SpecTable.canonical(
                        CanonicalSchema.SPELL,
                        "spell_id",
                        "person_id",
                        "admission_method",
                        "admission_date",
                        "primary_diagnosis",
                        "secondary_diagnoses")
                .row("s1", "p1", "emergency", LocalDate.parse("2024-11-01"), "T391", "X600;I10X")
                .row("s2", "p2", "emergency", LocalDate.parse("2024-10-01"), "S619", "E119;X780")
                .row("s3", "p3", "elective", LocalDate.parse("2024-10-01"), "T391", "X600")
                .row("s4", "p4", "emergency", LocalDate.parse("2024-10-01"), "J189", "X600")
                .row("s5", "p5", "emergency", LocalDate.parse("2024-10-01"), "T391", "X850")
                .row("s6", "p6", "emergency", LocalDate.parse("2024-09-01"), "T424", "X610")
                .build();
        SpecTable detention = SpecTable.canonical(CanonicalSchema.DETENTION, "person_id", "start_date", "section")
                .build();
        return List.of(
                SpecGeography.practices(new SpecGeography.Place("E06000032", "Luton")),
                SpecGeography.lsoas("E06000032"),
                patient,
                registration.build(),
                spell,
                detention);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void selfHarmAdmissionsFollowFingertipsDefinition(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            Map<CellKey, AgeBandCounts> cells = new EventIndicators().count(engine, ConditionsSpecTest.Y2024);
            assertCell(cells, EventIndicators.SELF_HARM_ADMISSIONS, SpecGeography.ICB, AreaType.ICB, 3, 7);
            assertCell(cells, EventIndicators.SELF_HARM_ADMISSIONS_10_24, SpecGeography.ICB, AreaType.ICB, 2, 4);
        }
    }
}
