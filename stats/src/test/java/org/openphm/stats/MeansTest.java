package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values: oracles/means.csv, from PHEindicatormethods 2.1.0 tests/testthat/testdata_Mean.xlsx
 * and testMeans.R.
 */
class MeansTest {

    static List<OracleCsv.Row> cases() {
        return OracleCsv.read("means.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(OracleCsv.Row row) {
        Means.Result r = Means.mean(row.numbers("values"), row.number("confidence"));
        Close.relative(row.number("value_sum"), r.sum(), row.id() + " sum");
        assertEquals((long) row.number("value_count"), r.count());
        Close.relative(row.number("stdev"), r.standardDeviation(), row.id() + " sd");
        Close.relative(row.number("value"), r.estimate().value(), row.id() + " value");
        Close.relative(row.number("lowercl"), r.estimate().lower(), row.id() + " lower");
        Close.relative(row.number("uppercl"), r.estimate().upper(), row.id() + " upper");
        assertEquals(row.text("method"), r.estimate().method());
    }
}
