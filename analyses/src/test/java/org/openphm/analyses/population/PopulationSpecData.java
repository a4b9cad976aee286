package org.openphm.analyses.population;

import static org.openphm.model.ColumnType.*;

import java.time.LocalDate;
import java.util.List;
import org.openphm.analyses.SpecGeography;
import org.openphm.engine.spec.SpecTable;

/**
 * A hand-made ICB of nine people in two Places for the DP 1.2, 2.2, 2.4 and 4.5 specification tests. Each fact
 * the tests assert is derived here, person by person.
 *
 * <pre>
 * id sex born     LSOA (decile) practice (Place)  registered            died        SMI
 * 1  F   1950-01  L1 (1)        P1 (Luton)        2000-01-01 -          -           -
 * 2  M   1980-06  L1 (1)        P1 (Luton)        2000-01-01 -          -           -
 * 3  F   2024-01  L1 (1)        P1 (Luton)        2024-02-01 -          -           -
 * 4  M   1940-03  L2 (10)       P2 (MK)           2010-01-01 -          2024-11-15  -
 * 5  F   1970-05  L2 (10)       P2 (MK)           2010-01-01 -          2025-02-01  since 2015
 * 6  M   1990-01  L2 (10)       P2 (MK)           2023-06-01 -          -           -
 * 7  F   1960-01  L1 (1)        P1 (Luton)        2000-01-01 2024-06-30 -           -
 * 8  M   1930-01  L2 (10)       P2 (MK)           2010-01-01 -          2023-05-01  -
 * 9  M   1941-06  L2 (10)       P2 (MK)           2010-01-01 -          -           -
 * </pre>
 *
 * Ethnicity: 1, 4, 7, 8, 9 White (A); 5 Black African (N); 2 Pakistani (J); 3 none recorded; 6 Z (not stated).
 */
final class PopulationSpecData {
    private PopulationSpecData() {}

    static final String LUTON = "E06000032";
    static final String MK = "E06000042";

    static List<SpecTable> tables() {
        SpecTable practice = SpecGeography.practices(
                new SpecGeography.Place(LUTON, "Luton"), new SpecGeography.Place(MK, "Milton Keynes"));
        SpecTable lsoa = SpecGeography.lsoas(LUTON, MK);
        String l1 = "E01000001";
        String l2 = "E01000002";
        SpecTable patient = SpecTable.adHoc("patient")
                .col("person_id", STRING)
                .col("sex", STRING)
                .col("birth_month", MONTH)
                .col("ethnicity", STRING)
                .col("lsoa", STRING)
                .col("death_date", DATE)
                .col("death_cause_icd10", STRING)
                .row("1", "F", "1950-01", "A", l1, null, null)
                .row("2", "M", "1980-06", "J", l1, null, null)
                .row("3", "F", "2024-01", null, l1, null, null)
                .row("4", "M", "1940-03", "A", l2, d("2024-11-15"), "I219")
                .row("5", "F", "1970-05", "N", l2, d("2025-02-01"), "C349")
                .row("6", "M", "1990-01", "Z", l2, null, null)
                .row("7", "F", "1960-01", "A", l1, null, null)
                .row("8", "M", "1930-01", "A", l2, d("2023-05-01"), "J449")
                .row("9", "M", "1941-06", "A", l2, null, null)
                .build();
        SpecTable registration = SpecTable.adHoc("registration")
                .col("person_id", STRING)
                .col("practice_code", STRING)
                .col("start_date", DATE)
                .col("end_date", DATE)
                .row("1", "P00001", d("2000-01-01"), null)
                .row("2", "P00001", d("2000-01-01"), null)
                .row("3", "P00001", d("2024-02-01"), null)
                .row("4", "P00002", d("2010-01-01"), null)
                .row("5", "P00002", d("2010-01-01"), null)
                .row("6", "P00002", d("2023-06-01"), null)
                .row("7", "P00001", d("2000-01-01"), d("2024-06-30"))
                .row("8", "P00002", d("2010-01-01"), null)
                .row("9", "P00002", d("2010-01-01"), null)
                .build();
        SpecTable condition = SpecTable.adHoc("condition")
                .col("person_id", STRING)
                .col("condition", STRING)
                .col("diagnosis_date", DATE)
                .col("resolved_date", DATE)
                .row("5", "SMI", d("2015-01-01"), null)
                // resolved before the year: person 2 is not on the SMI register in 2024/25
                .row("2", "SMI", d("2005-01-01"), d("2010-01-01"))
                .build();
        // Resident projection in two coarse bands (coarser than ESP2013, as local projections can be):
        //             2025  2035  growth
        // Luton F 0-64 100  110   1.1     Luton F 65+ 100 150  1.5
        // Luton M 0-64 100  120   1.2     Luton M 65+ 100 100  1.0
        // MK    F 0-64 100  100   1.0     MK    F 65+ 100 100  1.0
        // MK    M 0-64 100   90   0.9     MK    M 65+ 200 300  1.5
        SpecTable.Builder projection = SpecTable.adHoc("population_projection")
                .col("area_code", STRING)
                .col("year", INTEGER)
                .col("sex", STRING)
                .col("age_band", STRING)
                .col("population", DOUBLE);
        Object[][] growth = {
            {LUTON, "F", "0-64", 100.0, 110.0},
            {LUTON, "F", "65+", 100.0, 150.0},
            {LUTON, "M", "0-64", 100.0, 120.0},
            {LUTON, "M", "65+", 100.0, 100.0},
            {MK, "F", "0-64", 100.0, 100.0},
            {MK, "F", "65+", 100.0, 100.0},
            {MK, "M", "0-64", 100.0, 90.0},
            {MK, "M", "65+", 200.0, 300.0}
        };
        for (Object[] g : growth) {
            projection.row(g[0], 2025, g[1], g[2], g[3]).row(g[0], 2035, g[1], g[2], g[4]);
        }
        return List.of(practice, lsoa, patient, registration, condition, projection.build());
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
