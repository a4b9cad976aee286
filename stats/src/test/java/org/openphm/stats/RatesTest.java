package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values: oracles/byar_rates.csv, from PHEindicatormethods 2.1.0
 * tests/testthat/testdata_Byars_Wilson.xlsx, testdata_Rate.xlsx, testByars.R and testRates.R.
 */
class RatesTest {

    static List<OracleCsv.Row> cases() {
        return OracleCsv.read("byar_rates.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(OracleCsv.Row row) {
        double x = row.number("count");
        double c = row.number("confidence");
        if (row.text("func").startsWith("byars_")) {
            // internal count limits: Byar's at every count, negative lower limit → NA
            Close.relative(row.number("lowercl"), PoissonLimits.byarsLower(x, c), row.id() + " lower");
            Close.relative(row.number("uppercl"), PoissonLimits.byarsUpper(x, c), row.id() + " upper");
            return;
        }
        Estimate e = Rates.crude(x, row.number("denominator"), row.number("multiplier"), c);
        Close.relative(row.number("value"), e.value(), row.id() + " value");
        Close.relative(row.number("lowercl"), e.lower(), row.id() + " lower");
        Close.relative(row.number("uppercl"), e.upper(), row.id() + " upper");
        assertEquals(row.text("method").equals("NA") ? "" : row.text("method"), e.method());
    }

    @Test
    void zeroDenominatorIsAnError() {
        // PHEindicatormethods phe_rate: "denominators must be greater than zero"
        assertThrows(IllegalArgumentException.class, () -> Rates.crude(1, 0, 100_000, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Rates.crude(-1, 10, 100_000, 0.95));
    }

    @Test
    void zeroCountHasExactUpperLimit() {
        // oracles/README.md (byar_rates quirks): x = 0 gives lower 0 and upper qchisq(0.975, 2)/2
        // = 3.68887945 × multiplier / n at 95%
        Estimate e = Rates.crude(0, 1000, 100_000, 0.95);
        assertEquals(0, e.value());
        assertEquals(0, e.lower());
        assertEquals(3.68887945 * 100_000 / 1000, e.upper(), 1e-4);
        assertEquals("Exact", e.method());
    }
}
