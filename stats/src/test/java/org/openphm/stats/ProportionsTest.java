package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values: oracles/wilson_proportions.csv, from PHEindicatormethods 2.1.0
 * tests/testthat/testdata_Byars_Wilson.xlsx, testdata_Proportion.xlsx and testWilson.R
 * (each case's source_ref column names sheet and row).
 */
class ProportionsTest {

    static List<OracleCsv.Row> cases() {
        return OracleCsv.read("wilson_proportions.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(OracleCsv.Row row) {
        double x = row.number("numerator");
        double n = row.number("denominator");
        double c = row.number("confidence");
        if (row.text("func").startsWith("wilson_lower")) {
            Close.relative(row.number("lowercl"), Proportions.wilsonLower(x, n, c), row.id() + " lower");
            Close.relative(row.number("uppercl"), Proportions.wilsonUpper(x, n, c), row.id() + " upper");
            return;
        }
        Estimate e = Proportions.proportion(x, n, row.number("multiplier"), c);
        Close.relative(row.number("value"), e.value(), row.id() + " value");
        Close.relative(row.number("lowercl"), e.lower(), row.id() + " lower");
        Close.relative(row.number("uppercl"), e.upper(), row.id() + " upper");
        assertEquals(row.text("method"), e.method());
    }

    @Test
    void rejectsImpossibleProportions() {
        // PHEindicatormethods phe_proportion: x < 0, n <= 0 and x > n are errors
        assertThrows(IllegalArgumentException.class, () -> Proportions.proportion(-1, 10, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.proportion(1, 0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.proportion(11, 10, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.proportion(1, 10, 1, 0.8));
    }

    @Test
    void acceptsConfidenceAsPercentage() {
        // same row as W_BW_07/P_Area4_m1_c95: 65/100 at 95% → 0.55254443296888..0.736357517569025
        Estimate e = Proportions.proportion(65, 100, 1, 95);
        Close.relative(0.55254443296888, e.lower(), "lower");
        Close.relative(0.736357517569025, e.upper(), "upper");
    }
}
