package org.openphm.analyses.build;

import static org.junit.jupiter.api.Assertions.*;
import static org.openphm.model.ColumnType.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;

/**
 * DP 9: each analysis carries the measured data-quality caveats of the tables it reads. Here 3 of 4 spells have no
 * provider site (75.0%), 1 of 4 patients has ethnicity Z (not stated, 25.0%), and referrals are complete.
 */
class InputCaveatsTest {

    static final LocalDate D = LocalDate.parse("2024-06-01");

    static List<SpecTable> tables() {
        SpecTable referral = SpecTable.adHoc("referral")
                .col("referral_id", STRING)
                .col("person_id", STRING)
                .col("service", STRING)
                .col("source", STRING)
                .col("accepted", BOOLEAN)
                .col("referral_date", DATE)
                .col("first_contact_date", DATE)
                .col("discharge_date", DATE)
                .row("r1", "1", "MSK", "GP", true, D, D.plusDays(3), D.plusDays(30))
                .row("r2", "2", "MSK", "GP", false, D, null, D.plusDays(1))
                .build();
        SpecTable spell = SpecTable.adHoc("spell")
                .col("spell_id", STRING)
                .col("person_id", STRING)
                .col("provider_site", STRING)
                .col("discharge_destination", STRING)
                .col("admission_date", DATE)
                .col("discharge_date", DATE)
                .col("discharge_ready_date", DATE)
                .row("s1", "1", "RC971", "home", D, D.plusDays(2), null)
                .row("s2", "2", null, "home", D, D.plusDays(2), null)
                .row("s3", "3", null, "home", D, D.plusDays(2), null)
                .row("s4", "4", null, "home", D, D.plusDays(2), null)
                .build();
        SpecTable patient = SpecTable.adHoc("patient")
                .col("person_id", STRING)
                .col("ethnicity", STRING)
                .row("1", "A")
                .row("2", "J")
                .row("3", "Z")
                .row("4", "N")
                .build();
        return List.of(referral, spell, patient);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void caveatsFollowTheTablesASourceNames(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            InputCaveats caveats = InputCaveats.measure(engine);
            List<String> spells = caveats.forSource("Hospital spells (canonical tables spell, registration)", false);
            assertEquals(1, spells.size(), spells.toString());
            assertTrue(
                    spells.get(0).startsWith("spell: provider_site not recorded for 75.0% of 4 rows: site-level"),
                    spells.get(0));
            assertTrue(caveats.forSource("referral, registration", false).isEmpty(), "referrals are complete");
            assertTrue(
                    caveats.forSource("spells and patients, in prose", false).isEmpty(),
                    "only whole table names count");
            assertTrue(
                    caveats.forSource("patient, registration", false).isEmpty(),
                    "ethnicity matters only where ethnic group is a breakdown");
            List<String> ethnic = caveats.forSource("patient", true);
            assertEquals(1, ethnic.size(), ethnic.toString());
            assertTrue(ethnic.get(0).startsWith("patient: ethnicity not stated for 25.0% of 4 rows"), ethnic.get(0));
            assertEquals(List.of("declared", ethnic.get(0)), InputCaveats.combined(List.of("declared"), ethnic));
        }
    }
}
