package org.openphm.analyses.acute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * DP 8.16 by hand, 2024/25. Unit stays (treatment function 314, admitted by transfer, site WICU): u1 A 1-21 Jul
 * (20 days, home; A's emergency admission on 10 Aug is 20 days later: a readmission), u2 B 25 Jul-4 Aug (10 days;
 * B's emergency on 5 Sep is 32 days later: not), u3 C 20-25 Aug (5 days, died: no readmission possible), u4 D from
 * 20 Mar 2025, still open. x1 (elective rehabilitation) is not a unit stay. Bed days (admission day in, discharge
 * day out): July u1 20 + u2 7 = 27 (0.87 beds over 31 days); August u2 3 + u3 5 = 8 (0.26); March u4 20-31 = 12
 * (0.39). Discharges: July 1 (mean 20 days, 1 readmission), August 2 (mean 7.5). Year: 3 discharges, mean
 * (20 + 10 + 5) / 3 = 11.67 days, 1 readmission = 33.3...% (a share is not rounded), 47 bed days / 365 = 0.13 beds.
 */
class RehabilitationPathway2Test {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static List<SpecTable> tables() {
        SpecTable spell = SpecTable.canonical(
                        CanonicalSchema.SPELL,
                        "spell_id",
                        "person_id",
                        "provider_site",
                        "admission_method",
                        "admission_date",
                        "discharge_date",
                        "treatment_function",
                        "discharge_destination")
                .row("u1", "A", "WICU", "other", d("2024-07-01"), d("2024-07-21"), "314", "19")
                .row("e1", "A", "RC979", "emergency", d("2024-08-10"), d("2024-08-12"), "300", "19")
                .row("u2", "B", "WICU", "other", d("2024-07-25"), d("2024-08-04"), "314", "19")
                .row("e2", "B", "RC979", "emergency", d("2024-09-05"), d("2024-09-06"), "300", "19")
                .row("u3", "C", "WICU", "other", d("2024-08-20"), d("2024-08-25"), "314", "79")
                .row("u4", "D", "WICU", "other", d("2025-03-20"), null, "314", null)
                .row("x1", "E", "WICU", "elective", d("2024-06-01"), d("2024-06-10"), "314", "19")
                .build();
        return List.of(spell);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void dischargesStaysBedsAndReadmissions(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            LocalDate from = d("2024-04-01");
            LocalDate to = d("2025-03-31");
            List<AnalysisTable> t = RehabilitationPathway2.tables(
                    RehabilitationPathway2.read(engine.execute(RehabilitationPathway2.query(from, to))), from, to);
            List<List<Object>> months = t.get(0).rows();
            assertEquals(12, months.size());
            assertEquals(Arrays.asList("WICU", "2024-07", 1L, 20.0, 1L, 27L, 0.87), months.get(3));
            assertEquals(Arrays.asList("WICU", "2024-08", 2L, 7.5, 0L, 8L, 0.26), months.get(4));
            assertEquals(Arrays.asList("WICU", "2025-03", 0L, null, 0L, 12L, 0.39), months.get(11));
            assertEquals(
                    List.of(Arrays.asList("WICU", "2024-04 to 2025-03", 3L, 11.67, 1L, 100.0 / 3, 0.13)),
                    t.get(1).rows());
        }
    }
}
